public import EventLog

/// The interval of values a figure allows, from its bound: what comparing two figures
/// comes down to. Open ends are infinite; `approximately` widens by a tolerance.
public struct FigureRange: Sendable, Hashable {
    public var low: Double
    public var high: Double

    /// The least an approximate value reaches either way, as a share of it.
    public static let minimumTolerance = 0.02

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The range a figure claims, or nil when it carries no number to compare.
    /// - exact: [v, v]; atLeast: [low, +inf); atMost: [0, high] (counts and money are never
    ///   negative; a percentage can be, so it goes to -inf); approximately: the given
    ///   bounds (or the value) widened by what rounding hides; range: [low, high].
    public init?(low: Double?, high: Double?, bound: FigureBound, unit: String?) {
        let low = low.map(Self.comparable), high = high.map(Self.comparable)
        let floor = unit == "percent" ? -Double.infinity : 0
        switch bound {
        case .atLeast:
            guard let value = low ?? high else { return nil }
            self.init(low: value, high: .infinity)
        case .atMost:
            guard let value = high ?? low else { return nil }
            self.init(low: min(floor, value), high: value)
        case .approximately:
            guard let first = low ?? high else { return nil }
            // A vague amount with only a floor ("thousands of" → low 2000, no high) claims
            // at least that much.
            if low != nil, high == nil {
                self.init(low: first, high: .infinity)
                return
            }
            let last = high ?? first
            self.init(low: first - Self.roundingReach(first), high: last + Self.roundingReach(last))
        case .range:
            guard let lower = low, let upper = high else {
                guard let value = low ?? high else { return nil }
                self.init(low: value, high: value)
                return
            }
            self.init(low: min(lower, upper), high: max(lower, upper))
        case .exact, .unknown:
            guard let value = low ?? high else { return nil }
            self.init(low: value, high: high ?? value)
        }
    }

    /// A logged value to nine significant digits, the precision the reader keeps a repeating
    /// fraction at ("a third" is 0.333333333): older versions logged it at seventeen, and a
    /// log holding both must not set "a third" against "a third". Counts up to 999,999,999
    /// are unchanged; beyond, a tenth digit is within any rounding a writer does anyway.
    static func comparable(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        // Powers of ten are built by multiplying, which keeps them exact (up to 1e22), and
        // applied by the operation that brings the nine leading digits before the point.
        var power = 1.0
        let rounded: Double
        if abs(value) >= 1e9 {
            while abs(value) / power >= 1e9, power < 1e300 { power *= 10 }
            rounded = (value / power).rounded() * power
        } else {
            while abs(value) * power < 1e8, power < 1e300 { power *= 10 }
            rounded = (value * power).rounded() / power
        }
        return rounded.isFinite ? rounded : value
    }

    /// How far an approximate value reaches: half a unit of its last significant digit,
    /// since that is what rounding to it hides ("some 12,000" is 11,500–12,500, so a
    /// plain 11,000 disagrees with it), and never less than `minimumTolerance`.
    static func roundingReach(_ value: Double) -> Double {
        let magnitude = abs(value)
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        var unit = 1.0
        while unit * 10 <= magnitude, (magnitude / (unit * 10)).rounded() * unit * 10 == magnitude { unit *= 10 }
        if unit == 1 {
            // Decimals: "3.5" rounds at the tenths.
            while unit > 1e-6, abs((magnitude / unit).rounded() * unit - magnitude) > magnitude * 1e-9 { unit /= 10 }
        }
        return max(unit / 2, magnitude * minimumTolerance)
    }

    /// Two figures agree when some value satisfies both.
    public func overlaps(_ other: FigureRange) -> Bool {
        low <= other.high && other.low <= high
    }
}
