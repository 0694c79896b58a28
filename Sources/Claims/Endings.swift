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
    /// Any ending of an adjective: ly, ing, ed, ous, ive, al, ic, ful, less, able, ible, ary, ish.
    static let adjective = Endings(rawValue: 1 << 7)

    static let adjectiveEndings = ["ly", "ing", "ed", "ous", "ive", "al", "ic", "ful", "less", "able", "ible", "ary", "ish"]

    init(rawValue: UInt16) { self.rawValue = rawValue }

    init(of lower: String) {
        // The last four bytes, packed: every ending tested is at most four bytes long.
        var tail: UInt32 = 0
        var count = 0
        for byte in lower.utf8 {
            // Bytes match graphemes only for ASCII; anything else takes the slow, exact path.
            guard byte < 0x80 else { self = Self.graphemeEndings(lower); return }
            tail = tail << 8 | UInt32(byte)
            count += 1
        }
        var endings = Endings()
        for (ending, pattern, length) in Self.patterns where count >= length {
            let mask: UInt32 = length >= 4 ? .max : (1 << (8 * UInt32(length))) - 1
            if tail & mask == pattern { endings.insert(ending) }
        }
        self = endings
    }

    private static let suffixes: [(Endings, String)] = [
        (.s, "s"), (.ss, "ss"), (.possessive, "'s"), (.ly, "ly"), (.ing, "ing"), (.ed, "ed"), (.negated, "n't"),
    ] + adjectiveEndings.map { (.adjective, $0) }

    private static let patterns: [(Endings, UInt32, Int)] = suffixes.map { ending, suffix in
        (ending, suffix.utf8.reduce(0) { $0 << 8 | UInt32($1) }, suffix.utf8.count)
    }

    private static func graphemeEndings(_ lower: String) -> Endings {
        var endings = Endings()
        for (ending, suffix) in suffixes where lower.hasSuffix(suffix) { endings.insert(ending) }
        return endings
    }
}
