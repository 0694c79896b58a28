import Claims
import Foundation
import Testing

/// Fractions written with a slash or as one character: a fraction of something is a share, as
/// "one in five" is; a mixed number is an amount; dates, schedules and scores are no figures.
@Suite struct FigureFractionTests {
    typealias Case = FigureCase

    static func share(_ sentence: String, _ value: Double, of whole: String? = nil) -> Case {
        Case(sentence: sentence, low: value, high: value, bound: .exact, unit: "ratio", of: whole)
    }

    @Test("a fraction with a slash or in one character, of something, is a share", arguments: [
        share("1/2 of the residents left before the flood.", 0.5, of: "residents"),
        share("About 3/4 of the wells were dry.", 0.75, of: "wells"),
        share("The council passed it with a 2/3 majority.", 0.666666667),
        share("Only 1/10 of the grain was saved.", 0.1, of: "grain"),
        share("½ of the orchards burned.", 0.5, of: "orchards"),
        share("Nearly ¾ of the crews were volunteers.", 0.75, of: "crews"),
        share("⅓ of the ward beds were empty.", 0.333333333, of: "ward beds"),
        share("⅝ of the ballots were counted by noon.", 0.625, of: "ballots"),
    ])
    func shares(_ example: Case) throws {
        var expected = example
        // Bound words before the fraction keep their meaning.
        if example.sentence.hasPrefix("About") || example.sentence.hasPrefix("Nearly") {
            expected.bound = .approximately
        }
        let figures = ClaimExtractor().figures(in: example.sentence)
        let figure = try #require(figures.first)
        #expect(figures.count == 1, "\(figures.map(\.text))")
        #expect(figure.low == expected.low)
        #expect(figure.unit == "ratio")
        #expect(figure.bound == expected.bound)
        if let whole = example.of { #expect(figure.of == whole) }
    }

    @Test("a whole number with a fraction is an amount, and takes a scale", arguments: [
        FigureCase(sentence: "The project cost 3½ million dollars.", low: 3_500_000, high: 3_500_000, bound: .exact, unit: "USD"),
        FigureCase(sentence: "Crews laid 2¼ miles of pipe.", low: 2.25, high: 2.25, bound: .exact),
        FigureCase(sentence: "Some 1½ million people voted.", low: 1_500_000, high: 1_500_000, bound: .approximately, counted: "people"),
        FigureCase(sentence: "They hauled 12¾ tonnes of sand.", low: 12.75, high: 12.75, bound: .exact),
    ])
    func mixed(_ example: FigureCase) throws {
        let figures = ClaimExtractor().figures(in: example.sentence)
        let figure = try #require(figures.first)
        #expect(figures.count == 1, "\(figures.map(\.text))")
        #expect(figure.low == example.low)
        #expect(figure.high == example.high)
        #expect(figure.bound == example.bound)
        #expect(figure.unit == example.unit)
        if let counted = example.counted { #expect(figure.counted == counted) }
    }

    @Test("dates, schedules, scores and references written with a slash are no figures", arguments: [
        "The clinic opened on 12/05 after repairs.", "The hearing is set for 5/12/2026 in the county court.",
        "Volunteers staffed the line 24/7 through the storm.", "She went 3/4 in the final.",
        "The 9/11 memorial was lit.", "The split was 50/50 between the towns.",
    ])
    func notFigures(_ sentence: String) {
        let figures = ClaimExtractor().figures(in: sentence)
        #expect(figures.isEmpty, "\(figures.map(\.text))")
    }

    @Test("a fraction's value is kept exact where a decimal holds it")
    func exactValues() throws {
        let figure = try #require(ClaimExtractor().figures(in: "Exactly 3/8 of the vote was counted.").first)
        #expect(figure.low == 0.375)
        #expect("\(figure.low ?? 0)" == "0.375")
    }

    @Test("a repeating fraction is written to the log as nine significant digits, not the float's seventeen")
    func repeatingFraction() throws {
        let figure = try #require(ClaimExtractor().figures(in: "The estate covers one hundred and three and two thirds acres.").first)
        let json = String(decoding: try JSONEncoder().encode(figure), as: UTF8.self)
        #expect(json.contains("\"low\":103.666666667"), "\(json)")
        let seventh = try #require(ClaimExtractor().figures(in: "The fund lost one seventh of its value.").first)
        #expect(seventh.low == 0.142857143)
        #expect(try JSONDecoder().decode(Figure.self, from: JSONEncoder().encode(figure)) == figure)
    }
}
