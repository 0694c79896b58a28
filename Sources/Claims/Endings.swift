/// Word endings the rules test, read once per token from its lowercase form: the rules then
/// test bits instead of running `String.hasSuffix`, which compares by grapheme.
struct Endings: OptionSet, Sendable {
    let rawValue: UInt16

    static let s = Endings(rawValue: 1 << 0)
    static let ss = Endings(rawValue: 1 << 1)
    /// "'s"
    static let possessive = Endings(rawValue: 1 << 2)
    static let ly = Endings(rawValue: 1 << 3)
    static let ing = Endings(rawValue: 1 << 4)
    static let ed = Endings(rawValue: 1 << 5)
    /// "n't"
    static let negated = Endings(rawValue: 1 << 6)
    /// Not an ending: the word holds a hyphen byte anywhere ("twenty-five", "year-long").
    static let hyphen = Endings(rawValue: 1 << 8)

    /// The endings of adjectives. Not read per token, as the others are: one rule asks, and
    /// rarely, while thirteen more comparisons for every word of every article cost more.
    static let adjectiveEndings = ["ly", "ing", "ed", "ous", "ive", "al", "ic", "ful", "less", "able", "ible", "ary", "ish"]

    private static let suffixes: [(Endings, String)] = [
        (.s, "s"), (.ss, "ss"), (.possessive, "'s"), (.ly, "ly"), (.ing, "ing"), (.ed, "ed"), (.negated, "n't"),
    ]

    init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The endings of a lowercase ASCII word whose last four bytes, packed big-endian into
    /// `tail`, are given with the word's length in bytes.
    init(tail: UInt32, count: Int, hyphen: Bool) {
        var endings: Endings = hyphen ? .hyphen : []
        let last1 = count >= 1 ? tail & 0xFF : 0xFFFF_FFFF
        let last2 = count >= 2 ? tail & 0xFFFF : 0xFFFF_FFFF
        let last3 = count >= 3 ? tail & 0xFF_FFFF : 0xFFFF_FFFF
        if last1 == 0x73 { endings.insert(.s) }                   // s
        if last2 == 0x7373 { endings.insert(.ss) }                // ss
        if last2 == 0x2773 { endings.insert(.possessive) }        // 's
        if last2 == 0x6C79 { endings.insert(.ly) }                // ly
        if last3 == 0x69_6E67 { endings.insert(.ing) }           // ing
        if last2 == 0x6564 { endings.insert(.ed) }                // ed
        if last3 == 0x6E_2774 { endings.insert(.negated) }       // n't
        self = endings
    }

    /// The exact, grapheme-wise endings of any word: the path for words beyond ASCII.
    init(of lower: String) {
        var endings: Endings = lower.utf8.contains(0x2D) ? .hyphen : []
        // Every ending is ASCII, and no Character holding a scalar beyond ASCII equals an
        // ASCII letter or apostrophe: a word ending in such a scalar has none of them.
        guard let last = lower.unicodeScalars.last, last.isASCII else { self = endings; return }
        for (ending, suffix) in Self.suffixes where lower.hasSuffix(suffix) { endings.insert(ending) }
        self = endings
    }

    /// Whether a word's lowercase form ends as an adjective does, grapheme-wise like `init(of:)`.
    static func endsLikeAdjective(_ lower: String) -> Bool {
        guard let last = lower.unicodeScalars.last, last.isASCII else { return false }
        return adjectiveEndings.contains { lower.hasSuffix($0) }
    }
}
