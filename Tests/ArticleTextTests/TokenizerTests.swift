import Testing
@testable import ArticleText

@Suite struct TokenizerTests {
    @Test("words keep inner apostrophes, hyphens and number separators, with offsets")
    func words() {
        let text = "The guild’s state-backed plan: 1,200 jobs, 3.5% (“maybe”)."
        let tokens = WordTokenizer.tokens(in: text)
        #expect(tokens.map(\.text) == ["The", "guild’s", "state-backed", "plan", "1,200", "jobs", "3.5", "maybe"])
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            #expect(String(String.UnicodeScalarView(scalars[token.start..<token.end])) == token.text)
        }
        #expect(WordTokenizer.count(in: text) == 8)
    }

    @Test("fingerprint tokens are case-folded, apostrophes deleted, punctuation split", arguments: [
        ("Russia’s “Special” OPERATION", ["russias", "special", "operation"]),
        ("state-backed 600,000 troops", ["state", "backed", "600", "000", "troops"]),
        ("Émile ÉTAIT là", ["émile", "était", "là"]),
        ("don't -- stop", ["dont", "stop"]),
    ])
    func fingerprintTokens(text: String, expected: [String]) {
        #expect(FingerprintTokenizer.tokens(in: text) == expected)
    }

    @Test("normalization collapses whitespace, drops invisible characters and composes NFC")
    func normalization() {
        #expect(TextNormalizer.collapse("  A\u{00A0}\u{2009}quiet\t\tday\u{200B} ") == "A quiet day")
        #expect(TextNormalizer.collapse("Cafe\u{301} “open”") == "Caf\u{E9} “open”")
        #expect(TextNormalizer.collapse("Cafe\u{301}").unicodeScalars.count == 4)
    }
}
