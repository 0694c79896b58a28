/// Page furniture that slipped past the text extractor: photo credits, sign-up pitches,
/// "read more" headline lists. None of it carries claims.
enum Furniture {
    static let phrases: [[String]] = [
        ["getty", "images"], ["sign", "up"], ["subscribe"], ["newsletter"], ["cookies"], ["cookie"],
        ["all", "rights", "reserved"], ["copyright"], ["read", "more"], ["click", "here"], ["min", "read"],
        ["ap", "photo"], ["via", "getty"], ["afp", "via"], ["photo", "credit"], ["image", "credit"],
        ["follow", "us"], ["share", "this"], ["advertisement"], ["unlock"], ["paywall"], ["log", "in"],
        ["premium", "subscribers"], ["subscription"], ["trust", "project"], ["contact", "us"],
    ]

    /// Phrases by their first word, so a sentence is scanned once.
    static let byFirstWord: [String: [[String]]] = Dictionary(grouping: phrases) { $0.first ?? "" }

    static func isFurniture(_ tokens: [Token], isFirst: Bool) -> Bool {
        let words = tokens.filter { $0.kind == .word }
        guard !words.isEmpty else { return true }
        for (index, word) in words.enumerated() where word.flags.contains(.furniture) {
            guard let candidates = byFirstWord[word.lower] else { continue }
            for phrase in candidates where index + phrase.count <= words.count {
                if zip(phrase, words[index..<(index + phrase.count)]).allSatisfy({ $0 == $1.lower }) { return true }
            }
        }
        if tokens.contains(where: { $0.text == "©" }) { return true }
        // "ALEXANDER NEMENOV/Getty Images", "Sergei Bobylyov/POOL/AFP": a photo credit.
        for (index, token) in tokens.enumerated() where token.text == "/" && index > 0 && index + 1 < tokens.count {
            let before = tokens[index - 1]
            let after = tokens[index + 1]
            if before.end == token.start, after.start == token.end, before.capitalized, after.capitalized { return true }
        }
        // A headline of another article: title case, no full stop.
        if !isFirst, words.count >= 4, let last = tokens.last, !(last.isPunctuation(".") || last.kind == .closeQuote) {
            let capitalized = words.filter(\.capitalized).count
            if capitalized * 10 >= words.count * 7 { return true }
        }
        return false
    }
}
