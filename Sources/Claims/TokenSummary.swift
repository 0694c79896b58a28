/// What any of a sentence's tokens are, gathered as they are made: a finder whose words are
/// not in the sentence at all is not run, and does not walk the tokens.
struct TokenSummary {
    /// Every token's flags together.
    var flags: WordFlags = []
    var hasNumber = false
    var hasHyphenatedWord = false
    /// Words, and those of them capitalized: what tells a headline from a sentence.
    var words = 0
    var capitalizedWords = 0
    /// A "©" or "/": the marks of a photo credit or a copyright line.
    var hasCreditMark = false

    /// Whether `NumberReader` could read a number in the sentence: a word such as "a" or
    /// "several" starts one only before a number word, which the flags then hold too.
    var mayHoldNumber: Bool { hasNumber || hasHyphenatedWord || !flags.isDisjoint(with: [.numeric, .denominator, .couple]) }
}
