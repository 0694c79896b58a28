/// What the lexicons say about a word, looked up once per token: the hot loops then test
/// bits instead of hashing the same word into a dozen sets.
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt16

    static let cue = WordFlags(rawValue: 1 << 0)
    static let weakCue = WordFlags(rawValue: 1 << 1)
    static let particleCue = WordFlags(rawValue: 1 << 2)
    /// Could start a number or vague amount: number words, scales, "several", "a".
    static let numeric = WordFlags(rawValue: 1 << 3)
    /// Could make a sentence hedged.
    static let hedge = WordFlags(rawValue: 1 << 4)
    /// Could open a furniture phrase.
    static let furniture = WordFlags(rawValue: 1 << 5)
    static let according = WordFlags(rawValue: 1 << 6)

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
        mark(FigureLexicon.vagueMultipliers, .numeric)
        mark(["a"], .numeric)
        mark(CueLexicon.hedges, .hedge)
        mark(CueLexicon.hedgeVerbs, .hedge)
        mark(["verify", "confirm", "verified", "confirmed", "believed", "thought", "said", "alleged", "rumored", "understood"], .hedge)
        mark(Furniture.byFirstWord.keys, .furniture)
        mark(["according"], .according)
        return table
    }()

    static func of(_ lower: String) -> WordFlags { table[lower] ?? [] }
}
