import Claims
import Testing

/// A change stated by how much and to what ("rose by 5 to 19") is one figure, the value it came
/// to, and not a range from the amount to the value.
@Suite struct FigureDeltaTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var value: Double
        var previous: Double?
        var change: Figure.Change
        var unit: String? = nil
        var counted: String? = nil
        var testDescription: String { sentence }
    }

    static let deltas: [Case] = [
        Case(sentence: "The toll rose by 5 to 19 on Friday.", value: 19, previous: 14, change: .rise),
        Case(sentence: "The number of open shelters fell by 3 to 12.", value: 12, previous: 15, change: .fall),
        Case(sentence: "Enrolment increased by 1,200 to 48,500 pupils.", value: 48_500, previous: 47_300, change: .rise, counted: "pupils"),
        Case(sentence: "The herd dropped by 40 to 260 animals over the winter.", value: 260, previous: 300, change: .fall, counted: "animals"),
        Case(sentence: "The count of stranded ferries was up by 2 to 9.", value: 9, previous: 7, change: .rise),
        Case(sentence: "The queue was down 6 to 31 by noon.", value: 31, previous: 37, change: .fall),
        Case(sentence: "The tally climbed 4 to 22 overnight.", value: 22, previous: 18, change: .rise),
        Case(sentence: "Ticket prices rose by $2.50 to $17.25.", value: 17.25, previous: 14.75, change: .rise, unit: "USD"),
        Case(sentence: "The fund shrank by £1.2bn to £8.3bn.", value: 8_300_000_000, previous: 9_500_000_000, change: .fall, unit: "GBP"),
        Case(sentence: "Turnout rose by 3 to 45 percent.", value: 45, previous: 42, change: .rise, unit: "percent"),
        // The relative change gives no exact earlier value.
        Case(sentence: "Shares climbed 5% to $19 in early trading.", value: 19, previous: nil, change: .rise, unit: "USD"),
        Case(sentence: "Rents rose by 8 per cent to 1,300 euros.", value: 1300, previous: nil, change: .rise, unit: "EUR"),
        Case(sentence: "The harvest fell by 12% to 3.1 million tonnes.", value: 3_100_000, previous: nil, change: .fall),
        // The other way round: the value, then how much it moved.
        Case(sentence: "The toll rose to 19, up 5 from the morning count.", value: 19, previous: 14, change: .rise),
        Case(sentence: "The toll stood at 19, up 5 on the day.", value: 19, previous: 14, change: .rise),
        Case(sentence: "The death toll reached 27, up by 8 since Monday.", value: 27, previous: 19, change: .rise, counted: "death toll"),
        Case(sentence: "The shelters now hold 1,150 people, down 240 on last week.", value: 1150, previous: 1390, change: .fall,
             counted: "people"),
        Case(sentence: "Fares rose to $40, up $2.", value: 40, previous: 38, change: .rise, unit: "USD"),
        Case(sentence: "Fares rose to $40, up 5%.", value: 40, previous: nil, change: .rise, unit: "USD"),
        // The amount and the earlier value both written: the earlier value is the one kept.
        Case(sentence: "The toll rose to 19, up 5 from 14.", value: 19, previous: 14, change: .rise),
        Case(sentence: "Arrivals fell to 230, down 40 from 270 a week before.", value: 230, previous: 270, change: .fall),
        Case(sentence: "Rents reached £900, up 20% from £750.", value: 900, previous: 750, change: .rise, unit: "GBP"),
        // A change named by a noun: "an increase of 5 to 19".
        Case(sentence: "There was an increase of 5 to 19 in the toll.", value: 19, previous: 14, change: .rise),
        Case(sentence: "The survey found a drop of 4 to 12 nesting pairs.", value: 12, previous: 16, change: .fall,
             counted: "nesting pairs"),
        Case(sentence: "Officers reported a rise of 20% to 60 cases.", value: 60, previous: nil, change: .rise, counted: "cases"),
        Case(sentence: "The board approved an increase of $3 to $18.", value: 18, previous: 15, change: .rise, unit: "USD"),
        Case(sentence: "The count reached 25, an increase of 7 from 18.", value: 25, previous: 18, change: .rise),
        Case(sentence: "The queue stood at 31, a drop of 6.", value: 31, previous: 37, change: .fall),
        // "went up to" a value is a rise to it, not a ceiling.
        Case(sentence: "The count went up to 25, an increase of 7.", value: 25, previous: 18, change: .rise),
        Case(sentence: "The ferry fare has gone up to 14 euros.", value: 14, previous: nil, change: .rise, unit: "EUR"),
    ]

    @Test("the value a change came to is the figure, and the amount it moved by gives its earlier value", arguments: deltas)
    func delta(_ example: Case) throws {
        let figures = ClaimExtractor().figures(in: example.sentence)
        #expect(figures.count == 1, "\(figures.map(\.text))")
        let figure = try #require(figures.first)
        #expect(figure.low == example.value)
        #expect(figure.high == example.value)
        #expect(figure.bound == .exact)
        #expect(figure.previous?.low == example.previous)
        #expect(figure.change == example.change)
        #expect(figure.unit == example.unit)
        if let counted = example.counted { #expect(figure.counted == counted) }
    }

    @Test("a range of the change itself stays a range", arguments: [
        "Prices are expected to go up 5 to 10 percent next year.", "Output rose 5% to 10% in most regions.",
        "Costs could increase by 2 to 3 million dollars.", "Fees rose 4 per cent to 6 per cent this year.",
    ])
    func rangeOfChange(_ sentence: String) throws {
        let figures = ClaimExtractor().figures(in: sentence)
        let figure = try #require(figures.first)
        #expect(figures.count == 1, "\(figures.map(\.text))")
        #expect(figure.bound == .range)
        #expect(figure.previous == nil)
    }

    @Test("a range after words that say nothing changed stays a range", arguments: [
        "Children aged 5 to 19 were seen by the nurses.", "Crews of 5 to 19 firefighters worked the line.",
        // A change word with an object says how many were cut or raised.
        "The firm will cut 200 to 300 jobs.", "The appeal raised 2,000 to 3,000 pounds.", "The mill shed 40 to 50 workers.",
        "The board could reduce 10 to 15 posts.", "An increase of 5 to 10 percent is likely.",
    ])
    func plainRange(_ sentence: String) throws {
        let figure = try #require(ClaimExtractor().figures(in: sentence).first)
        #expect(figure.bound == .range)
        #expect(figure.change == nil)
    }

    @Test("\"up to\" a number is still a ceiling where nothing moved up to it", arguments: [
        "Up to 40 boats may sail.", "The hall takes up to 300 guests.", "Winds could reach up to 90 km/h.",
    ])
    func ceiling(_ sentence: String) throws {
        let figure = try #require(ClaimExtractor().figures(in: sentence).first)
        #expect(figure.bound == .atMost)
        #expect(figure.change == nil)
    }
}
