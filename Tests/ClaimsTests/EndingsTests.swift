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
        ("families", [.s]), ("glass", [.s, .ss]), ("kyiv's", [.s, .possessive]), ("quickly", [.ly, .adjective]),
        ("running", [.ing, .adjective]), ("denied", [.ed, .adjective]), ("don't", [.negated]), ("famous", [.s, .adjective]),
        ("useless", [.s, .ss, .adjective]), ("massive", [.adjective]), ("legal", [.adjective]), ("basic", [.adjective]),
        ("hopeful", [.adjective]), ("capable", [.adjective]), ("visible", [.adjective]), ("military", [.adjective]),
        ("british", [.adjective]), ("ki-moon", [.hyphen]), ("twenty-five", [.hyphen, .adjective]), ("s", [.s]),
        ("ed", [.ed, .adjective]), ("said", []), ("ly", [.ly, .adjective]), ("a", []), ("", []),
    ] as [(String, Endings)])
    func newsWords(word: String, expected: Endings) {
        #expect(Self.packed(word) == expected)
        #expect(Endings(of: word) == expected)
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
