/// One claim found in a new article: who asserts what, with which figures, and whether it
/// repeats or updates a claim already in the record.
public struct ClaimExtracted: EventPayload, Equatable {
    public static let eventType = "claim.extracted"

    public struct Span: Codable, Sendable, Equatable {
        /// Unicode-scalar offsets of `text` in the stored article text.
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) { self.start = start; self.end = end }
    }

    public struct Claimant: Codable, Sendable, Equatable {
        public var name: String
        public var canonical: String
        /// person, organization, government, media, anonymous, unattributed.
        public var kind: String
        public init(name: String, canonical: String, kind: String) {
            self.name = name
            self.canonical = canonical
            self.kind = kind
        }
    }

    public struct Figure: Codable, Sendable, Equatable {
        /// The value a figure changed from ("up from 14"), as written, with its bounds.
        public struct Previous: Codable, Sendable, Equatable {
            public var text: String
            public var low: Double?
            public var high: Double?
            public var bound: FigureBound
            public init(text: String, low: Double?, high: Double?, bound: FigureBound) {
                self.text = text
                self.low = low
                self.high = high
                self.bound = bound
            }
        }

        public var text: String
        public var low: Double?
        public var high: Double?
        public var bound: FigureBound
        /// An ISO currency code, `percent`, `ratio`, a unit of speed or rate (`km/h`), or
        /// absent for a count.
        public var unit: String?
        public var counted: String?
        /// What a rate is per ("hour", "1,000 people"); absent for anything but a rate.
        public var per: String?
        /// The whole a share or percentage is of ("hospitals" in "one in five hospitals").
        public var of: String?
        /// The earlier value of a figure that states a change.
        public var previous: Previous?
        /// rise or fall, when the text says which way a change went.
        public var change: String?
        public init(
            text: String, low: Double?, high: Double?, bound: FigureBound, unit: String?, counted: String?,
            per: String? = nil, of: String? = nil, previous: Previous? = nil, change: String? = nil
        ) {
            self.text = text
            self.low = low
            self.high = high
            self.bound = bound
            self.unit = unit
            self.counted = counted
            self.per = per
            self.of = of
            self.previous = previous
            self.change = change
        }
    }

    public var claim: String
    public var article: String
    public var text: String
    public var content: String?
    public var span: Span?
    public var claimant: Claimant?
    public var cue: String?
    /// asserts or denies.
    public var stance: String
    public var hedges: [String]
    public var quote: Bool
    public var figures: [Figure]
    /// The earlier claim, recorded from another article, that this one reports again: the
    /// same sentence (or, in a version of the same article, the same claim reworded). A
    /// report, never another source: its figures are that claim's, not new ones.
    public var repeats: String?
    /// The earlier claim, in the article this one is a version of, whose figures this one
    /// changes: the source's newer figure, history rather than a conflict.
    public var updates: String?

    public init(
        claim: String, article: String, text: String, content: String?, span: Span?, claimant: Claimant?,
        cue: String?, stance: String, hedges: [String], quote: Bool, figures: [Figure], repeats: String? = nil,
        updates: String? = nil
    ) {
        self.claim = claim
        self.article = article
        self.text = text
        self.content = content
        self.span = span
        self.claimant = claimant
        self.cue = cue
        self.stance = stance
        self.hedges = hedges
        self.quote = quote
        self.figures = figures
        self.repeats = repeats
        self.updates = updates
    }
}
