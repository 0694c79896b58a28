@testable import Claims
import SeededRandom
import Testing

/// The tokenizer's one-pass word scan must agree with its general path (scan the word, then
/// fold its bytes) on every word it takes: same end, same lowercase form, same endings. It
/// gives up (-1) only where the general path needs a Unicode property.
@Suite struct AsciiWordTests {
    /// Scalars that start, continue, join or end words, ASCII and beyond.
    static let alphabet: [Unicode.Scalar] = [
        "a", "B", "z", "Q", "s", "e", "d", "0", "7", "'", "\u{2019}", "-", "\u{2011}", ".", " ", ",", "\u{201D}",
        "\u{201C}", "\u{2014}", "\u{00E9}", "\u{0301}", "\u{00DF}", "\u{0130}", "\u{00A0}", ":", "n", "t", "y", "l",
    ]

    struct Found: Equatable {
        var stop: Int
        var lower: Lower
        var endings: UInt16
    }

    static func general(_ text: ScalarText) -> Found {
        text.withBuffers { scalars, bytes, offsets in
            let stop = Tokenizer.wordEnd(scalars, from: 0, to: scalars.count)
            let lowered = ScalarText.asciiLowered(bytes, from: offsets[0], to: offsets[stop]) ?? text.loweredBeyondASCII(0, stop)
            return Found(stop: stop, lower: lowered.lower, endings: lowered.endings.rawValue)
        }
    }

    static func fast(_ text: ScalarText) -> Found? {
        text.withBuffers { scalars, _, _ in
            var word = AsciiWord()
            let stop = word.scan(scalars, from: 0, to: scalars.count)
            guard stop >= 0 else { return nil }
            return Found(stop: stop, lower: word.lowered.lower, endings: word.lowered.endings.rawValue)
        }
    }

    @Test("words of every shape: the one-pass scan agrees with the general path or hands over")
    func generatedWords() {
        // The same words on every run.
        var random = SplitMix64(seed: 0x5EED)
        let letters: [Unicode.Scalar] = ["a", "B", "z", "Q", "s"]
        var compared = 0
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            scalars.append(letters[random.below(letters.count)])
            for _ in 0..<random.below(24) { scalars.append(Self.alphabet[random.below(Self.alphabet.count)]) }
            let text = ScalarText(String(scalars))
            guard let fast = Self.fast(text) else { continue }
            compared += 1
            #expect(fast == Self.general(text), "\(String(scalars).debugDescription)")
        }
        // Many generated words end, or join through a curly apostrophe, before any scalar
        // that makes the scan hand over: the comparison covers the fast path well.
        #expect(compared > 5_000)
    }

    @Test("words that news prose is made of", arguments: [
        "Kyiv’s", "Kyiv's", "U.S.", "a.m.", "F-16", "state-backed", "don’t", "insurers’", "end.Next", "low.”",
        "twenty-five", "O’Brien", "Ki-moon", "allegedly", "soldiers’", "3rd", "co-operate", "U.S.-led",
        "abcdefghijklmnopqrstuvwxyz", "Zelensky,", "said:", "e.g.", "Café", "naïve", "x\u{2011}y",
    ])
    func proseWords(word: String) {
        let text = ScalarText(word)
        if let fast = Self.fast(text) { #expect(fast == Self.general(text)) }
    }

    @Test("a curly apostrophe inside a word folds to a straight one, as the general path folds it")
    func curlyApostrophe() throws {
        let fast = try #require(Self.fast(ScalarText("Kyiv’s")))
        #expect(fast.lower == Lower("kyiv's"))
        #expect(fast.stop == 6)
    }
}
