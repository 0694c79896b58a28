import Claims
import Testing

/// One sentence and the single figure it must hold, for the table-driven figure suites.
struct FigureCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var low: Double?
    var high: Double?
    var bound: Figure.Bound
    var unit: String? = nil
    var counted: String? = nil
    /// Checked when given: what a rate is per, and the whole a share is of.
    var per: String? = nil
    var of: String? = nil
    var testDescription: String { sentence }

    /// Expects exactly one figure in the sentence, as described, whose text is its span.
    func check() throws {
        let figures = ClaimExtractor().figures(in: sentence)
        let figure = try #require(figures.first)
        #expect(figures.count == 1, "\(figures.map(\.text))")
        #expect(figure.low == low)
        #expect(figure.high == high)
        #expect(figure.bound == bound)
        #expect(figure.unit == unit)
        if let counted { #expect(figure.counted == counted) }
        if let per { #expect(figure.per == per) }
        if let of { #expect(figure.of == of) }
        let scalars = Array(sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[figure.start..<figure.end])) == figure.text)
    }
}
