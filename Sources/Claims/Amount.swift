/// A number as it is written: an integer significand and a power of ten. "€4.1m" is 41 × 10^5,
/// which converts to exactly 4,100,000, where 4.1 × 10^6 in binary floating point is
/// 4,099,999.9999999995 and would be logged so. Sums and scalings stay in decimal; a value
/// no decimal holds ("two thirds") keeps the nearest `Double` instead.
struct Amount: Sendable, Equatable {
    /// The significand, or the bits of the `Double` when the amount is inexact. Sixteen bytes
    /// in all, so that readings and drafts that hold two of them stay small to copy.
    private var bits: Int64
    private var power: Int32
    private var isDecimal: Bool

    var significand: Int64 { isDecimal ? bits : 0 }
    var exponent: Int { isDecimal ? Int(power) : 0 }

    init(_ significand: Int64, exponent: Int = 0) {
        if let power = Int32(exactly: exponent) {
            self.init(bits: significand, power: power, isDecimal: true)
        } else {
            self.init(inexact: Double(significand) * Amount.pow10(exponent))
        }
    }

    private init(bits: Int64, power: Int32, isDecimal: Bool) {
        self.bits = bits
        self.power = power
        self.isDecimal = isDecimal
    }

    init(inexact value: Double) {
        self.init(bits: Int64(bitPattern: value.bitPattern), power: 0, isDecimal: false)
    }

    /// Set when the value is not a decimal of the form above, or would overflow one.
    private var inexact: Double? { isDecimal ? nil : Double(bitPattern: UInt64(bitPattern: bits)) }

    static let zero = Amount(0)

    /// The nearest `Double`: one correctly rounded operation from the decimal, so that a
    /// value written with up to 15 significant digits prints back as written.
    var value: Double {
        if let inexact { return inexact }
        if exponent == 0 { return Double(significand) }
        let magnitude = significand.magnitude
        if exponent > 0, exponent < Self.powers.count, magnitude < 1 << 53 { return Double(significand) * Self.powers[exponent] }
        if exponent < 0, -exponent < Self.powers.count, magnitude < 1 << 53 { return Double(significand) / Self.powers[-exponent] }
        return Double(significand) * Self.pow10(exponent)
    }

    var isZero: Bool { value == 0 }

    /// The amount times 10^power.
    func scaled(byPowerOfTen power: Int) -> Amount {
        guard inexact == nil else { return Amount(inexact: value * Self.pow10(power)) }
        return Amount(significand, exponent: exponent + power).normalized()
    }

    /// The amount times a whole number ("two dozen", "half a million").
    func times(_ factor: Int64) -> Amount {
        guard inexact == nil else { return Amount(inexact: value * Double(factor)) }
        let (product, overflow) = significand.multipliedReportingOverflow(by: factor)
        return overflow ? Amount(inexact: value * Double(factor)) : Amount(product, exponent: exponent).normalized()
    }

    /// The amount over a whole number: exact when the quotient is a decimal of a few places
    /// ("a fifth" is 0.2), the nearest `Double` otherwise ("a third").
    func divided(by divisor: Int64) -> Amount {
        guard divisor != 0 else { return self }
        guard inexact == nil else { return Amount(inexact: value / Double(divisor)) }
        var candidate = self
        for _ in 0..<6 {
            if candidate.significand % divisor == 0 {
                return Amount(candidate.significand / divisor, exponent: candidate.exponent).normalized()
            }
            let (wider, overflow) = candidate.significand.multipliedReportingOverflow(by: 10)
            if overflow { break }
            candidate = Amount(wider, exponent: candidate.exponent - 1)
        }
        return Self.rounded(value / Double(divisor))
    }

    /// A repeating fraction ("two thirds") as a decimal of nine significant digits, 0.666666667,
    /// which then adds to a whole exactly: "103 and two thirds" is logged 103.666666667, not
    /// the binary 103.66666666666667. Nine keep apart any two fractions a writer would use
    /// (denominators up to a thousand) and say plainly that the value was rounded, where
    /// seventeen digits pass the float's noise off as meaning.
    static func rounded(_ value: Double) -> Amount {
        guard value.isFinite, value != 0 else { return Amount(inexact: value) }
        // ⌊log10 |value|⌋ from the table of powers: the standard library has no logarithm.
        let magnitude = value.magnitude
        var order = 0
        while order + 1 < Self.powers.count, Self.powers[order + 1] <= magnitude { order += 1 }
        while magnitude < 1, -order < Self.powers.count - 1, magnitude * Self.powers[-order] < 1 { order -= 1 }
        let places = 8 - order
        guard places > -Self.powers.count, places < Self.powers.count else { return Amount(inexact: value) }
        let scaled = places >= 0 ? value * Self.powers[places] : value / Self.powers[-places]
        guard let significand = Int64(exactly: scaled.rounded()) else { return Amount(inexact: value) }
        return Amount(significand, exponent: -places).normalized()
    }

    var negated: Amount {
        if let inexact { return Amount(inexact: -inexact) }
        return Amount(-significand, exponent: exponent)
    }

    static func + (left: Amount, right: Amount) -> Amount {
        if left.inexact != nil || right.inexact != nil { return Amount(inexact: left.value + right.value) }
        let exponent = min(left.exponent, right.exponent)
        guard let a = left.significand(at: exponent), let b = right.significand(at: exponent) else {
            return Amount(inexact: left.value + right.value)
        }
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Amount(inexact: left.value + right.value) : Amount(sum, exponent: exponent).normalized()
    }

    static func - (left: Amount, right: Amount) -> Amount { left + right.negated }

    static func < (left: Amount, right: Amount) -> Bool { left.value < right.value }

    /// The significand for a smaller exponent, or nil when it would overflow.
    private func significand(at target: Int) -> Int64? {
        var result = significand
        for _ in 0..<(exponent - target) {
            let (wider, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = wider
        }
        return result
    }

    /// Trailing zeros of the significand moved into the exponent, so that equal amounts
    /// compare equal.
    private func normalized() -> Amount {
        guard inexact == nil else { return self }
        var significand = self.significand
        var exponent = self.exponent
        if significand == 0 { return Amount(0) }
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        return Amount(significand, exponent: exponent)
    }

    static let powers: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    private static func pow10(_ exponent: Int) -> Double {
        if exponent >= 0, exponent < powers.count { return powers[exponent] }
        if exponent < 0, -exponent < powers.count { return 1 / powers[-exponent] }
        var result = 1.0
        for _ in 0..<min(abs(exponent), 400) { result = exponent > 0 ? result * 10 : result / 10 }
        return result
    }
}

