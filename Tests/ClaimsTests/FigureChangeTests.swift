import Claims
import Testing

/// A figure that states a change carries its earlier value, so that "rose to 19, up from 14"
/// is one source's update and not two figures at odds.
@Suite struct FigureChangeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var value: Double
        var previous: Double?
        var change: Figure.Change?
        var unit: String? = nil
        var counted: String? = nil
        var testDescription: String { sentence }
    }

    static let changes: [Case] = [
        Case(sentence: "The toll rose to 19, up from 14 on Monday.", value: 19, previous: 14, change: .rise, counted: "toll"),
        Case(sentence: "Revenue rose from $6.7 million to $7.9 million.", value: 7_900_000, previous: 6_700_000, change: .rise, unit: "USD"),
        Case(sentence: "Turnout fell from 61% to 48%.", value: 48, previous: 61, change: .fall, unit: "percent"),
        Case(sentence: "The number of homeless people rose to 250,000, up from 205,000 three years earlier.",
             value: 250_000, previous: 205_000, change: .rise, counted: "homeless people"),
        Case(sentence: "Exports dropped to £3bn, down from £4.5bn.", value: 3_000_000_000, previous: 4_500_000_000, change: .fall, unit: "GBP"),
        Case(sentence: "The count has risen to 31 from 26.", value: 31, previous: 26, change: .rise),
        Case(sentence: "The number of cases doubled to 40.", value: 40, previous: 20, change: .rise, counted: "cases"),
        Case(sentence: "Stocks of grain halved to 300 tonnes.", value: 300, previous: 600, change: .fall),
        Case(sentence: "Membership has tripled to 2,400.", value: 2400, previous: 800, change: .rise),
        Case(sentence: "Prices climbed to 14 euros.", value: 14, previous: nil, change: .rise, unit: "EUR"),
        Case(sentence: "The death toll rose to 19 on Thursday, up from 14 a day earlier.", value: 19, previous: 14, change: .rise,
             counted: "death toll"),
        Case(sentence: "Sales reached 40,000 units last year, down from 52,000.", value: 40000, previous: 52000, change: .fall,
             counted: "units"),
    ]

    @Test("a change carries its earlier value and its direction, and the earlier value is no figure of its own", arguments: changes)
    func change(_ example: Case) throws {
        let figures = ClaimExtractor().figures(in: example.sentence)
        #expect(figures.count == 1, "\(figures.map(\.text))")
        let figure = try #require(figures.first)
        #expect(figure.low == example.value)
        #expect(figure.high == example.value)
        #expect(figure.previous?.low == example.previous)
        #expect(figure.change == example.change)
        #expect(figure.unit == example.unit)
        if let counted = example.counted { #expect(figure.counted == counted) }
    }

    @Test("from one number to another is a range where nothing says it changed", arguments: [
        "From 40 to 60 houses were hit.", "Shifts last from 8 to 12 hours a day in summer, officials said of 30 to 50 crews.",
    ])
    func rangeIsNoChange(_ sentence: String) {
        let figures = ClaimExtractor().figures(in: sentence)
        #expect(figures.allSatisfy { $0.previous == nil && $0.change == nil })
        #expect(figures.contains { $0.bound == .range })
    }
}
