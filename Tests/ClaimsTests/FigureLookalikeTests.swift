import Claims
import Testing

/// Words and codes that look like the forms the reading set reads, and are not figures or not
/// the same figure: weights written as modifiers, names with digits, a scale word's own hyphen.
@Suite struct FigureLookalikeTests {
    @Test("names and modifiers with digits are no money and no range", arguments: [
        "A 10-pound bag of rice was left.", "A pound of flour was added.", "The USA1 crew finished first.", "An F-16 and a Su-27 flew over the base.",
        "Covid-19 wards were closed.", "The Boeing 737-800 landed safely.", "Delegates met at COP26 in the autumn.",
        "The phone, a Nexus 6P, streams 1440p video.", "The 2010-2015 period was hard for the mill.", "The photo was saved as img_08_46_50-7593157.jpeg on the server.",
    ])
    func noMoney(_ sentence: String) {
        let figures = ClaimExtractor().figures(in: sentence)
        #expect(figures.allSatisfy { $0.unit == nil && $0.bound != .range }, "\(figures.map(\.text))")
    }

    @Test("\"or\" between numbers that are a choice, not a span, leaves two figures", arguments: [
        "Samples are taken at either 3 or 7 sites.", "Okay, so the dog gained 40 or 100 grams.",
        "Call 0344 811 0125 or 0344 811 0126 now.",
    ])
    func choice(_ sentence: String) {
        let figures = ClaimExtractor().figures(in: sentence)
        #expect(!figures.isEmpty)
        #expect(figures.allSatisfy { $0.bound != .range }, "\(figures.map(\.text))")
    }

    @Test("a code glued to digits is a currency only in capitals and only when it is one", arguments: [
        ("The bank lent EUR1.25m.", "EUR" as String?), ("The fund raised USD250,000.", "USD"), ("The team raced in ABC100.", nil),
    ])
    func gluedCode(_ sentence: String, _ unit: String?) {
        let figure = ClaimExtractor().figures(in: sentence).first
        #expect(figure?.unit == unit)
    }

    @Test("cents after a currency's name join it only where the phrase ends")
    func unnamedCents() throws {
        let joined = try #require(ClaimExtractor().figures(in: "A sandwich costs three pounds fifty.").first)
        #expect(joined.low == 3.5)
        let apart = ClaimExtractor().figures(in: "They paid 3 pounds 20 times over.")
        #expect(apart.first?.low == 3, "\(apart.map(\.text))")
    }

    @Test("\"and\" before a larger scale takes the whole group, except between two numbers")
    func groups() throws {
        let one = ClaimExtractor().figures(in: "Two hundred and fifty thousand leaflets were printed.")
        #expect(one.count == 1)
        #expect(one.first?.low == 250_000)
        let two = try #require(ClaimExtractor().figures(in: "Between one hundred and two hundred people came.").first)
        #expect(two.low == 100)
        #expect(two.high == 200)
        #expect(two.bound == .range)
    }

    @Test("two bounds that close one interval hold the second's unit in their text")
    func closedText() throws {
        let figure = try #require(ClaimExtractor().figures(in: "Fewer than 5% and more than 1% agreed.").first)
        #expect(figure.text == "Fewer than 5% and more than 1%")
        #expect(figure.low == 1)
        #expect(figure.high == 5)
        #expect(figure.unit == "percent")
    }
}
