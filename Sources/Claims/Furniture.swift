/// Page furniture that slipped past the text extractor: photo credits, sign-up pitches,
/// "read more" headline lists. None of it carries claims.
enum Furniture {
    static let phrases: [[Lower]] = [
        ["getty", "images"], ["sign", "up"], ["subscribe"], ["newsletter"], ["cookies"], ["cookie"],
        ["all", "rights", "reserved"], ["copyright"], ["read", "more"], ["click", "here"], ["min", "read"],
        ["ap", "photo"], ["via", "getty"], ["afp", "via"], ["photo", "credit"], ["image", "credit"],
        ["follow", "us"], ["share", "this"], ["advertisement"], ["unlock"], ["paywall"], ["log", "in"],
        ["premium", "subscribers"], ["subscription"], ["trust", "project"], ["contact", "us"],
    ]

    /// Phrases by their first word, so a sentence is scanned once.
    static let byFirstWord: [Lower: [[Lower]]] = Dictionary(grouping: phrases) { $0.first ?? Lower() }

    /// Whether the sentence is furniture. The tokenizer's summary answers for most
    /// sentences: only one with a furniture word or a credit mark is scanned.
    static func isFurniture(_ tokens: SentenceTokens, summary: TokenSummary, isFirst: Bool) -> Bool {
        if summary.flags.contains(.furniture) || summary.hasCreditMark, hasFurnitureMark(tokens) { return true }
        guard summary.words > 0 else { return true }
        // A headline of another article: title case, no full stop.
        if !isFirst, summary.words >= 4, let last = tokens.last, !(last.isPunctuation(".") || last.kind == .closeQuote) {
            if summary.capitalizedWords * 10 >= summary.words * 7 { return true }
        }
        return false
    }

    /// A furniture phrase, a "©", or a photo credit's slash between capitalized words.
    private static func hasFurnitureMark(_ tokens: SentenceTokens) -> Bool {
        for index in tokens.indices {
            let token = tokens[index]
            switch token.kind {
            case .word:
                if token.flags.contains(.furniture), let candidates = byFirstWord[token.lower],
                   candidates.contains(where: { matches($0, tokens, from: index) }) {
                    return true
                }
            case .punctuation:
                if token.first == "©" { return true }
                // "ALEXANDER NEMENOV/Getty Images", "Sergei Bobylyov/POOL/AFP": a photo credit.
                if token.first == "/", index > 0, index + 1 < tokens.count {
                    let before = tokens[index - 1]
                    let after = tokens[index + 1]
                    if before.end == token.start, after.start == token.end, before.capitalized, after.capitalized { return true }
                }
            default:
                break
            }
        }
        return false
    }

    /// The words of `phrase` are the words from `index` on, other tokens stepped over.
    private static func matches(_ phrase: [Lower], _ tokens: SentenceTokens, from index: Int) -> Bool {
        var position = index
        for part in phrase {
            while position < tokens.count, tokens[position].kind != .word { position += 1 }
            guard position < tokens.count, tokens[position].lower == part else { return false }
            position += 1
        }
        return true
    }
}
