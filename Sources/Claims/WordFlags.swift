/// What the lexicons say about a word, looked up once per token: the hot loops then test
/// bits instead of hashing the same word into a dozen sets.
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt64

    static let cue = WordFlags(rawValue: 1 << 0)
    static let weakCue = WordFlags(rawValue: 1 << 1)
    static let particleCue = WordFlags(rawValue: 1 << 2)
    /// Could start a number or vague amount, and shows the sentence may hold one: number
    /// words, scales, "thousands", "half", "minus".
    static let numeric = WordFlags(rawValue: 1 << 3)
    /// Could make a sentence hedged.
    static let hedge = WordFlags(rawValue: 1 << 4)
    /// Could open a furniture phrase.
    static let furniture = WordFlags(rawValue: 1 << 5)
    static let according = WordFlags(rawValue: 1 << 6)
    // One bit per lexicon set, so that membership is a bit test.
    static let denial = WordFlags(rawValue: 1 << 7)
    static let insistence = WordFlags(rawValue: 1 << 8)
    static let denialWord = WordFlags(rawValue: 1 << 9)
    static let negation = WordFlags(rawValue: 1 << 10)
    static let invertible = WordFlags(rawValue: 1 << 11)
    static let irregularPast = WordFlags(rawValue: 1 << 12)
    static let determiner = WordFlags(rawValue: 1 << 13)
    static let hedgeWord = WordFlags(rawValue: 1 << 14)
    static let hedgeVerb = WordFlags(rawValue: 1 << 15)
    static let unit = WordFlags(rawValue: 1 << 16)
    static let scale = WordFlags(rawValue: 1 << 17)
    static let currencyWord = WordFlags(rawValue: 1 << 18)
    static let percentWord = WordFlags(rawValue: 1 << 19)
    static let month = WordFlags(rawValue: 1 << 20)
    static let duration = WordFlags(rawValue: 1 << 21)
    static let unitName = WordFlags(rawValue: 1 << 22)
    static let label = WordFlags(rawValue: 1 << 23)
    static let rangeOpener = WordFlags(rawValue: 1 << 24)
    static let irregularPlural = WordFlags(rawValue: 1 << 25)
    static let countedStop = WordFlags(rawValue: 1 << 26)
    static let role = WordFlags(rawValue: 1 << 27)
    static let demonym = WordFlags(rawValue: 1 << 28)
    static let governmentWord = WordFlags(rawValue: 1 << 29)
    static let mediaWord = WordFlags(rawValue: 1 << 30)
    static let organizationWord = WordFlags(rawValue: 1 << 31)
    static let anonymousHead = WordFlags(rawValue: 1 << 32)
    static let pronoun = WordFlags(rawValue: 1 << 33)
    static let weekday = WordFlags(rawValue: 1 << 34)
    static let auxiliary = WordFlags(rawValue: 1 << 35)
    static let beForm = WordFlags(rawValue: 1 << 36)
    static let phraseStop = WordFlags(rawValue: 1 << 37)
    static let innerPreposition = WordFlags(rawValue: 1 << 38)
    static let listenerCue = WordFlags(rawValue: 1 << 39)
    static let cueAdjunct = WordFlags(rawValue: 1 << 40)
    /// A word of some bound phrase ("at least", "up to", "an estimated").
    static let boundWord = WordFlags(rawValue: 1 << 41)
    /// A one-word government name ("kyiv", "nato").
    static let government = WordFlags(rawValue: 1 << 42)
    static let vaguePlural = WordFlags(rawValue: 1 << 43)
    /// The first word of a government name of several words ("white" of "white house").
    static let governmentHead = WordFlags(rawValue: 1 << 44)
    /// A word that says a figure went up ("rose", "up", "doubled") or down ("fell", "down").
    static let rise = WordFlags(rawValue: 1 << 45)
    static let fall = WordFlags(rawValue: 1 << 46)
    /// A fraction's denominator ("half", "thirds", "quarter"): "a" before one may be a fraction.
    static let denominator = WordFlags(rawValue: 1 << 47)
    /// Starts a number only before a word that is one ("a hundred", "several thousand", "a
    /// third"): common words that alone do not make a sentence worth reading for figures.
    static let numberLead = WordFlags(rawValue: 1 << 48)
    /// A unit of speed or rate written as one word ("mph", "knots").
    static let rateUnit = WordFlags(rawValue: 1 << 49)
    /// "couple": "a couple of" is about two.
    static let couple = WordFlags(rawValue: 1 << 50)

    /// Every word any flag applies to, with its flags.
    static let table: [String: WordFlags] = {
        var table = [String: WordFlags]()
        func mark(_ words: some Sequence<String>, _ flag: WordFlags) {
            for word in words { table[word, default: []].insert(flag) }
        }
        mark(CueLexicon.verbs, .cue)
        mark(CueLexicon.weakVerbs, .weakCue)
        mark(CueLexicon.particles.keys, .particleCue)
        mark(FigureLexicon.units.keys, .numeric)
        mark(FigureLexicon.scales.keys, .numeric)
        mark(FigureLexicon.vaguePlurals.keys, .numeric)
        mark(FigureLexicon.vagueMultipliers, .numberLead)
        mark(FigureLexicon.numberOpeners, .numeric)
        mark(FigureLexicon.denominators.keys, .denominator)
        mark(FigureLexicon.rateUnits.keys, .rateUnit)
        mark(["a"], .numberLead)
        mark(["couple"], .couple)
        mark(CueLexicon.hedges, .hedge)
        mark(CueLexicon.hedgeVerbs, .hedge)
        mark(["verify", "confirm", "verified", "confirmed", "believed", "thought", "said", "alleged", "rumored", "understood"], .hedge)
        mark(Furniture.byFirstWord.keys.map(\.string), .furniture)
        mark(["according"], .according)
        mark(CueLexicon.denials, .denial)
        mark(CueLexicon.insistence, .insistence)
        mark(CueLexicon.denialWords, .denialWord)
        mark(CueLexicon.negations, .negation)
        mark(CueLexicon.invertible, .invertible)
        mark(CueLexicon.irregularPast, .irregularPast)
        mark(CueLexicon.determiners, .determiner)
        mark(CueLexicon.hedges, .hedgeWord)
        mark(CueLexicon.hedgeVerbs, .hedgeVerb)
        mark(FigureLexicon.units.keys, .unit)
        mark(FigureLexicon.scales.keys, .scale)
        mark(FigureLexicon.vaguePlurals.keys, .vaguePlural)
        mark(FigureLexicon.currencyNames.keys, .currencyWord)
        mark(FigureLexicon.isoCodes, .currencyWord)
        mark(FigureLexicon.hundredths.keys, .currencyWord)
        mark(FigureLexicon.rises, .rise)
        mark(FigureLexicon.falls, .fall)
        mark(FigureLexicon.percentWords, .percentWord)
        mark(FigureLexicon.months, .month)
        mark(FigureLexicon.durations, .duration)
        mark(FigureLexicon.unitNames, .unitName)
        mark(FigureLexicon.labels, .label)
        mark(FigureLexicon.rangeOpeners, .rangeOpener)
        mark(FigureLexicon.irregularPlurals, .irregularPlural)
        mark(FigureLexicon.countedStops, .countedStop)
        for phrases in [FigureLexicon.atLeast, FigureLexicon.atMost, FigureLexicon.approximately, Set(FigureLexicon.boundsAfter.keys)] {
            for phrase in phrases { mark(phrase.split(separator: " ").map(String.init), .boundWord) }
        }
        mark(NameLexicon.roles, .role)
        mark(NameLexicon.demonyms, .demonym)
        mark(NameLexicon.governments, .government)
        mark(NameLexicon.governmentWords, .governmentWord)
        mark(NameLexicon.governments.map { $0.split(separator: " ") }.filter { $0.count > 1 }.map { String($0[0]) }, .governmentHead)
        mark(NameLexicon.mediaWords, .mediaWord)
        mark(NameLexicon.organizationWords, .organizationWord)
        mark(NameLexicon.anonymousHeads, .anonymousHead)
        mark(NameLexicon.pronouns, .pronoun)
        mark(NameLexicon.weekdays, .weekday)
        mark(PhraseLexicon.auxiliaries, .auxiliary)
        mark(PhraseLexicon.beForms, .beForm)
        mark(PhraseLexicon.phraseStops, .phraseStop)
        mark(PhraseLexicon.innerPrepositions, .innerPreposition)
        mark(PhraseLexicon.listenerCues, .listenerCue)
        mark(PhraseLexicon.cueAdjuncts, .cueAdjunct)
        return table
    }()

    /// `table` for the tokenizer, keyed by the inline lowercase form it builds.
    static let lookup = LowerTable(table)

    static func of(_ lower: String) -> WordFlags { table[lower] ?? [] }
}
