/// Number words, bound phrases, currencies and the words that rule a number out.
enum FigureLexicon {
    static let units: [String: Int64] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    ]
    /// Scale words and suffixes, as powers of ten: a scaled value stays a decimal.
    static let scales: [String: Int] = [
        "hundred": 2, "thousand": 3, "lakh": 5, "million": 6, "crore": 7, "billion": 9, "trillion": 12,
        "mln": 6, "bn": 9, "m": 6, "k": 3, "tn": 12, "mn": 6, "b": 9, "trn": 12, "mio": 6, "bln": 9,
    ]
    /// The words under a fraction's line: "two thirds", "a quarter", "one-half".
    static let denominators: [String: Int64] = [
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
        "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "twentieth": 20, "twentieths": 20,
        "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
    ]
    /// Plural scale words that make a vague amount ("thousands of"), with a rough lower bound.
    static let vaguePlurals: [String: Int64] = [
        "dozens": 24, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000, "billions": 2_000_000_000,
        "scores": 40, "tens": 20,
    ]
    /// Words that make a following scale word vague ("several hundred").
    static let vagueMultipliers: Set<String> = ["several", "few", "many", "some"]
    /// Words that read a number after them ("minus 5") or stand for one ("half").
    static let numberOpeners: Set<String> = ["minus", "negative", "half"]

    static let atLeast: Set<String> = [
        "at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than",
        "not less than", "greater than", "above", "exceeding", "upward of", "a minimum of", "minimum of",
        "not fewer than", "larger than", "bigger than", "higher than", "well over", "well above", "well in excess of",
        "exceed", "exceeds", "exceeded", "surpass", "surpasses", "surpassed", "surpassing", "topped", "tops",
        "more than or equal to", "greater than or equal to", "equal to or more than", "equal to or greater than",
        "no smaller than", "not smaller than", "at the least", "bigger than or equal to", "larger than or equal to",
        "higher than or equal to", "equal to or bigger than", "equal to or larger than", "equal to or higher than",
        "not below", "not under",
    ]
    static let atMost: Set<String> = [
        "up to", "fewer than", "less than", "under", "no more than", "not more than", "at most", "as many as",
        "a maximum of", "maximum of", "below", "as much as", "as few as", "smaller than", "lower than",
        "no greater than", "not greater than", "no larger than", "no bigger than", "no higher than", "not exceeding",
        "not to exceed", "less than or equal to", "fewer than or equal to", "equal to or less than",
        "equal to or fewer than", "at the most", "capped at", "as little as", "not above", "up to a maximum of",
        "smaller than or equal to", "lower than or equal to", "equal to or smaller than", "equal to or lower than",
        "not over", "within",
    ]
    static let approximately: Set<String> = [
        "about", "around", "roughly", "some", "an estimated", "the estimated", "estimated", "approximately",
        "nearly", "almost", "close to", "circa", "approx.", "approx", "an approximate", "near", "just over",
        "just under", "more or less", "or so", "closer to", "in the region of", "in the neighbourhood of",
        "in the neighborhood of", "on the order of", "of the order of", "the best part of", "the better part of",
        "somewhere around", "somewhere near", "just shy of", "a little over", "a little under",
        "a little more than", "a little less than", "slightly more than", "slightly less than", "slightly over",
        "slightly under", "just below", "just above", "just more than", "just less than", "nigh on",
        "estimated at", "around about", "roughly about", "getting on for", "close on",
    ]
    /// Bound words that follow the number: "10 or more", "30 or so", "500 and above".
    static let boundsAfter: [String: Figure.Bound] = [
        "or more": .atLeast, "or greater": .atLeast, "or higher": .atLeast, "or above": .atLeast, "or over": .atLeast,
        "or upwards": .atLeast, "and above": .atLeast, "and over": .atLeast, "and up": .atLeast, "and upwards": .atLeast,
        "and more": .atLeast, "plus": .atLeast, "or longer": .atLeast, "at least": .atLeast, "and upward": .atLeast,
        "or bigger": .atLeast, "or larger": .atLeast, "and higher": .atLeast, "and greater": .atLeast, "or beyond": .atLeast,
        "or smaller": .atMost, "and lower": .atMost, "or lesser": .atMost,
        "or less": .atMost, "or fewer": .atMost, "or lower": .atMost, "or below": .atMost, "or under": .atMost,
        "and below": .atMost, "and under": .atMost, "and less": .atMost, "and fewer": .atMost, "at most": .atMost,
        "at the most": .atMost, "or so": .approximately, "or thereabouts": .approximately,
        "give or take": .approximately, "odd": .approximately, "or more or less": .approximately,
    ]

    static let longestBoundPhrase = 6

    /// A bound phrase as lowercase words: a sentence's words are compared with it in place,
    /// not joined into a string and hashed.
    struct BoundPhrase: Sendable {
        var words: [Lower]
        var bound: Figure.Bound
    }

    /// The bound phrases before a number, keyed by their last word, longest first, and
    /// within a length `atLeast` before `atMost` and `approximately`: the finder looks up
    /// the word before the number and compares only the phrases that end with it.
    static let boundPhrasesByLast: LowerTable<[BoundPhrase]> = indexed(
        [(atLeast, .atLeast), (atMost, .atMost), (approximately, .approximately)], byFirst: false
    )
    /// The same phrases keyed by their first word, for a bound that follows a number
    /// ("more than 10 and less than 40").
    static let boundPhrasesByFirst: LowerTable<[BoundPhrase]> = indexed(
        [(atLeast, .atLeast), (atMost, .atMost), (approximately, .approximately)], byFirst: true
    )
    /// Bound words after the number, keyed by their first word.
    static let boundsAfterByFirst: LowerTable<[BoundPhrase]> = indexed(
        Figure.Bound.allCases.map { bound in (Set(boundsAfter.filter { $0.value == bound }.keys), bound) }, byFirst: true
    )

    private static func indexed(_ sets: [(Set<String>, Figure.Bound)], byFirst: Bool) -> LowerTable<[BoundPhrase]> {
        var table = [String: [BoundPhrase]]()
        for (phrases, bound) in sets {
            for phrase in phrases.sorted() {
                let words = phrase.split(separator: " ").map(String.init)
                guard words.count <= longestBoundPhrase, let key = byFirst ? words.first : words.last else { continue }
                table[key, default: []].append(BoundPhrase(words: words.map { Lower($0) }, bound: bound))
            }
        }
        // Longest first; a stable sort keeps the order of the bounds within a length.
        for key in table.keys {
            table[key] = table[key].map { list in
                list.enumerated().sorted { ($0.element.words.count, -$0.offset) > ($1.element.words.count, -$1.offset) }.map(\.element)
            }
        }
        return LowerTable(table)
    }

    // The same lexicons keyed by a token's inline lowercase form, for the finders.
    static let unitValues = LowerTable(units)
    static let scaleValues = LowerTable(scales)
    static let denominatorValues = LowerTable(denominators)
    static let rateUnitValues = LowerTable(rateUnits)
    static let perWordValues = LowerTable(Dictionary(uniqueKeysWithValues: perWords.map { ($0, true) }))
    static let vaguePluralValues = LowerTable(vaguePlurals)
    static let currencyNameValues = LowerTable(currencyNames)
    static let hundredthValues = LowerTable(hundredths)
    static let factorValues = LowerTable(factors)
    static let dollarPrefixCodes = LowerTable(dollarPrefixes)

    /// The ISO code of a currency sign. A switch, not a table keyed by strings: the figure
    /// finder asks about the sign before every number that has one.
    static func currencyCode(of sign: Unicode.Scalar) -> String? {
        switch sign {
        case "$": "USD"
        case "£": "GBP"
        case "€": "EUR"
        case "¥": "JPY"
        case "₽": "RUB"
        case "₴": "UAH"
        case "₹": "INR"
        case "₩": "KRW"
        case "₺": "TRY"
        case "₪": "ILS"
        case "₦": "NGN"
        case "₱": "PHP"
        case "₫": "VND"
        case "฿": "THB"
        case "₿": "BTC"
        default: nil
        }
    }
    /// Letters glued before `$`: "US$", "A$", "C$", "HK$".
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD",
        "j": "JMD", "r": "BRL", "nt": "TWD", "mx": "MXN", "ec": "XCD",
    ]
    /// Currency names, in any case: "dollars", "euros", "rupees".
    static let currencyNames: [String: String] = [
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
        "sterling": "GBP", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "yuan": "CNY",
        "renminbi": "CNY", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "rupee": "INR",
        "rupees": "INR", "yen": "JPY", "francs": "CHF", "franc": "CHF", "won": "KRW", "lira": "TRY",
        "liras": "TRY", "zloty": "PLN", "zlotys": "PLN", "shekel": "ILS", "shekels": "ILS", "pesos": "MXN",
        "peso": "MXN", "rand": "ZAR", "reais": "BRL", "krona": "SEK", "kronor": "SEK", "krone": "NOK",
        "kroner": "NOK", "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "naira": "NGN",
        "ringgit": "MYR", "zł": "PLN", "baht": "THB", "rupiah": "IDR", "forint": "HUF", "koruna": "CZK", "bitcoin": "BTC",
        "bitcoins": "BTC", "taka": "BDT", "tenge": "KZT", "cedi": "GHS", "cedis": "GHS", "birr": "ETB",
        "kwacha": "ZMW", "dinar": "KWD", "dinars": "KWD", "dong": "VND", "rmb": "CNY",
        // Informal names: "ten bucks", "12 quid".
        "buck": "USD", "bucks": "USD", "quid": "GBP",
    ]
    /// A name whose country is said before it: "Canadian dollars", "Hong Kong dollars".
    static let currencyPhrases: [String: String] = [
        "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "canadian dollars": "CAD",
        "australian dollars": "AUD", "hong kong dollars": "HKD", "new zealand dollars": "NZD",
        "singapore dollars": "SGD", "taiwan dollars": "TWD", "new taiwan dollars": "TWD", "jamaican dollars": "JMD",
        "swiss francs": "CHF", "mexican pesos": "MXN", "argentine pesos": "ARS", "chilean pesos": "CLP",
        "colombian pesos": "COP", "philippine pesos": "PHP", "indian rupees": "INR", "pakistani rupees": "PKR",
        "british pounds": "GBP", "egyptian pounds": "EGP", "japanese yen": "JPY", "chinese yuan": "CNY",
        "russian rubles": "RUB", "russian roubles": "RUB", "brazilian reais": "BRL", "south african rand": "ZAR",
        "turkish lira": "TRY", "swedish kronor": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK",
        "kuwaiti dinars": "KWD", "iraqi dinars": "IQD", "saudi riyals": "SAR", "iranian rials": "IRR",
        "ukrainian hryvnias": "UAH", "polish zlotys": "PLN", "canadian dollar": "CAD", "australian dollar": "AUD",
        "us dollar": "USD", "swiss franc": "CHF", "british pound": "GBP", "pounds sterling": "GBP",
    ]
    /// ISO 4217 codes, taken only when written in capitals ("TRY", not "try").
    static let isoCodes: Set<String> = [
        "usd", "eur", "gbp", "rub", "cny", "uah", "inr", "jpy", "chf", "cad", "aud", "nzd", "hkd", "sgd", "mxn",
        "brl", "zar", "sek", "nok", "dkk", "pln", "czk", "huf", "ils", "sar", "aed", "qar", "kwd", "egp", "ngn",
        "kes", "pkr", "idr", "myr", "thb", "vnd", "php", "ars", "clp", "cop", "krw", "try", "twd", "btc", "rmb",
    ]
    /// Hundredths of a currency: "3 dollars 50 cents", "99p".
    static let hundredths: [String: String] = [
        "cent": "USD", "cents": "USD", "penny": "GBP", "pence": "GBP", "kopeck": "RUB", "kopecks": "RUB",
        "kopek": "RUB", "kopeks": "RUB", "paise": "INR", "centimes": "CHF",
    ]
    /// Speeds and other units of a rate, as the figure's unit: "65 mph", "90 km/h".
    static let rateUnits: [String: String] = [
        "mph": "mph", "kph": "km/h", "kmh": "km/h", "km/h": "km/h", "knots": "knots", "kmph": "km/h",
        "bpd": "barrels/day", "rpm": "rpm", "fps": "fps",
    ]
    /// What a rate can be taken per after "a" or "an": "$15 an hour", "300 litres a day".
    static let perWords: Set<String> = [
        "second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "night", "shift",
        "head", "person", "capita", "household", "family", "kilo", "kilogram", "kg", "tonne", "ton", "barrel",
        "litre", "liter", "gallon", "share", "unit", "piece", "pupil", "student", "patient", "bed", "visit",
        "trip", "game", "season", "match", "seat", "ticket", "pound", "ounce", "mile", "kilometre", "kilometer",
    ]
    /// Words that tell a change's direction: "rose", "up", "fell", "down".
    static let rises: Set<String> = Inflection.all([
        "rise", "increase", "grow", "jump", "climb", "surge", "soar", "gain", "swell", "spike", "leap", "mount",
        "double", "triple", "treble", "quadruple", "raise", "boost", "expand", "widen", "balloon", "rebound",
    ]).union(["rose", "risen", "grew", "grown", "leapt", "up", "higher", "swollen"])
    static let falls: Set<String> = Inflection.all([
        "fall*", "drop*", "decline", "decrease", "shrink*", "slip*", "plunge", "plummet", "tumble", "slump",
        "sink", "dip*", "ease", "halve", "cut", "lower", "reduce", "narrow", "slide", "contract", "shed*",
    ]).union(["fell", "fallen", "shrank", "shrunk", "sank", "sunk", "slid", "down", "lower", "cutting"])
    /// Change words that take an object: "cut 500 to 800 jobs", "raised 2,000 to 3,000 pounds"
    /// say how many were cut or raised, a range, where "fell 5 to 19" says what the count came to.
    static let transitiveChanges = LowerTable(Dictionary(uniqueKeysWithValues: Inflection.all([
        "raise", "boost", "cut", "shed*", "reduce", "slash", "add", "lose", "trim*",
    ]).union(["lost", "cutting"]).map { ($0, true) }))
    /// Verbs that go "up to" a value: "went up to 25" is a rise to 25, where "up to 25" alone is a ceiling.
    static let motionVerbs = LowerTable(Dictionary(uniqueKeysWithValues: Inflection.all([
        "go", "move", "shoot", "creep", "edge", "tick", "climb", "jump", "inch", "push", "ratchet", "shift",
    ]).union(["went", "gone", "shot", "crept", "rose", "risen"]).map { ($0, true) }))
    /// How many times "doubled" multiplies: the earlier value is the figure over it.
    static let factors: [String: Int64] = [
        "doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "tripling": 3, "quadrupled": 4, "halved": -2,
        "doubles": 2, "triples": 3, "halves": -2, "quadruples": 4,
    ]
    static let percentWords: Set<String> = ["percent", "per", "pct", "pc", "percentage"]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    ]
    static let durations: Set<String> = [
        "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days",
        "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century", "centuries",
        "night", "nights", "weekend", "weekends", "yr", "yrs", "term", "terms", "a.m.", "p.m.", "am", "pm",
        "o'clock", "gmt", "utc", "est", "edt", "pst", "bst", "cet", "innings", "round", "rounds",
    ]
    /// Capitalized words after a number that make it a name ("157 Brigade", "7 Squadron").
    static let unitNames: Set<String> = [
        "brigade", "battalion", "division", "regiment", "army", "corps", "fleet", "squadron", "company",
        "platoon", "wing", "group", "street", "avenue", "road", "st", "route", "district",
    ]
    /// Words before a number that make it a label ("No. 5", "number 10").
    static let labels: Set<String> = ["no", "no.", "number", "#", "nos", "page", "article", "section", "chapter", "room"]

    /// Words that open a range or stress a number rather than name it.
    static let rangeOpeners: Set<String> = ["between", "from", "only", "exactly", "fully", "another", "nearly", "roughly", "just"]
    /// Plurals without an -s: a counted phrase ends after one of them.
    static let irregularPlurals: Set<String> = [
        "people", "men", "women", "children", "police", "cattle", "sheep", "fish", "personnel", "staff",
        "livestock", "deer", "aircraft", "crew", "troops", "feet", "teeth", "mice", "geese",
    ]

    /// Words that end a counted noun phrase.
    static let countedStops: Set<String> = [
        "in", "on", "at", "to", "from", "for", "with", "by", "into", "during", "since", "per", "a", "an",
        "the", "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
        "will", "would", "could", "should", "may", "might", "must", "can", "do", "does", "did", "who",
        "that", "which", "whom", "whose", "as", "than", "if", "when", "while", "after", "before", "because",
        "so", "said", "say", "says", "told", "according", "reportedly", "allegedly", "also", "each", "apiece",
        "not", "there", "this", "these", "those", "it", "they", "he", "she", "we", "his", "her", "their",
        "its", "our", "more", "less", "about", "over", "under", "between", "among", "against", "like",
        "across", "through", "near", "off", "out", "up", "down", "just", "only", "still", "now", "then",
        "went", "came", "got", "took", "gave", "became", "ran", "remain", "remains", "left", "fell", "rose", "thru", "every",
    ]

    /// The value of a vulgar fraction character ("½" is 1/2), nil for any other scalar.
    static func vulgarFraction(_ scalar: Unicode.Scalar) -> (Int64, Int64)? {
        switch scalar.value {
        case 0xBC: (1, 4)
        case 0xBD: (1, 2)
        case 0xBE: (3, 4)
        case 0x2150: (1, 7)
        case 0x2151: (1, 9)
        case 0x2152: (1, 10)
        case 0x2153: (1, 3)
        case 0x2154: (2, 3)
        case 0x2155: (1, 5)
        case 0x2156: (2, 5)
        case 0x2157: (3, 5)
        case 0x2158: (4, 5)
        case 0x2159: (1, 6)
        case 0x215A: (5, 6)
        case 0x215B: (1, 8)
        case 0x215C: (3, 8)
        case 0x215D: (5, 8)
        case 0x215E: (7, 8)
        default: nil
        }
    }
}
