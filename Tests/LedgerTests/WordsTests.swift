import Testing
@testable import Ledger

/// The word cutter behind topic keys, held to the straightforward scalar-by-scalar
/// version it replaced (kept here as the reference) on generated text: every topic key
/// depends on it, so it must cut exactly as before, ASCII or not.
@Suite struct WordsTests {
    /// The cutter as first written: one String per word and its lowercase, Unicode
    /// properties for every check.
    struct Reference {
        struct Item: Equatable {
            var lower: String
            var isCapitalized: Bool
            var isNumeric: Bool
            var endsClause: Bool
        }

        var items: [Item] = []

        init(_ text: String) {
            let scalars = Array(text.unicodeScalars)
            var start: Int?
            var texts: [String] = []
            func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "'’-.".unicodeScalars.contains(scalar)
            }
            func close(at end: Int, clause: Bool) {
                guard var begin = start else { return }
                start = nil
                var stop = end
                let dots = scalars[begin..<stop].filter { $0 == "." }.count
                let trailingDot = stop > begin && scalars[stop - 1] == "." && dots == 1
                if trailingDot { stop -= 1 }
                while begin < stop, "'’-".unicodeScalars.contains(scalars[begin]) { begin += 1 }
                while stop > begin, "'’-".unicodeScalars.contains(scalars[stop - 1]) { stop -= 1 }
                guard begin < stop else { return }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: scalars[begin..<stop])
                let text = String(word)
                texts.append(text)
                items.append(Item(lower: text.lowercased(), isCapitalized: text.unicodeScalars.first?.properties.isUppercase ?? false,
                                  isNumeric: text.unicodeScalars.contains { $0.properties.numericType != nil },
                                  endsClause: clause || trailingDot))
            }
            for (index, scalar) in scalars.enumerated() {
                if isWordPart(scalar) {
                    if start == nil { start = index }
                } else {
                    let clause = ",;:—–()!?".unicodeScalars.contains(scalar)
                    close(at: index, clause: clause)
                    if clause, let last = items.indices.last { items[last].endsClause = true }
                }
            }
            close(at: scalars.count, clause: true)
        }
    }

    static func items(_ text: String) -> [Reference.Item] {
        Words(text).items.map { Reference.Item(lower: $0.lower, isCapitalized: $0.isCapitalized, isNumeric: $0.isNumeric,
                                               endsClause: $0.endsClause) }
    }

    /// Pieces text is made of: words, numbers, every kind of punctuation the cutter looks at,
    /// and letters, digits and marks from outside ASCII.
    static let pieces = [
        "the", "The", "NATO", "U.S.", "U.S", "Valdorian", "citizens", "north-west", "-", "--", "'", "’", "'s", "’s", ".", "...",
        ",", ";", ":", "—", "–", "(", ")", "!", "?", " ", "  ", "\t", "\n", "\"", "“", "”", "12,000", "3.5", "1.", "x.y.z",
        "é", "Éire", "Ürün", "İstanbul", "straße", "ΣΟΦΙΑ", "Ǆemal", "ﬁve", "٣٤", "½", "Ⅻ", "😀", "a\u{301}", "\u{301}", "\u{A0}",
        "日本", "Москва", "ʼ", "‑", "A", "z", "0", "9", "'-'", "-'-",
    ]

    @Test("cuts generated text, ASCII and not, exactly as the reference does")
    func matchesReference() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func below(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<below(14) { text += Self.pieces[below(Self.pieces.count)] }
            #expect(Self.items(text) == Reference(text).items, "\(text.debugDescription)")
        }
        for piece in Self.pieces { #expect(Self.items(piece) == Reference(piece).items, "\(piece.debugDescription)") }
    }

    @Test("a sentence: clause ends, a trailing full stop, dotted initials, capitals and numbers")
    func sentence() {
        let words = Words("Officials in the U.S. said 1,200 North-Koreans — 'at least' — were there.")
        #expect(words.items.map(\.lower) == ["officials", "in", "the", "u.s.", "said", "1", "200", "north-koreans", "at", "least",
                                             "were", "there"])
        #expect(words.items.filter(\.endsClause).map(\.lower) == ["1", "north-koreans", "least", "there"])
        #expect(words.items.filter(\.isCapitalized).map(\.lower) == ["officials", "u.s.", "north-koreans"])
        #expect(words.items.filter(\.isNumeric).map(\.lower) == ["1", "200"])
    }
}
