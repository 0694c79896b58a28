/// One token of a sentence, with its position in the article's scalars. Holds no text of
/// its own but the lowercase form: the written form is read from `ScalarText` when needed.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// Letters, possibly with inner apostrophes, hyphens, digits or dots ("U.S.", "F-16").
        case word
        /// Starts with a digit: "155", "12,000", "3.5bn", "157th", "1990s".
        case number
        /// An opening quotation mark (“ ‘ or a straight quote that opens).
        case openQuote
        /// A closing quotation mark (” ’ or a straight quote that closes).
        case closeQuote
        /// A currency sign or `%`.
        case symbol
        /// Any other single scalar: , ; : . ! ? ( ) — – and so on.
        case punctuation
    }

    var kind: Kind
    /// Scalar offsets in the article text: `start..<end`.
    var start: Int
    var end: Int
    /// Lowercased, with curly apostrophes made straight: what lexicon lookups use.
    var lower: Lower
    /// The first scalar is an uppercase letter.
    var capitalized: Bool
    /// Inside a quotation opened in this sentence or before it in the paragraph; quotation
    /// marks themselves are not.
    var quoted = false
    /// What the lexicons say about `lower`.
    var flags: WordFlags = []
    /// The first scalar as written; the whole token for anything but words and numbers.
    var first: Unicode.Scalar = " "
    var endings: Endings = []

    var isWord: Bool { kind == .word }

    /// Ends like a regular plural: in s, but not ss or 's ("families", not "glass", "Kyiv's").
    var endsAsPlural: Bool { endings.contains(.s) && !endings.contains(.ss) && !endings.contains(.possessive) }
    var isQuote: Bool { kind == .openQuote || kind == .closeQuote }

    func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        kind == .punctuation && first == scalar
    }

    /// A comma, semicolon, colon, dash or bracket: something a phrase does not run across.
    var isBreak: Bool { kind == .punctuation || kind == .openQuote || kind == .closeQuote }
}
