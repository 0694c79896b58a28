/// Words in a sentence that weaken what it asserts.
enum Hedges {
    static func find(in tokens: [Token]) -> [String] {
        var hedges = [String]()
        func add(_ hedge: String) { if !hedges.contains(hedge) { hedges.append(hedge) } }
        for (index, token) in tokens.enumerated() where token.flags.contains(.hedge) {
            let word = token.lower
            let next = index + 1 < tokens.count ? tokens[index + 1].lower : ""
            if token.flags.contains(.hedgeWord) {
                add(word)
            } else if token.flags.contains(.hedgeVerb), next == "to" || next == "that" || next == "as" {
                add(word)
            } else if word == "verify" || word == "confirm" || word == "verified" || word == "confirmed" {
                // "could not verify", "could not independently confirm", "has not been verified"
                let window = tokens[max(0, index - 4)..<index].map(\.lower)
                if window.contains("not") || window.contains("unable") || window.contains(where: { $0.hasSuffix("n't") }) {
                    add("could not verify")
                }
            } else if ["believed", "thought", "said", "alleged", "rumored", "understood"].contains(word), next == "to", index > 0,
                      PhraseLexicon.beForms.contains(tokens[index - 1].lower) {
                add(word == "said" ? "said to" : word)
            }
        }
        return hedges
    }
}
