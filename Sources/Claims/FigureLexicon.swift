/// Number words, bound phrases, currencies and the words that rule a number out.
enum FigureLexicon {
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    ]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
        "tn": 1_000_000_000_000, "mn": 1_000_000, "b": 1_000_000_000, "trn": 1_000_000_000_000,
    ]
    /// Plural scale words that make a vague amount ("thousands of"), with a rough lower bound.
    static let vaguePlurals: [String: Double] = [
        "dozens": 24, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000, "billions": 2_000_000_000,
        "scores": 40, "tens": 20,
    ]
    /// Words that make a following scale word vague ("several hundred").
    static let vagueMultipliers: Set<String> = ["several", "few", "many", "some"]

    static let atLeast: Set<String> = [
        "at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than",
        "not less than", "greater than", "above", "exceeding", "upward of", "a minimum of", "minimum of",
    ]
    static let atMost: Set<String> = [
        "up to", "fewer than", "less than", "under", "no more than", "not more than", "at most", "as many as",
        "a maximum of", "maximum of", "below", "as much as", "as few as",
    ]
    static let approximately: Set<String> = [
        "about", "around", "roughly", "some", "an estimated", "the estimated", "estimated", "approximately",
        "nearly", "almost", "close to", "circa", "approx.", "approx", "an approximate", "near", "just over",
        "just under", "more or less", "or so",
    ]

    /// The bound phrases as lowercase words, indexed by their length in words (1 to 3, and
    /// longer ones, which the finder never joins, left out): a sentence's words are compared
    /// in place instead of being joined into a string and hashed. Within a length, `atLeast`
    /// is tried before `atMost` and `approximately`.
    static let boundPhrases: [[(words: [Lower], bound: Figure.Bound)]] = {
        var byLength = [[(words: [Lower], bound: Figure.Bound)]](repeating: [], count: 4)
        for (phrases, bound) in [(atLeast, Figure.Bound.atLeast), (atMost, .atMost), (approximately, .approximately)] {
            for phrase in phrases.sorted() {
                let words = phrase.split(separator: " ").map { Lower(String($0)) }
                if words.count < byLength.count { byLength[words.count].append((words, bound)) }
            }
        }
        return byLength
    }()

    // The same lexicons keyed by a token's inline lowercase form, for the finders.
    static let unitValues = LowerTable(units)
    static let scaleValues = LowerTable(scales)
    static let vaguePluralValues = LowerTable(vaguePlurals)
    static let currencyCodes = LowerTable(currencyWords)
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
        default: nil
        }
    }
    /// Letters glued before `$`: "US$", "A$", "C$", "HK$".
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD",
    ]
    static let currencyWords: [String: String] = [
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
        "sterling": "GBP", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "yuan": "CNY",
        "renminbi": "CNY", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "rupee": "INR",
        "rupees": "INR", "yen": "JPY", "francs": "CHF", "franc": "CHF", "usd": "USD", "eur": "EUR",
        "gbp": "GBP", "rub": "RUB", "cny": "CNY", "uah": "UAH", "inr": "INR", "jpy": "JPY", "chf": "CHF",
        "cad": "CAD", "aud": "AUD", "won": "KRW", "lira": "TRY", "zloty": "PLN", "shekels": "ILS",
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
    ]
}
