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
    /// The story the topic belongs to: figures are compared only within one story. Absent
    /// in records written before stories, whose topics spanned every story.
    public var story: String?
    /// The figure as written, with its bounds.
    public var text: String
    public var low: Double?
    public var high: Double?
    public var bound: FigureBound
    public var unit: String?
    /// How many figures of the topic it agrees and conflicts with.
    public var agreeing: Int
    public var conflicting: Int
    /// The figures, the most recent last; at most `listed` of each, so that a topic of
    /// thousands of figures does not make every event larger than the last.
    public var agrees: [Ref]
    public var conflicts: [Ref]

    /// The most figures an event names in each list.
    public static let listed = 20

    public init(claim: String, index: Int, article: String, topic: String, label: String, text: String, low: Double?,
                high: Double?, bound: FigureBound, unit: String?, agreeing: Int? = nil, conflicting: Int? = nil,
                agrees: [Ref], conflicts: [Ref], story: String? = nil) {
        self.claim = claim
        self.index = index
        self.article = article
        self.topic = topic
        self.label = label
        self.story = story
        self.text = text
        self.low = low
        self.high = high
        self.bound = bound
        self.unit = unit
        self.agreeing = agreeing ?? agrees.count
        self.conflicting = conflicting ?? conflicts.count
        self.agrees = Array(agrees.suffix(Self.listed))
        self.conflicts = Array(conflicts.suffix(Self.listed))
    }
}
