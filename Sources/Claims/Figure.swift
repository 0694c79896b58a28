/// A quantity in a claim: its surface form, bounds, unit and what it counts.
public struct Figure: Sendable, Hashable, Codable {
    /// How `low` and `high` bound the quantity.
    public enum Bound: String, Sendable, Hashable, Codable, CaseIterable {
        case exact, atLeast, atMost, approximately, range
    }

    /// The surface form, bound words and counted noun included: "at least 155 Chinese citizens".
    public var text: String
    public var low: Double?
    public var high: Double?
    public var bound: Bound
    /// An ISO 4217 currency code, `percent`, or nil for a count. (`Optional<…>` spelled out
    /// here and for `counted`, as in `Claim`: no implicit nil before the initializer.)
    public var unit: Optional<String>
    /// The noun phrase counted ("Chinese citizens"); nil for money and percentages.
    public var counted: Optional<String>
    /// Unicode-scalar offsets of `text` in the article text.
    public var start: Int
    public var end: Int

    public init(
        text: String, low: Double?, high: Double?, bound: Bound, unit: String? = nil, counted: String? = nil,
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
    }
}
