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
        var sources: [FigureRange: Set<String>] = [:]
        var reports: [FigureRange: Set<String>] = [:]
        var copies: [FigureRange: Int] = [:]
        for figure in figures {
            sources[figure.range, default: []].insert(figure.source)
            if reports[figure.range, default: []].insert(figure.article).inserted { copies[figure.range, default: 0] += figure.copies }
        }
        return figures.map { figure in
            Backing(sources: sources[figure.range]?.count ?? 0,
                    reports: (reports[figure.range]?.count ?? 0) + (copies[figure.range] ?? 0))
        }
    }
}
