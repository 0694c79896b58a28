@testable import Claims
import SeededRandom
import Testing

/// The tokenizer reads an ASCII word's endings from its last four bytes; the path for words
/// beyond ASCII reads them with `hasSuffix`. Both must say the same of every ASCII word.
@Suite struct EndingsTests {
    /// The endings read from the packed bytes, as the tokenizer packs them.
    static func packed(_ word: String) -> Endings {
        var tail: UInt32 = 0
        for byte in word.utf8 { tail = tail << 8 | UInt32(byte) }
        return Endings(tail: tail, count: word.utf8.count, hyphen: word.utf8.contains(0x2D))
    }

    @Test("news words", arguments: [
        ("families", [.s], false), ("glass", [.s, .ss], false), ("kyiv's", [.s, .possessive], false),
        ("quickly", [.ly], true), ("running", [.ing], true), ("denied", [.ed], true), ("don't", [.negated], false),
        ("famous", [.s], true), ("useless", [.s, .ss], true), ("massive", [], true), ("legal", [], true), ("basic", [], true),
        ("hopeful", [], true), ("capable", [], true), ("visible", [], true), ("military", [], true), ("british", [], true),
        ("ki-moon", [.hyphen], false), ("twenty-five", [.hyphen], true), ("s", [.s], false), ("ed", [.ed], true),
        ("said", [], false), ("ly", [.ly], true), ("a", [], false), ("", [], false), ("café", [], false),
    ] as [(String, Endings, Bool)])
    func newsWords(word: String, expected: Endings, adjective: Bool) {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { #expect(Self.packed(word) == expected) }
        #expect(Endings(of: word) == expected)
        #expect(Endings.endsLikeAdjective(word) == adjective)
    }

    @Test("generated words: the packed bytes and hasSuffix agree")
    func generatedWords() {
        var random = SplitMix64(seed: 0xE4D1)
        // The letters endings are made of, and a few that end none.
        let alphabet = Array("sylingedt'ouarhcbfvmkp-".utf8)
        for _ in 0..<50_000 {
            let length = random.below(9)
            let word = String(decoding: (0..<length).map { _ in alphabet[random.below(alphabet.count)] }, as: UTF8.self)
            #expect(Self.packed(word) == Endings(of: word), "\(word.debugDescription)")
        }
    }
}
