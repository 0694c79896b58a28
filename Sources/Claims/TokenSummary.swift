/// What any of a sentence's tokens are, gathered as they are made: a finder whose words are
/// not in the sentence at all is not run, and does not walk the tokens.
struct TokenSummary {
    /// Every token's flags together.
    var flags: WordFlags = []
    var hasNumber = false
    var hasHyphenatedWord = false

    init(flags: WordFlags = []) { self.flags = flags }

    mutating func add(_ token: Token) {
        flags.formUnion(token.flags)
        hasNumber = hasNumber || token.kind == .number
        hasHyphenatedWord = hasHyphenatedWord || token.kind == .word && token.endings.contains(.hyphen)
    }

    /// Whether `NumberReader` could start a number at any of the tokens.
    var mayHoldNumber: Bool { hasNumber || hasHyphenatedWord || flags.contains(.numeric) }
}
