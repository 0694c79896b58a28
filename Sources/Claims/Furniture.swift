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

    static func isFurniture(_ tokens: SentenceTokens, isFirst: Bool) -> Bool {
        // One pass over the tokens: every sentence of every article comes here.
        var wordCount = 0
        var capitalized = 0
        for index in tokens.indices {
            let token = tokens[index]
            switch token.kind {
            case .word:
                wordCount += 1
                if token.capitalized { capitalized += 1 }
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
        guard wordCount > 0 else { return true }
        // A headline of another article: title case, no full stop.
        if !isFirst, wordCount >= 4, let last = tokens.last, !(last.isPunctuation(".") || last.kind == .closeQuote) {
            if capitalized * 10 >= wordCount * 7 { return true }
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
