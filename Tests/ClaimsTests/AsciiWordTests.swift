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

    /// The word at the start of `text`, scanned no further than scalar `end`.
    static func general(_ text: ScalarText, to end: Int? = nil) -> Found {
        text.withBuffers { scalars, bytes, offsets in
            let stop = Tokenizer.wordEnd(scalars, from: 0, to: end ?? scalars.count)
            let lowered = ScalarText.asciiLowered(bytes, from: offsets[0], to: offsets[stop]) ?? text.loweredBeyondASCII(0, stop)
            return Found(stop: stop, lower: lowered.lower, endings: lowered.endings.rawValue)
        }
    }

    static func fast(_ text: ScalarText, to end: Int? = nil) -> Found? {
        text.withBuffers { scalars, bytes, offsets in
            var word = AsciiWord()
            let stop = word.scan(scalars, bytes, byte: offsets[0], from: 0, to: end ?? scalars.count)
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
            // Followed by enough text, the word's opening letters and digits are folded
            // eight bytes at a time; at the end of the text, one scalar at a time.
            let followed = ScalarText(String(scalars) + " and more words after it")
            let cut = 1 + random.below(scalars.count)
            if let fast = Self.fast(followed) {
                #expect(fast == Self.general(followed), "\(String(scalars).debugDescription) followed")
            }
            if let fast = Self.fast(followed, to: cut) {
                #expect(fast == Self.general(followed, to: cut), "\(String(scalars).debugDescription) cut at \(cut)")
            }
            guard let fast = Self.fast(text) else { continue }
            compared += 1
            #expect(fast == Self.general(text), "\(String(scalars).debugDescription)")
        }
        // Many generated words end, or join through a curly apostrophe, before any scalar
        // that makes the scan hand over: the comparison covers the fast path well.
        #expect(compared > 5_000)
    }

    @Test("long runs of letters and digits, cut by the bytes next to them in ASCII, agree eight bytes at a time")
    func longRuns() {
        var random = SplitMix64(seed: 0xB17E5)
        var compared = 0
        // Letters and digits at the edges of their ASCII ranges, and the bytes just outside
        // them ("/", ":", "@", "[", "`", "{"), which must end a run.
        let runAlphabet: [Unicode.Scalar] = [
            "a", "z", "A", "Z", "m", "0", "9", "5", "s", "y", "/", ":", "@", "[", "`", "{", "-", "'", "\u{2019}", "\u{00E9}",
        ]
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            scalars.append(["a", "Z", "q"][random.below(3)])
            let length = random.below(40)
            for _ in 0..<length {
                // Mostly letters and digits, so that runs reach the second eight bytes and past.
                let pick = random.below(10) < 8 ? random.below(10) : random.below(runAlphabet.count)
                scalars.append(runAlphabet[pick])
            }
            let followed = ScalarText(String(scalars) + " then more")
            for end in [followed.count, 1 + random.below(scalars.count)] {
                if let fast = Self.fast(followed, to: end) {
                    compared += 1
                    #expect(fast == Self.general(followed, to: end), "\(String(scalars).debugDescription) to \(end)")
                }
            }
        }
        // The fast path takes most of them: the comparison is not empty.
        #expect(compared > 20_000)
    }

    @Test("words that news prose is made of", arguments: [
        "Kyiv’s", "Kyiv's", "U.S.", "a.m.", "F-16", "state-backed", "don’t", "insurers’", "end.Next", "low.”",
        "twenty-five", "O’Brien", "Ki-moon", "allegedly", "soldiers’", "3rd", "co-operate", "U.S.-led",
        "abcdefghijklmnopqrstuvwxyz", "Zelensky,", "said:", "e.g.", "Café", "naïve", "x\u{2011}y",
    ])
    func proseWords(word: String) {
        for text in [ScalarText(word), ScalarText(word + " in a sentence that goes on")] {
            if let fast = Self.fast(text) { #expect(fast == Self.general(text)) }
        }
    }

    @Test("a curly apostrophe inside a word folds to a straight one, as the general path folds it")
    func curlyApostrophe() throws {
        let fast = try #require(Self.fast(ScalarText("Kyiv’s")))
        #expect(fast.lower == Lower("kyiv's"))
        #expect(fast.stop == 6)
    }
}
