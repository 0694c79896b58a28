import ArticleText
import SeededRandom
import Testing
@testable import Fingerprint

/// The fingerprint path tokenizes and hashes in one pass, a word at a time (SWAR). These
/// compare it with a plain reference: scalar-by-scalar tokens, each hashed whole with
/// `StableHash.hash`, and every shingle combined from scratch.
@Suite struct FusedShinglerTests {
    /// The tokenizer's rules, one scalar at a time.
    static func referenceTokens(_ text: String) -> [[UInt8]] {
        var tokens = [[UInt8]]()
        var current = [UInt8]()
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = []
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                let letter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                if letter || (0x30...0x39).contains(byte) {
                    current.append(letter ? byte | 0x20 : byte)
                } else if byte != UInt8(ascii: "'") {
                    flush()
                }
            } else if ["\u{2019}", "\u{2018}", "\u{02BC}"].contains(scalar) {
                continue
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current += Array(scalar.properties.lowercaseMapping.utf8)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    static func referenceShingles(_ text: String, size: Int, seed: UInt64) -> [UInt64] {
        let hashes = referenceTokens(text).map { token in token.withUnsafeBufferPointer { StableHash.hash($0, seed: seed) } }
        func rotate(_ value: UInt64, _ count: Int) -> UInt64 {
            let shift = UInt64(count & 63)
            return shift == 0 ? value : (value << shift) | (value >> (64 - shift))
        }
        func shingle(_ window: ArraySlice<UInt64>) -> UInt64 {
            var combined = seed ^ UInt64(window.count)
            for (offset, hash) in window.enumerated() { combined ^= rotate(hash, offset * 13) }
            return StableHash.mix(StableHash.fold(combined, StableHash.prime1))
        }
        if hashes.isEmpty { return [] }
        if hashes.count < size { return [shingle(hashes[...])] }
        return (0...(hashes.count - size)).map { shingle(hashes[$0..<($0 + size)]) }
    }

    static func fused(_ text: String, size: Int, seed: UInt64) -> [UInt64] {
        var hashes = [UInt64]()
        ShingleHasher.forEachShingle(in: text, size: size, seed: seed) { hashes.append($0) }
        return hashes
    }

    /// Texts of random pieces: ASCII words of every length around the 8-byte word, digits,
    /// punctuation runs, apostrophes straight and curly, accented and multi-byte letters,
    /// letters whose lowercase is longer, symbols and non-breaking spaces.
    static func randomTexts(count: Int) -> [String] {
        let pieces = ["a", "Z", "q", "0", "9", "kestrel", "ABCDEFGH", "abcdefghijklmnopq", "'", "’", "‘", "ʼ",
                      " ", " ", " ", ".", ". ", ", ", "-", "--", "\n\n", "(", "\"", "é", "Émile", "ß", "İ", "Ω",
                      "中文", "😀", "٣", "\u{00A0}", "x", "Don't", "Russia’s", "3.5%", "1,200", "@[`{"]
        var random = SplitMix64(seed: 0x5eed)
        return (0..<count).map { _ in (0..<random.below(80)).map { _ in pieces[random.below(pieces.count)] }.joined() }
    }

    @Test("the word-at-a-time tokenizer gives the reference tokens")
    func tokensMatchReference() {
        for text in Self.randomTexts(count: 600) {
            let tokens = FingerprintTokenizer.tokens(in: text).map { Array($0.utf8) }
            #expect(tokens == Self.referenceTokens(text), "\(text.debugDescription)")
        }
    }

    @Test("the fused shingler gives the reference shingles", arguments: [1, 2, 5, 8, 16])
    func shinglesMatchReference(size: Int) {
        for text in Self.randomTexts(count: 300) {
            #expect(Self.fused(text, size: size, seed: 0x636c_6169_6d77_6174) == Self.referenceShingles(text, size: size, seed: 0x636c_6169_6d77_6174),
                    "\(text.debugDescription)")
        }
    }

    @Test("a long article's shingles match the reference")
    func longArticle() {
        let text = StoryFixtures.plainText + "\n\n" + String(repeating: StoryFixtures.body.joined(separator: " "), count: 3)
        let fused = Self.fused(text, size: 5, seed: 7)
        #expect(fused.count > 100)
        #expect(fused == Self.referenceShingles(text, size: 5, seed: 7))
    }
}
