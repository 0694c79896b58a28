/// One figure as the ledger sees it: its value and bound, what it counts, and the
/// sentence it stands in (whose words around the figure help say what is counted).
public struct LedgerFigure: Sendable, Hashable {
    public var ref: FigureRef
    /// The figure's surface form, as `claim.extracted` gives it.
    public var text: String
    public var low: Double?
    public var high: Double?
    /// exact, atLeast, atMost, approximately, range.
    public var bound: String
    /// An ISO currency code, `percent`, or nil for a count.
    public var unit: String?
    /// The counted noun phrase, when the extractor found one.
    public var counted: String?
    /// The whole sentence of the claim.
    public var sentence: String

    public init(ref: FigureRef, text: String, low: Double?, high: Double?, bound: String, unit: String?,
                counted: String?, sentence: String) {
        self.ref = ref
        self.text = text
        self.low = low
        self.high = high
        self.bound = bound
        self.unit = unit
        self.counted = counted
        self.sentence = sentence
    }

    /// The values it allows, or nil when it has no number.
    public var range: FigureRange? { FigureRange(low: low, high: high, bound: bound, unit: unit) }
}
