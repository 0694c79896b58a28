import Claims
import Testing

/// Bounds said with "within" or after a rough number, currency signs written as letters or
/// as a cent sign, and numbers in two scaled parts. Every sentence is the project's own.
@Suite struct FigureWrittenFormTests {
    typealias Case = FigureCase

    static let cases: [Case] = [
        Case(sentence: "Turnout stayed within 4 percent of the last vote.", low: nil, high: 4, bound: .atMost, unit: "percent"),
        Case(sentence: "The camp is within 12 miles of the border.", low: nil, high: 12, bound: .atMost),
        Case(sentence: "Some 60 or more trucks were turned back.", low: 60, high: nil, bound: .atLeast),
        Case(sentence: "About 200 or fewer seats remain.", low: nil, high: 200, bound: .atMost),
        Case(sentence: "A ticket costs Fr. 35.", low: 35, high: 35, bound: .exact, unit: "CHF"),
        Case(sentence: "Parking costs zł 12 an hour.", low: 12, high: 12, bound: .exact, unit: "PLN"),
        Case(sentence: "Parking costs 12 zł.", low: 12, high: 12, bound: .exact, unit: "PLN"),
        Case(sentence: "A pencil costs 40¢.", low: 0.4, high: 0.4, bound: .exact, unit: "USD"),
        Case(sentence: "The van cost 9 grand.", low: 9000, high: 9000, bound: .exact, unit: "USD"),
        Case(sentence: "He earns 60 grand a year.", low: 60000, high: 60000, bound: .exact, unit: "USD", per: "year"),
        Case(sentence: "The 3 grand pianos were sold.", low: 3, high: 3, bound: .exact, counted: "grand pianos"),
        Case(sentence: "The bridge cost 2 billion 400 million dollars.", low: 2_400_000_000, high: 2_400_000_000, bound: .exact, unit: "USD"),
        Case(sentence: "The census counted 5 million 600 thousand residents.", low: 5_600_000, high: 5_600_000, bound: .exact),
    ]

    @Test("bounds, letter and cent signs, and two-part scales are read as one figure", arguments: cases)
    func read(_ example: Case) throws { try example.check() }

    @Test("a rough number keeps its rough bound when 'or so' follows, and a priest is no franc")
    func otherSide() throws {
        let rough = ClaimExtractor().figures(in: "About 30 or so boats came.")
        #expect(rough.map(\.bound) == [.approximately])
        let priest = ClaimExtractor().figures(in: "Fr. Keane said 50 people came.")
        #expect(priest.map(\.unit) == [nil])
        #expect(priest.map(\.low) == [50])
    }

    @Test("'fell 10 points to 30' is one change to 30 from 40; points with no change word stay two figures")
    func points() throws {
        let fell = ClaimExtractor().figures(in: "The share index fell 25 points to 410.")
        let figure = try #require(fell.first)
        #expect(fell.count == 1)
        #expect(figure.low == 410)
        #expect(figure.change == .fall)
        #expect(figure.previous?.low == 435)
        #expect(ClaimExtractor().figures(in: "The visitors won by 12 points to 9.").count == 2)
    }

    @Test("a smaller number after a scaled one is its own figure when no scale word follows it, or when it is too big")
    func twoFigures() {
        #expect(ClaimExtractor().figures(in: "The deal cost 2 billion 3 people said.").count == 2)
        #expect(ClaimExtractor().figures(in: "Sales hit 2 million 4000 thousand units.").count != 1
                || ClaimExtractor().figures(in: "Sales hit 2 million 4000 thousand units.").first?.low != 6_000_000)
    }
}
