import Claims
import Testing

/// Ranges written as one hyphenated word, ranges of a length of time, and numbers in the
/// span of years that count something. Every sentence is the project's own.
@Suite struct FigureSpanTests {
    typealias Case = FigureCase

    static let ranges: [Case] = [
        Case(sentence: "The yard hires 3-to-6 welders each spring.", low: 3, high: 6, bound: .range, counted: "welders"),
        Case(sentence: "The repairs took 6 to 8 weeks.", low: 6, high: 8, bound: .range),
        Case(sentence: "The audit lasted 3-5 months.", low: 3, high: 5, bound: .range),
        Case(sentence: "The hearing may run between 2 and 3 days.", low: 2, high: 3, bound: .range),
        Case(sentence: "Between 1200 and 1800 volunteers turned up.", low: 1200, high: 1800, bound: .range, counted: "volunteers"),
        Case(sentence: "Rents run from 700 up to 900 a month.", low: 700, high: 900, bound: .range),
        Case(sentence: "Offers came in from €3m up to €5m.", low: 3_000_000, high: 5_000_000, bound: .range, unit: "EUR"),
        Case(sentence: "From 12 up to 20 families will move.", low: 12, high: 20, bound: .range, counted: "families"),
        Case(sentence: "The ferry carried 1600 passengers.", low: 1600, high: 1600, bound: .exact, counted: "passengers"),
        Case(sentence: "The square held 1900 men and boys.", low: 1900, high: 1900, bound: .exact),
    ]

    static let noFigures = [
        "The mill closed for 12 days.",
        "Between 1990 and 1995 wages fell.",
        "Between 1500 and 1600 the town doubled.",
        "In 1850 farmers moved west.",
        "The 2000 elections were close.",
        "Rents rose 2010 onwards.",
        "The firm signed 5-to-10-year leases.",
        "Delays of 4 to 6 hours hit the port.",
        "He was jailed for 2 to 4 years.",
    ]

    @Test("ranges in one word, ranges of time and counts in the years' span are read", arguments: ranges)
    func range(_ example: Case) throws { try example.check() }

    @Test("'up to' with no 'from' before it is still a bound")
    func upToAlone() throws {
        let figures = ClaimExtractor().figures(in: "The hall seats up to 500 guests.")
        let figure = try #require(figures.first)
        #expect(figures.count == 1)
        #expect(figure.bound == .atMost)
        #expect(figure.high == 500)
    }

    @Test("a single length of time and a year before a noun are still no figures", arguments: noFigures)
    func none(_ sentence: String) {
        #expect(ClaimExtractor().figures(in: sentence).isEmpty)
    }
}
