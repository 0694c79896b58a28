/// Counts independent sources behind the figures of one topic.
///
/// A source is the claimant, by canonical name, so one claimant quoted by two outlets is
/// one source reported twice; an unattributed figure is the outlet's own (or the
/// article's, when the outlet is unknown). Near-copies never carry claims of their own,
/// so they add to how often a value was reported, never to its sources.
public enum SourceCounter {
    public struct Sourced: Sendable {
        public var ref: FigureRef
        public var range: FigureRange
        /// The claimant's canonical name, nil when unattributed.
        public var claimant: String?
        public var outlet: String?
        public var article: String
        /// How many near-copies the article has.
        public var copies: Int

        public init(ref: FigureRef, range: FigureRange, claimant: String?, outlet: String?, article: String, copies: Int) {
            self.ref = ref
            self.range = range
            self.claimant = claimant
            self.outlet = outlet
            self.article = article
            self.copies = copies
        }

        /// Who stands behind the figure, as one comparable name.
        public var source: String { SourceCounter.source(claimant: claimant, outlet: outlet, article: article) }
    }

    /// A figure with its source and article already reduced to numbers: equal numbers are
    /// the same source, the same article. The store keeps these on each figure row, so
    /// counting a large topic compares integers, never names.
    public struct Keyed: Sendable {
        public var range: FigureRange
        public var source: Int64
        public var article: Int64
        public var copies: Int
        /// The value the figure says it changed from, for the ledger's rules (`FigurePair`).
        public var earlier: FigureRange?

        public init(range: FigureRange, source: Int64, article: Int64, copies: Int, earlier: FigureRange? = nil) {
            self.range = range
            self.source = source
            self.article = article
            self.copies = copies
            self.earlier = earlier
        }
    }

    public struct Backing: Sendable, Equatable {
        /// Distinct sources that give the same value.
        public var sources: Int
        /// Articles and their copies that carry the same value.
        public var reports: Int
    }

    /// The name a source is known by: `claimant:`, `outlet:` (both lowercased) or
    /// `article:`, after the rules above. The store interns these names to numbers.
    public static func source(claimant: String?, outlet: String?, article: String) -> String {
        if let claimant, !claimant.isEmpty { return "claimant:" + claimant.lowercased() }
        if let outlet, !outlet.isEmpty { return "outlet:" + outlet.lowercased() }
        return Self.article(article)
    }

    /// The name an article is known by among sources and reports.
    public static func article(_ id: String) -> String { "article:" + id }

    /// For each figure, in order, how many independent sources and reports back its value
    /// (the same range) within the topic.
    public static func backing(_ figures: [Sourced]) -> [Backing] {
        var numbers: [String: Int64] = [:]
        func number(_ name: String) -> Int64 {
            if let known = numbers[name] { return known }
            let next = Int64(numbers.count)
            numbers[name] = next
            return next
        }
        return backing(figures.map { figure in
            Keyed(range: figure.range, source: number(figure.source), article: number(article(figure.article)),
                  copies: figure.copies)
        })
    }

    /// The same count on figures whose sources and articles are numbers. `byLow`, when
    /// the caller has it, is their positions sorted by low (`StableOrder`), saving a sort.
    public static func backing(_ figures: [Keyed], byLow: [Int]? = nil) -> [Backing] {
        // Figures are grouped by value by sorting their positions, not by hashing them into
        // arrays: most values in a large topic are given once, and a lone figure is one
        // source and one report without looking further.
        // Sorted by low, then stably by high: equal ranges side by side.
        let byLow = byLow ?? StableOrder.positions(by: figures.map { StableOrder.key($0.range.low) })
        let order = StableOrder.positions(by: figures.map { StableOrder.key($0.range.high) }, from: byLow)
        var result = [Backing](repeating: Backing(sources: 0, reports: 0), count: figures.count)
        var sources: [Int64] = []
        var articles: [(article: Int64, position: Int)] = []
        var start = 0
        while start < order.count {
            let range = figures[order[start]].range
            var end = start + 1
            while end < order.count, figures[order[end]].range == range { end += 1 }
            defer { start = end }
            guard end - start > 1 else {
                result[order[start]] = Backing(sources: 1, reports: 1 + figures[order[start]].copies)
                continue
            }
            sources.removeAll(keepingCapacity: true)
            articles.removeAll(keepingCapacity: true)
            for position in order[start..<end] {
                sources.append(figures[position].source)
                articles.append((figures[position].article, position))
            }
            sources.sort()
            // An article's copies count once, from its first figure in the topic's order.
            articles.sort { $0.article == $1.article ? $0.position < $1.position : $0.article < $1.article }
            var distinctSources = 0, reports = 0
            for (offset, source) in sources.enumerated() where offset == 0 || sources[offset - 1] != source { distinctSources += 1 }
            for (offset, entry) in articles.enumerated() where offset == 0 || articles[offset - 1].article != entry.article {
                reports += 1 + figures[entry.position].copies
            }
            let backing = Backing(sources: distinctSources, reports: reports)
            for position in order[start..<end] { result[position] = backing }
        }
        return result
    }
}
