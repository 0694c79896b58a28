import Claims
import Testing

/// One expression of the reading set: a sentence that holds one figure, and how a careful
/// reader takes it. Scored on what a number-range and money recognizer is judged on: the
/// value or bounds, the bound's kind and the unit; what is counted is left to other suites.
struct ReadingSetCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var low: Double?
    var high: Double?
    var bound: Figure.Bound
    var unit: String?
    /// A vague amount ("hundreds of") has a rough lower bound and no agreed upper one.
    var lowOnly = false
    var testDescription: String { sentence }

    /// What is wrong with the reading, or nil when it is right.
    func miss() -> String? {
        let figures = ClaimExtractor().figures(in: sentence)
        guard figures.count == 1, let figure = figures.first else {
            return "\(figures.count) figures: \(figures.map(\.text))"
        }
        let read = "\(figure.text) → \(figure.low.map { "\($0)" } ?? "nil")…\(figure.high.map { "\($0)" } ?? "nil") "
            + "\(figure.bound) \(figure.unit ?? "-")"
        guard figure.low == low, lowOnly || figure.high == high, figure.bound == bound, figure.unit == unit else {
            return read
        }
        return nil
    }

    static func exact(_ sentence: String, _ value: Double, _ unit: String? = nil) -> Self {
        Self(sentence: sentence, low: value, high: value, bound: .exact, unit: unit)
    }

    static func range(_ sentence: String, _ low: Double, _ high: Double, _ unit: String? = nil) -> Self {
        Self(sentence: sentence, low: low, high: high, bound: .range, unit: unit)
    }

    static func atLeast(_ sentence: String, _ low: Double, _ unit: String? = nil) -> Self {
        Self(sentence: sentence, low: low, high: nil, bound: .atLeast, unit: unit)
    }

    static func atMost(_ sentence: String, _ high: Double, _ unit: String? = nil) -> Self {
        Self(sentence: sentence, low: nil, high: high, bound: .atMost, unit: unit)
    }

    static func about(_ sentence: String, _ value: Double, _ unit: String? = nil) -> Self {
        Self(sentence: sentence, low: value, high: value, bound: .approximately, unit: unit)
    }

    static func vague(_ sentence: String, from low: Double, _ unit: String? = nil) -> Self {
        Self(sentence: sentence, low: low, high: nil, bound: .approximately, unit: unit, lowOnly: true)
    }
}
