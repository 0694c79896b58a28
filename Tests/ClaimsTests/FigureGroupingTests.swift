import Claims
import Testing

/// Thousands grouped by a space or a dot, and the dots and spaces that group nothing.
/// Every sentence is the project's own.
@Suite struct FigureGroupingTests {
    typealias Case = FigureCase

    static func exact(_ sentence: String, _ value: Double, _ unit: String? = nil) -> Case {
        Case(sentence: sentence, low: value, high: value, bound: .exact, unit: unit)
    }

    static let grouped: [Case] = [
        exact("The village raised 2 300 euros for the roof.", 2300, "EUR"),
        exact("The march was 3 400 strong.", 3400),
        exact("The register lists 12 000 000 voters.", 12_000_000),
        exact("A second-hand car costs 9\u{A0}800 euros.", 9800, "EUR"),
        exact("The rent is 1.200 euros a month.", 1200, "EUR"),
        exact("The ferry line carried 6.000 lorries.", 6000),
        exact("The fund holds 3.400.000 euros.", 3_400_000, "EUR"),
    ]

    static let decimals: [Case] = [
        exact("The ratio stood at 1.250 in May.", 1.25),
        exact("Output grew 2.500 percent.", 2.5, "percent"),
        exact("The plank is 1.500 metres thick.", 1.5),
        exact("The firm employs 1.375 workers per site.", 1.375),
    ]

    @Test("thousands grouped by a space or a dot are one number", arguments: grouped)
    func thousands(_ example: Case) throws { try example.check() }

    @Test("a dot before three digits stays a decimal point with a measure, a share or no noun", arguments: decimals)
    func decimal(_ example: Case) throws { try example.check() }

    @Test("a date's day and a count, or a year and a count, are not grouped")
    func notGrouped() {
        let march = ClaimExtractor().figures(in: "On March 3 200 protesters gathered.")
        #expect(march.map(\.low) == [200])
        let year = ClaimExtractor().figures(in: "In 2019 500 people died.")
        #expect(year.map(\.low) == [500])
    }
}
