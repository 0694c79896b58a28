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
    public var per: Optional<String>
    /// The whole a share or percentage is of: "hospitals" in "one in five hospitals",
    /// "workforce" in "3 per cent of the workforce".
    public var of: Optional<String>
    /// The earlier value, when the figure states a change.
    public var previous: Optional<Previous>
    /// The direction of a change, when the text gives one ("rose", "down from").
    public var change: Optional<Change>
    /// Unicode-scalar offsets of `text` in the article text.
    public var start: Int
    public var end: Int

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
        self.per = per
        self.of = of
        self.previous = previous
        self.change = change
        self.start = start
        self.end = end
    }
}
