import Claims
import Testing

/// Reading a figure right: ranges of every written form, bounds before and after, two bounds
/// that make one interval, fractions, words, currencies, signs, ratios, rates and changes.
/// Every sentence is the project's own.
@Suite struct FigureReadingTests {
    typealias Case = FigureCase

    static func exact(_ sentence: String, _ value: Double, _ unit: String? = nil, counted: String? = nil) -> Case {
        Case(sentence: sentence, low: value, high: value, bound: .exact, unit: unit, counted: counted)
    }

    static func range(_ sentence: String, _ low: Double, _ high: Double, _ unit: String? = nil, counted: String? = nil) -> Case {
        Case(sentence: sentence, low: low, high: high, bound: .range, unit: unit, counted: counted)
    }

    static func atLeast(_ sentence: String, _ low: Double, _ unit: String? = nil, counted: String? = nil) -> Case {
        Case(sentence: sentence, low: low, high: nil, bound: .atLeast, unit: unit, counted: counted)
    }

    static func atMost(_ sentence: String, _ high: Double, _ unit: String? = nil, counted: String? = nil) -> Case {
        Case(sentence: sentence, low: nil, high: high, bound: .atMost, unit: unit, counted: counted)
    }

    static func about(_ sentence: String, _ value: Double, _ unit: String? = nil, counted: String? = nil) -> Case {
        Case(sentence: sentence, low: value, high: value, bound: .approximately, unit: unit, counted: counted)
    }

    static let ranges: [Case] = [
        range("Tickets sold for 1,000–5,000 dollars.", 1000, 5000, "USD"),
        range("Grants of 5k-20k were handed out.", 5000, 20000),
        range("Grants of 5-20k were handed out.", 5000, 20000),
        range("Rooms hold 20 through 100 guests.", 20, 100, counted: "guests"),
        range("Rooms hold 20 thru 100 guests.", 20, 100, counted: "guests"),
        range("The ferry carries 40 - 60 cars.", 40, 60, counted: "cars"),
        range("The ferry carries 40—60 cars.", 40, 60, counted: "cars"),
        range("Repairs cost $2m-$3m.", 2_000_000, 3_000_000, "USD"),
        range("Repairs cost $5-10 million.", 5_000_000, 10_000_000, "USD"),
        range("The plant employs from 300 to 450 welders.", 300, 450, counted: "welders"),
        range("Between 12 and 15 barges sank.", 12, 15, counted: "barges"),
        range("Prices run between €8 and €11.", 8, 11, "EUR"),
        range("It needs two to three thousand sandbags.", 2000, 3000, counted: "sandbags"),
        range("Fares rose by 10-15 percent.", 10, 15, "percent"),
        range("Readings of -10 to -5 were logged.", -10, -5),
        range("Bids ran from 300 to $7.9 million.", 300, 7_900_000, "USD"),
        range("There were more than 10 and less than 40 people in the hall.", 10, 40, counted: "people"),
        range("Crowds were above 1,000 and below 1,500 people.", 1000, 1500, counted: "people"),
        range("Bids came in at over $200 but under $300.", 200, 300, "USD"),
        range("Fewer than 40 and more than 10 boats remained.", 10, 40, counted: "boats"),
        range("The camp takes no less than 50 and no more than 80 children.", 50, 80, counted: "children"),
        range("Between 20 and 30 percent of the wells are dry.", 20, 30, "percent"),
        range("The town expects one to three inches of rain.", 1, 3, counted: "inches of rain"),
        range("Scores ran between zero and 10 points.", 0, 10, counted: "points"),
    ]

    static let bounds: [Case] = [
        atLeast("Costs may exceed 3,000 dollars.", 3000, "USD"),
        atLeast("The bill exceeded $4bn.", 4_000_000_000, "USD"),
        atLeast("Attendance topped 20,000 fans.", 20000, counted: "fans"),
        atLeast("More than half of the residents left.", 0.5, "ratio"),
        atLeast("Last year 200 or more people applied.", 200, counted: "people"),
        atLeast("The town needs 30 pumps or more.", 30, counted: "pumps"),
        atLeast("Groups of 12 and above pay less.", 12),
        atLeast("Farms of 500 acres and over were surveyed.", 500),
        atLeast("A crowd of 100+ gathered.", 100),
        atLeast("No less than 60 lorries were hired.", 60, counted: "lorries"),
        atLeast("Greater than or equal to 70 votes are needed.", 70, counted: "votes"),
        atLeast("Larger than 9,000 tonnes moved.", 9000),
        atMost("At most 12 boats can dock.", 12, counted: "boats"),
        atMost("Up to 65 km/h winds are forecast.", 65, "km/h"),
        atMost("The crew numbered 40 or fewer.", 40),
        atMost("Parcels of 3 kilos or less ship free.", 3, counted: "kilos"),
        atMost("No greater than 15 percent of the budget is left.", 15, "percent"),
        atMost("Smaller than 2,000 hectares burned.", 2000),
        atMost("A maximum of 25 guests is allowed.", 25, counted: "guests"),
        about("The true figure was closer to 300,000 people.", 300_000, counted: "people"),
        about("Just under 2,000 people remain.", 2000, counted: "people"),
        about("Just shy of 90 trucks arrived.", 90, counted: "trucks"),
        about("In the region of 4,000 homes were hit.", 4000, counted: "homes"),
        about("Some 30-odd cottages flooded.", 30, counted: "cottages"),
        about("They counted 80 swans or so.", 80, counted: "swans"),
        about("Nearly a third of the orchards burned.", 0.333333333, "ratio"),
        about("A couple of barns collapsed.", 2, counted: "barns"),
        Case(sentence: "Rates rose by half a percent.", low: 0.5, high: 0.5, bound: .exact, unit: "percent"),
    ]

    static let words: [Case] = [
        exact("The recipe takes one hundred and three and two thirds grams.", 103.666666667),
        exact("The recipe takes one and a half cups.", 1.5),
        exact("The fund holds two and a half million euros.", 2_500_000, "EUR"),
        exact("Half a million voters stayed home.", 500_000, counted: "voters"),
        exact("Half a dozen ferries were idle.", 6, counted: "ferries"),
        exact("A quarter of a million tourists came.", 250_000, counted: "tourists"),
        exact("A hundred and twenty volunteers signed up.", 120, counted: "volunteers"),
        exact("Twenty one villages lost power.", 21, counted: "villages"),
        exact("Two dozen nurses came.", 24, counted: "nurses"),
        exact("Nineteen thousand four hundred and six ballots were cast.", 19406, counted: "ballots"),
        exact("Three point five million trees were planted.", 3_500_000, counted: "trees"),
        exact("Eleven hundred workers struck.", 1100, counted: "workers"),
        exact("The country has one hundred twenty-three thousand nurses.", 123_000, counted: "nurses"),
        exact("A lakh of pilgrims came.", 100_000),
        Case(sentence: "Two thirds of the members agreed.", low: 0.666666667, high: 0.666666667, bound: .exact, unit: "ratio", of: "members"),
        Case(sentence: "Two-thirds of voters backed it.", low: 0.666666667, high: 0.666666667, bound: .exact, unit: "ratio", of: "voters"),
        Case(sentence: "A fifth of the budget went on fuel.", low: 0.2, high: 0.2, bound: .exact, unit: "ratio", of: "budget"),
        Case(sentence: "Half the stalls were empty.", low: 0.5, high: 0.5, bound: .exact, unit: "ratio", of: "stalls"),
    ]

    static let money: [Case] = [
        exact("The ticket cost 3 dollars 50 cents.", 3.5, "USD"),
        exact("The ticket cost 3 dollars and 50 cents.", 3.5, "USD"),
        exact("The stamp costs 75 cents.", 0.75, "USD"),
        exact("The fine was €4.1m.", 4_100_000, "EUR"),
        exact("The deal is worth $7.9 million.", 7_900_000, "USD"),
        exact("The levy raised £2.35bn.", 2_350_000_000, "GBP"),
        exact("The bill came to 40€.", 40, "EUR"),
        exact("The bill came to 40 €.", 40, "EUR"),
        exact("They paid 300 Canadian dollars.", 300, "CAD"),
        exact("They paid 12 million Hong Kong dollars.", 12_000_000, "HKD"),
        exact("Fees reached 900 Swiss francs.", 900, "CHF"),
        exact("The grant is 5,000 pesos.", 5000, "MXN"),
        exact("Donors gave ₩2 billion.", 2_000_000_000, "KRW"),
        exact("The coin fetched 1.5 bitcoins.", 1.5, "BTC"),
        exact("The loan is 80,000 TRY.", 80000, "TRY"),
        exact("The loan is SEK 80,000.", 80000, "SEK"),
        exact("Pensions fell to 900 rand.", 900, "ZAR"),
        exact("The grant is one million dollars.", 1_000_000, "USD"),
        exact("The account was -300 dollars.", -300, "USD"),
        exact("Temperatures reached minus 5 degrees.", -5, counted: "degrees"),
        exact("The index moved −3.2% in a day.", -3.2, "percent"),
    ]

    static let ratesAndShares: [Case] = [
        Case(sentence: "One in five hospitals ran out of beds.", low: 0.2, high: 0.2, bound: .exact, unit: "ratio", of: "hospitals"),
        Case(sentence: "Nine out of 10 dentists agree.", low: 0.9, high: 0.9, bound: .exact, unit: "ratio", of: "dentists"),
        Case(sentence: "One in every four homes flooded.", low: 0.25, high: 0.25, bound: .exact, unit: "ratio", of: "homes"),
        Case(sentence: "Eight of 10 pumps failed.", low: 0.8, high: 0.8, bound: .exact, unit: "ratio", of: "pumps"),
        Case(sentence: "About one of every nine ferries is late.", low: 0.111111111, high: 0.111111111, bound: .approximately, unit: "ratio", of: "ferries"),
        exact("Ortiz was one of three mayors who signed.", 3, counted: "mayors"),
        exact("The margin is plus or minus 4 percentage points.", 4, "percent"),
        Case(sentence: "Unemployment reached 3 per cent of the workforce.", low: 3, high: 3, bound: .exact, unit: "percent", of: "workforce"),
        Case(sentence: "Winds blew at up to 65 km/h on Tuesday.", low: nil, high: 65, bound: .atMost, unit: "km/h"),
        Case(sentence: "The storm moved at 30 mph.", low: 30, high: 30, bound: .exact, unit: "mph"),
        Case(sentence: "Nitrate levels hit 12 mg/l in the river.", low: 12, high: 12, bound: .exact, unit: "mg/l"),
        Case(sentence: "Cleaners earn $15 an hour.", low: 15, high: 15, bound: .exact, unit: "USD", per: "hour"),
        Case(sentence: "Volunteers were paid €300 a week.", low: 300, high: 300, bound: .exact, unit: "EUR", per: "week"),
        Case(sentence: "The clinic saw 3 deaths per 1,000 patients.", low: 3, high: 3, bound: .exact, counted: "deaths", per: "1,000 patients"),
        Case(sentence: "The plant pumps 400 litres each second.", low: 400, high: 400, bound: .exact, counted: "litres", per: "second"),
    ]

    @Test("ranges of every written form, and two bounds that close one interval", arguments: ranges)
    func rangeForms(_ example: Case) throws { try check(example) }

    @Test("bounds before and after the number, approximations", arguments: bounds)
    func boundForms(_ example: Case) throws { try check(example) }

    @Test("numbers in words: every size, fractions, halves, dozens, points", arguments: words)
    func wordForms(_ example: Case) throws { try check(example) }

    @Test("money by sign, code and name, cents, exact decimals, signs", arguments: money)
    func moneyForms(_ example: Case) throws { try check(example) }

    @Test("ratios, shares, rates and speeds carry what sets them apart from counts", arguments: ratesAndShares)
    func rates(_ example: Case) throws { try check(example) }

    func check(_ example: Case) throws {
        try example.check()
        // A money, percentage or ratio figure counts nothing.
        if example.unit != nil { #expect(ClaimExtractor().figures(in: example.sentence).first?.counted == nil) }
    }

    @Test("a value scaled from decimals is logged as written, not with binary rounding", arguments: [
        ("€4.1m", 4_100_000.0), ("$7.9 million", 7_900_000), ("$6.7 million", 6_700_000), ("£0.3bn", 300_000_000),
        ("$1.15 trillion", 1_150_000_000_000), ("€2.3bn", 2_300_000_000), ("4.35 million euros", 4_350_000),
        ("$19.99", 19.99), ("0.7 percent", 0.7),
    ])
    func exactDecimals(_ written: String, _ value: Double) throws {
        let figure = try #require(ClaimExtractor().figures(in: "The total was \(written).").first)
        #expect(figure.low == value)
        let printed = "\(figure.low ?? 0)"
        #expect(!printed.contains("9999") && !printed.contains("0001"), "\(printed)")
    }
}
