/// A quantity in a claim: its surface form, bounds, unit and what it counts.
public struct Figure: Sendable, Hashable, Codable {
    /// How `low` and `high` bound the quantity.
    public enum Bound: String, Sendable, Hashable, Codable, CaseIterable {
        case exact, atLeast, atMost, approximately, range
    }

    /// Which way a figure that states a change moved, when the text says so.
    public enum Change: String, Sendable, Hashable, Codable, CaseIterable {
        case rise, fall
    }

    /// The value a figure changed from: "14" in "the toll rose to 19, up from 14", "$6.7
    /// million" in "revenue rose from $6.7 million to $7.9 million". A figure that carries
    /// one is one source's update, not two claims at odds. For "doubled to 40" the earlier
    /// value is worked out (20) and `text` is the word that says so.
    ///
    /// A class, held by reference: few figures state a change, and a struct of its size
    /// inline would make every figure twice as large to copy.
    public final class Previous: Sendable, Hashable, Codable {
        public let text: String
        public let low: Double?
        public let high: Double?
        public let bound: Bound

        public init(text: String, low: Double?, high: Double?, bound: Bound) {
            self.text = text
            self.low = low
            self.high = high
            self.bound = bound
        }

        public static func == (left: Previous, right: Previous) -> Bool {
            left.text == right.text && left.low == right.low && left.high == right.high && left.bound == right.bound
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(text)
            hasher.combine(low)
            hasher.combine(high)
            hasher.combine(bound)
        }
    }

    /// The surface form, bound words and counted noun included: "at least 155 Chinese citizens".
    public var text: String
    public var low: Double?
    public var high: Double?
    public var bound: Bound
    /// An ISO 4217 currency code, `percent`, `ratio` (a share of a whole, as a fraction:
    /// "one in five" is 0.2), a unit of speed or rate (`km/h`, `mph`), or nil for a count.
    /// (`Optional<…>` spelled out here and below, as in `Claim`: no implicit nil before the
    /// initializer.)
    public var unit: Optional<String>
    /// The noun phrase counted ("Chinese citizens"); nil for money, percentages and ratios.
    public var counted: Optional<String>
    /// What a rate is per: "hour" in "$15 an hour", "1,000 people" in "3 deaths per 1,000 people".
    public var per: Optional<String> {
        get { details?.per }
        set { details = Details.make(per: newValue, of: of, previous: previous, change: change) }
    }
    /// The whole a share or percentage is of: "hospitals" in "one in five hospitals",
    /// "workforce" in "3 per cent of the workforce".
    public var of: Optional<String> {
        get { details?.of }
        set { details = Details.make(per: per, of: newValue, previous: previous, change: change) }
    }
    /// The earlier value, when the figure states a change.
    public var previous: Optional<Previous> {
        get { details?.previous }
        set { details = Details.make(per: per, of: of, previous: newValue, change: change) }
    }
    /// The direction of a change, when the text gives one ("rose", "down from").
    public var change: Optional<Change> {
        get { details?.change }
        set { details = Details.make(per: per, of: of, previous: previous, change: newValue) }
    }
    /// Unicode-scalar offsets of `text` in the article text.
    public var start: Int
    public var end: Int
    /// What few figures have, held by reference: a rate's `per`, a share's `of`, a change.
    /// Inline, they made every figure half as large again, and figures are copied often.
    private var details: Optional<Details>

    public init(
        text: String, low: Double?, high: Double?, bound: Bound, unit: String? = nil, counted: String? = nil,
        per: String? = nil, of: String? = nil, previous: Previous? = nil, change: Change? = nil,
        start: Int = 0, end: Int = 0
    ) {
        self.text = text
        self.low = low
        self.high = high
        self.bound = bound
        self.unit = unit
        self.counted = counted
        self.start = start
        self.end = end
        details = Details.make(per: per, of: of, previous: previous, change: change)
    }

    private final class Details: Sendable, Hashable {
        let per: String?
        let of: String?
        let previous: Previous?
        let change: Change?

        private init(per: String?, of: String?, previous: Previous?, change: Change?) {
            self.per = per
            self.of = of
            self.previous = previous
            self.change = change
        }

        /// Nil when the figure has none of them, as most have not.
        static func make(per: String?, of: String?, previous: Previous?, change: Change?) -> Details? {
            guard per != nil || of != nil || previous != nil || change != nil else { return nil }
            return Details(per: per, of: of, previous: previous, change: change)
        }

        static func == (left: Details, right: Details) -> Bool {
            left.per == right.per && left.of == right.of && left.previous == right.previous && left.change == right.change
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(per)
            hasher.combine(of)
            hasher.combine(previous)
            hasher.combine(change)
        }
    }
}

extension Figure {
    private enum CodingKeys: String, CodingKey {
        case text, low, high, bound, unit, counted, per, of, previous, change, start, end
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            text: try values.decode(String.self, forKey: .text), low: try values.decodeIfPresent(Double.self, forKey: .low),
            high: try values.decodeIfPresent(Double.self, forKey: .high), bound: try values.decode(Bound.self, forKey: .bound),
            unit: try values.decodeIfPresent(String.self, forKey: .unit), counted: try values.decodeIfPresent(String.self, forKey: .counted),
            per: try values.decodeIfPresent(String.self, forKey: .per), of: try values.decodeIfPresent(String.self, forKey: .of),
            previous: try values.decodeIfPresent(Previous.self, forKey: .previous),
            change: try values.decodeIfPresent(Change.self, forKey: .change),
            start: try values.decode(Int.self, forKey: .start), end: try values.decode(Int.self, forKey: .end)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(text, forKey: .text)
        try values.encodeIfPresent(low, forKey: .low)
        try values.encodeIfPresent(high, forKey: .high)
        try values.encode(bound, forKey: .bound)
        try values.encodeIfPresent(unit, forKey: .unit)
        try values.encodeIfPresent(counted, forKey: .counted)
        try values.encodeIfPresent(per, forKey: .per)
        try values.encodeIfPresent(of, forKey: .of)
        try values.encodeIfPresent(previous, forKey: .previous)
        try values.encodeIfPresent(change, forKey: .change)
        try values.encode(start, forKey: .start)
        try values.encode(end, forKey: .end)
    }
}
