/// Words in a sentence that weaken what it asserts.
enum Hedges {
    static func find(in tokens: SentenceTokens) -> [String] {
        var hedges = [String]()
        func add(_ hedge: String) { if !hedges.contains(hedge) { hedges.append(hedge) } }
        for (index, token) in tokens.enumerated() where token.flags.contains(.hedge) {
            let word = token.lower
            let next = index + 1 < tokens.count ? tokens[index + 1].lower : Lower()
            if token.flags.contains(.hedgeWord) {
                add(word.string)
            } else if token.flags.contains(.hedgeVerb), next == "to" || next == "that" || next == "as" {
                add(word.string)
            } else if word == "verify" || word == "confirm" || word == "verified" || word == "confirmed" {
                // "could not verify", "could not independently confirm", "has not been verified"
                let window = tokens[max(0, index - 4)..<index]
                if window.contains(where: { $0.lower == "not" || $0.lower == "unable" || $0.endings.contains(.negated) }) {
                    add("could not verify")
                }
            } else if next == "to", Self.isReportingParticiple(word), index > 0,
                      tokens[index - 1].flags.contains(.beForm) {
                add(word == "said" ? "said to" : word.string)
            }
        }
        return hedges
    }

    /// "believed", "thought", "said" … as in "is said to": compared inline, since "said" is in
    /// nearly every sentence of news prose.
    private static func isReportingParticiple(_ word: Lower) -> Bool {
        word == "believed" || word == "thought" || word == "said" || word == "alleged" || word == "rumored" || word == "understood"
    }
}
