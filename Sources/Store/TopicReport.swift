public import EventLog

/// One topic of the figures ledger: its figures side by side, who gives each, how many
/// independent sources back each value, and which figures conflict.
///
/// Conflicts are held as positions in `figures` and become figure names only when
/// printed (`nameOf`, `AnswerJSON.topic`): a large topic lists up to 20 conflicts for each
/// of thousands of figures, and names there would be thousands of strings no one asked for yet.
public struct TopicReport: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        /// `claim#index`.
        public var figure: String
        public var text: String
        public var low: Double?
        public var high: Double?
        public var bound: FigureBound
        public var unit: String?
        public var counted: String?
        /// The claimant's canonical name; nil when the figure is asserted as fact.
        public var claimant: String?
        public var cue: String?
        public var stance: String
        public var article: String
        /// The article's path in the drop folder, for articles with no outlet named.
        public var path: String?
        public var outlet: String?
        public var published: String?
        /// When the log recorded the claim.
        public var time: String
        /// Other articles that carry this figure's claim: copies, and articles that repeat it.
        public var copies: Int
        /// Independent sources giving this same value in the topic.
        public var sources: Int
        /// Articles and copies carrying this same value.
        public var reports: Int
        /// How many figures in the topic it conflicts with.
        public var conflicting: Int
        /// How many it agrees with: other sources' current figures for comparable days whose
        /// ranges overlap its own (none for a figure that is history).
        public var agreeing = 0
        /// Those figures, as positions in the topic's `figures` (ascending), at most
        /// `TopicReport.listed` of them.
        public var conflicts: [Int]
        /// The claim whose figures this one updates (the same source's newer figure).
        public var updates: String? = nil
        /// The figure (`claim#index`) that updates this one: it is history, compared with
        /// nothing.
        public var updatedBy: String? = nil
    }

    /// The topic's label: its most common counted phrase.
    public var topic: String
    public var id: String
    /// The normalized key the figures share (`unit|qualifiers|head|state`).
    public var key: String
    public var figures: [Line]
    /// The story the topic belongs to; nil for figures recorded before stories.
    public var story: String? = nil
    /// How many pairs of figures conflict.
    public var conflictingPairs: Int
    /// Conflicting pairs of figures, as positions in `figures`, each pair once (the lower
    /// position first), at most `pairsListed` of them.
    public var conflicts: [[Int]]

    /// The most conflicting figures listed for one figure, and pairs for a topic: past that,
    /// a list is noise, and building it would cost the square of the topic's size.
    public static let listed = 20
    public static let pairsListed = 100

    /// The `claim#index` name of the figure at `position`.
    public func nameOf(_ position: Int) -> String { figures[position].figure }
}
