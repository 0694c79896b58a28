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
        public var source: String {
            if let claimant, !claimant.isEmpty { return "claimant:" + claimant.lowercased() }
            if let outlet, !outlet.isEmpty { return "outlet:" + outlet.lowercased() }
            return "article:" + article
        }
    }

    public struct Backing: Sendable, Equatable {
        /// Distinct sources that give the same value.
        public var sources: Int
        /// Articles and their copies that carry the same value.
        public var reports: Int
    }

    /// For each figure, in order, how many independent sources and reports back its value
    /// (the same range) within the topic.
    public static func backing(_ figures: [Sourced]) -> [Backing] {
        // Figures are grouped by value first: most values in a large topic are given once,
        // and a lone figure is one source and one report without naming anything. Only
        // values given more than once build source names to tell sources apart.
        var groups: [FigureRange: [Int]] = [:]
        groups.reserveCapacity(figures.count)
        for (index, figure) in figures.enumerated() { groups[figure.range, default: []].append(index) }
        var result = [Backing](repeating: Backing(sources: 0, reports: 0), count: figures.count)
        var sources: Set<String> = []
        var articles: Set<String> = []
        for members in groups.values {
            guard members.count > 1 else {
                let index = members[0]
                result[index] = Backing(sources: 1, reports: 1 + figures[index].copies)
                continue
            }
            sources.removeAll(keepingCapacity: true)
            articles.removeAll(keepingCapacity: true)
            var copies = 0
            for index in members {
                sources.insert(figures[index].source)
                if articles.insert(figures[index].article).inserted { copies += figures[index].copies }
            }
            let backing = Backing(sources: sources.count, reports: articles.count + copies)
            for index in members { result[index] = backing }
        }
        return result
    }
}
