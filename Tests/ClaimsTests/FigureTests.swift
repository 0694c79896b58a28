import Claims
import Testing

/// Figures exactly as the spec defines them, on invented sentences.
@Suite struct FigureTests {
    typealias Case = FigureCase

    static func exact(_ sentence: String, _ value: Double, _ unit: String? = nil, counted: String? = nil) -> Case {
        Case(sentence: sentence, low: value, high: value, bound: .exact, unit: unit, counted: counted)
    }

    static let counts: [Case] = [
        exact("Rescuers found 12 survivors.", 12, counted: "survivors"),
        exact("Crews evacuated 1,250 residents overnight.", 1250, counted: "residents"),
        exact("The storm destroyed 48 homes.", 48, counted: "homes"),
        exact("Two volunteers were injured.", 2, counted: "volunteers"),
        exact("Six pumps failed at once.", 6, counted: "pumps"),
        exact("Eleven bridges were closed.", 11, counted: "bridges"),
        exact("Twenty-five trucks carried sandbags.", 25, counted: "trucks"),
        exact("The council hired fifteen engineers.", 15, counted: "engineers"),
        exact("Seventy families lost their farms.", 70, counted: "families"),
        exact("Two hundred soldiers joined the effort.", 200, counted: "soldiers"),
        exact("Three thousand sandbags were filled.", 3000, counted: "sandbags"),
        exact("A dozen boats searched the lake.", 12, counted: "boats"),
        exact("The fund received 2 million donations.", 2_000_000, counted: "donations"),
        exact("Officials counted 3.5 million tonnes of debris.", 3_500_000),
        exact("The region has 12k registered boats.", 12000),
        exact("Police detained 9 looters.", 9, counted: "looters"),
        exact("The shelter housed 310 people.", 310, counted: "people"),
        exact("Engineers inspected 1,000,000 cubic metres of soil.", 1_000_000),
        exact("Four Valley Courier reporters covered the flood.", 4),
        exact("Seven injured miners were rescued.", 7),
        exact("The town lost 40 cattle.", 40, counted: "cattle"),
        exact("One hundred and twenty houses flooded.", 120, counted: "houses"),
        exact("Nine of the pumps were repaired.", 9),
        exact("The charity delivered 640 blankets.", 640, counted: "blankets"),
        exact("A million litres spilled.", 1_000_000, counted: "litres"),
    ]

    static let money: [Case] = [
        exact("The repairs cost $3,500.", 3500, "USD"),
        exact("The insurer paid $3.5bn in claims.", 3_500_000_000, "USD"),
        exact("Each family received 300,000 rubles.", 300_000, "RUB"),
        exact("The grant was worth 2 million rubles.", 2_000_000, "RUB"),
        exact("The county spent £1,600 on pumps.", 1600, "GBP"),
        exact("Farmers lost €2,700 each.", 2700, "EUR"),
        exact("The bridge will cost 40 million euros.", 40_000_000, "EUR"),
        exact("The fine was 500 dollars.", 500, "USD"),
        exact("Donors gave 12,000 pounds.", 12000, "GBP"),
        exact("The loan totals 8 billion yuan.", 8_000_000_000, "CNY"),
        exact("Workers earn 9,000 hryvnias a month.", 9000, "UAH"),
        exact("The contract is worth US$4.2m.", 4_200_000, "USD"),
        exact("The fund raised A$600,000.", 600_000, "AUD"),
        exact("Damage reached ¥3 billion.", 3_000_000_000, "JPY"),
        exact("The levy raised 70,000 rupees.", 70000, "INR"),
        exact("The firm paid USD 250,000 in fines.", 250_000, "USD"),
        exact("Compensation of 15,000 EUR was offered.", 15000, "EUR"),
        exact("The mayor asked for $2 million.", 2_000_000, "USD"),
        exact("The budget is £1.2bn.", 1_200_000_000, "GBP"),
        exact("Tickets cost $15 each.", 15, "USD"),
    ]

    static let percentages: [Case] = [
        exact("Turnout fell to 42%.", 42, "percent"),
        exact("Prices rose 3.5 percent.", 3.5, "percent"),
        exact("Only 60 per cent of homes have power.", 60, "percent"),
        exact("Support dropped 4 percentage points.", 4, "percent"),
        Case(sentence: "About 30% of the crops were lost.", low: 30, high: 30, bound: .approximately, unit: "percent"),
        Case(sentence: "More than 70 percent of residents left.", low: 70, high: nil, bound: .atLeast, unit: "percent"),
        Case(sentence: "Up to 15% of the roads are closed.", low: nil, high: 15, bound: .atMost, unit: "percent"),
        Case(sentence: "Between 20 and 30 percent of wells are dry.", low: 20, high: 30, bound: .range, unit: "percent"),
    ]

    static let bounds: [Case] = [
        Case(sentence: "At least 155 residents were evacuated.", low: 155, high: nil, bound: .atLeast, counted: "residents"),
        Case(sentence: "More than 100 volunteers arrived.", low: 100, high: nil, bound: .atLeast, counted: "volunteers"),
        Case(sentence: "Over 2,000 homes lost power.", low: 2000, high: nil, bound: .atLeast, counted: "homes"),
        Case(sentence: "Upwards of 300 firefighters helped.", low: 300, high: nil, bound: .atLeast, counted: "firefighters"),
        Case(sentence: "In excess of 40 boats were damaged.", low: 40, high: nil, bound: .atLeast, counted: "boats"),
        Case(sentence: "No fewer than nine dams are at risk.", low: 9, high: nil, bound: .atLeast, counted: "dams"),
        Case(sentence: "Up to 500 people may be displaced.", low: nil, high: 500, bound: .atMost, counted: "people"),
        Case(sentence: "Fewer than 20 shops reopened.", low: nil, high: 20, bound: .atMost, counted: "shops"),
        Case(sentence: "Under 50 tents remain.", low: nil, high: 50, bound: .atMost, counted: "tents"),
        Case(sentence: "No more than 30 trucks can cross.", low: nil, high: 30, bound: .atMost, counted: "trucks"),
        Case(sentence: "As many as 800 sheep drowned.", low: nil, high: 800, bound: .atMost, counted: "sheep"),
        Case(sentence: "Less than $5,000 was raised.", low: nil, high: 5000, bound: .atMost, unit: "USD"),
        Case(sentence: "About 400 residents stayed.", low: 400, high: 400, bound: .approximately, counted: "residents"),
        Case(sentence: "Around 2,700 euros was paid.", low: 2700, high: 2700, bound: .approximately, unit: "EUR"),
        Case(sentence: "Roughly $3,500 was wired.", low: 3500, high: 3500, bound: .approximately, unit: "USD"),
        Case(sentence: "Some 12,000 soldiers were deployed.", low: 12000, high: 12000, bound: .approximately, counted: "soldiers"),
        Case(sentence: "An estimated 90 bridges need repair.", low: 90, high: 90, bound: .approximately, counted: "bridges"),
        Case(sentence: "The estimated 12,000 workers went home.", low: 12000, high: 12000, bound: .approximately, counted: "workers"),
        Case(sentence: "Nearly 600 wells were tested.", low: 600, high: 600, bound: .approximately, counted: "wells"),
        Case(sentence: "Almost $24,000 was stolen.", low: 24000, high: 24000, bound: .approximately, unit: "USD"),
        Case(sentence: "Approximately 75 cars were towed.", low: 75, high: 75, bound: .approximately, counted: "cars"),
        Case(sentence: "Close to 1,000 meals were served.", low: 1000, high: 1000, bound: .approximately, counted: "meals"),
        Case(sentence: "Between 600,000 and 700,000 tonnes moved.", low: 600_000, high: 700_000, bound: .range),
        Case(sentence: "Wages are between £1,600 to £2,400.", low: 1600, high: 2400, bound: .range, unit: "GBP"),
        Case(sentence: "Repairs will take 200 to 300 workers.", low: 200, high: 300, bound: .range, counted: "workers"),
        Case(sentence: "Bonuses were $500 to $2,000.", low: 500, high: 2000, bound: .range, unit: "USD"),
        Case(sentence: "Between 2 and 3 million fish died.", low: 2_000_000, high: 3_000_000, bound: .range),
        Case(sentence: "From 40 to 60 houses were hit.", low: 40, high: 60, bound: .range, counted: "houses"),
        Case(sentence: "The crew of 10-12 divers searched.", low: 10, high: 12, bound: .range, counted: "divers"),
        Case(sentence: "Officials said at least “several hundred” people fled.", low: 200, high: nil, bound: .atLeast),
    ]

    static let vague: [Case] = [
        Case(sentence: "Several hundred residents protested.", low: 200, high: nil, bound: .approximately, counted: "residents"),
        Case(sentence: "Thousands of volunteers arrived.", low: 2000, high: nil, bound: .approximately, counted: "volunteers"),
        Case(sentence: "Tens of thousands of fish died.", low: 20000, high: nil, bound: .approximately, counted: "fish"),
        Case(sentence: "Hundreds of homes were flooded.", low: 200, high: nil, bound: .approximately, counted: "homes"),
        Case(sentence: "Dozens of roads were closed.", low: 24, high: nil, bound: .approximately, counted: "roads"),
        Case(sentence: "Millions of litres leaked.", low: 2_000_000, high: nil, bound: .approximately, counted: "litres"),
        Case(sentence: "Hundreds of thousands of people lost power.", low: 200_000, high: nil, bound: .approximately, counted: "people"),
        Case(sentence: "A few hundred tents were set up.", low: 200, high: nil, bound: .approximately, counted: "tents"),
        Case(sentence: "Several thousand sandbags were used.", low: 2000, high: nil, bound: .approximately, counted: "sandbags"),
        Case(sentence: "Several dozen boats joined.", low: 24, high: nil, bound: .approximately, counted: "boats"),
    ]

    /// A count whose noun comes before it.
    static let countedBefore: [Case] = [
        exact("The rescue service put the toll at 19 on Wednesday.", 19, counted: "toll"),
        Case(sentence: "The death toll rose to at least 31 on Sunday.", low: 31, high: nil, bound: .atLeast, counted: "death toll"),
        exact("The official toll stood at 7.", 7, counted: "official toll"),
        exact("The number of evacuees has reached 4,000.", 4000, counted: "evacuees"),
        exact("The number of evacuees reached 4,000 by noon.", 4000, counted: "evacuees"),
        exact("The storm put the tolls at 40.", 40, counted: "tolls"),
        Case(sentence: "The number of people who fled rose to about 900.", low: 900, high: 900, bound: .approximately),
        exact("Its toll, the ministry said, was 12.", 12),
        exact("The toll road earns 300 a day.", 300),
    ]

    @Test("a toll or a number of something names what a bare count counts", arguments: countedBefore)
    func countedBeforeTheFigure(_ example: Case) throws {
        try check(example)
        if example.counted == nil { #expect(ClaimExtractor().figures(in: example.sentence).first?.counted == nil) }
    }

    @Test("counts, with number words and scales", arguments: counts)
    func count(_ example: Case) throws { try check(example) }

    @Test("money in currency codes", arguments: money)
    func currency(_ example: Case) throws { try check(example) }

    @Test("percentages", arguments: percentages)
    func percentage(_ example: Case) throws { try check(example) }

    @Test("bounds and ranges", arguments: bounds)
    func bound(_ example: Case) throws { try check(example) }

    @Test("vague amounts are approximate with a rough low bound", arguments: vague)
    func vagueAmount(_ example: Case) throws { try check(example) }

    func check(_ example: Case) throws { try example.check() }

    @Test("years, dates, times, ordinals, durations and unit names are not figures", arguments: [
        "The levee was built in 1991.",
        "The flood began on April 8.",
        "The flood began on 8 April.",
        "Records go back to December 2024.",
        "The gates opened at 3:30 in the morning.",
        "The siren sounded at 6 a.m.",
        "The siren sounded at 11pm.",
        "It was the 2nd flood this year.",
        "The 157th Engineer Brigade arrived.",
        "The 3rd Battalion of the 81st Regiment was sent.",
        "He joined the first rescue team.",
        "The water rose three days prior.",
        "Workers signed one-year contracts.",
        "The town had two-week warning.",
        "Repairs will take 18 months.",
        "The rain lasted six hours.",
        "The dam is 40 years old.",
        "The 12-year-old boy was found safe.",
        "The levee failed in the 1990s.",
        "Flight 17 was diverted.",
        "Article 5 of the charter applies.",
        "Room 101 was flooded.",
        "Ortiz, 54, said the town would recover.",
        "One resident said the water was cold.",
        "No. 10 was the first house hit.",
        "The Route 66 bridge was closed.",
        "It happened a decade ago.",
        "The mayor spoke for 20 minutes.",
        "Crews worked over the weekend of June 3.",
        "The pumps ran for a couple of days.",
        "The report was published in 2023.",
    ])
    func exclusion(_ sentence: String) {
        #expect(ClaimExtractor().figures(in: sentence).isEmpty)
    }
}
