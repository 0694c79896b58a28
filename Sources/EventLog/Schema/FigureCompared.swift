/// A figure joined a topic that already held figures: the figures it agrees with (their
/// ranges overlap) and those it conflicts with (disjoint). Written in the same batch as
/// the article's `claim.extracted` events, so `claimwatch tail -f` shows a conflict as
/// the article lands.
public struct FigureCompared: EventPayload, Equatable {
    public static let eventType = "figure.compared"

    /// A figure: its claim and its place in the claim's `figures` (from 0).
    public struct Ref: Codable, Sendable, Equatable {
        public var claim: String
        public var index: Int
        public init(claim: String, index: Int) {
            self.claim = claim
            self.index = index
        }
    }

    public var claim: String
    public var index: Int
    public var article: String
    /// The topic's stable id and its label (its most common counted phrase).
    public var topic: String
    public var label: String
    /// The figure as written, with its bounds.
    public var text: String
    public var low: Double?
    public var high: Double?
    public var bound: String
    public var unit: String?
    public var agrees: [Ref]
    public var conflicts: [Ref]

    public init(claim: String, index: Int, article: String, topic: String, label: String, text: String, low: Double?,
                high: Double?, bound: String, unit: String?, agrees: [Ref], conflicts: [Ref]) {
        self.claim = claim
        self.index = index
        self.article = article
        self.topic = topic
        self.label = label
        self.text = text
        self.low = low
        self.high = high
        self.bound = bound
        self.unit = unit
        self.agrees = agrees
        self.conflicts = conflicts
    }
}
