/// Names a source phrase: its canonical form (titles, roles and articles stripped) and kind.
enum ClaimantNamer {
    static func kind(of words: [Token], text: ScalarText) -> Claimant.Kind {
        let lower = words.map(\.lower)
        let content = lower.drop { ["the", "a", "an"].contains($0) || FigureLexicon.units[$0] != nil || Int($0) != nil }
        let joined = content.joined(separator: " ")
        if NameLexicon.governments.contains(joined) || NameLexicon.governments.contains(stripPossessive(joined)) { return .government }
        guard let head = lower.last else { return .unattributed }
        let named = properName(words)
        if named.isEmpty, NameLexicon.anonymousHeads.contains(head) { return .anonymous }
        if lower.contains(where: { NameLexicon.mediaWords.contains($0) }), words.contains(where: \.capitalized) { return .media }
        if lower.contains(where: { NameLexicon.governmentWords.contains($0) }) { return .government }
        if lower.contains(where: { NameLexicon.organizationWords.contains($0) }) { return .organization }
        if lower.contains(where: { NameLexicon.mediaWords.contains($0) }) { return .media }
        if !named.isEmpty {
            if NameLexicon.governments.contains(named.last?.lower ?? "") { return .government }
            // "the FBI", "the Commission on Presidential Debates", "NATO": bodies, not people.
            let written = named.count == 1 ? text.string(named[0].start, named[0].end) : ""
            let acronym = named.count == 1 && written.count >= 2 && written == written.uppercased()
            if acronym || lower.first == "the" { return .organization }
            return .person
        }
        return .anonymous
    }

    /// The trailing run of capitalized words that are not titles, roles or nationalities:
    /// "Ukrainian President Volodymyr Zelensky" → Volodymyr Zelensky.
    static func properName(_ words: [Token]) -> [Token] {
        var name = [Token]()
        for token in words.reversed() {
            let word = stripPossessive(token.lower)
            guard token.capitalized || (token.kind == .word && !name.isEmpty && ["de", "van", "von", "bin", "al", "la", "le"].contains(word)),
                  !NameLexicon.roles.contains(word), !NameLexicon.demonyms.contains(word) else {
                if name.isEmpty, !token.capitalized || NameLexicon.roles.contains(word) { return [] }
                break
            }
            name.insert(token, at: 0)
        }
        return name
    }

    /// The canonical form: the proper name for a person, the phrase without its article or
    /// number for anything else.
    static func canonical(_ words: [Token], kind: Claimant.Kind, text: ScalarText) -> String {
        if kind == .person {
            let name = properName(words)
            if !name.isEmpty { return name.map { text.string($0.start, $0.end) }.joined(separator: " ") }
        }
        let trimmed = words.drop { ["the", "a", "an"].contains($0.lower) || $0.kind == .number || FigureLexicon.units[$0.lower] != nil }
        return (trimmed.isEmpty ? ArraySlice(words) : trimmed).map { text.string($0.start, $0.end) }.joined(separator: " ")
    }

    static func stripPossessive(_ word: String) -> String {
        word.hasSuffix("'s") ? String(word.dropLast(2)) : word
    }
}
