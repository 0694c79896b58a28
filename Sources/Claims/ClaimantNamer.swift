/// Names a source phrase: its canonical form (titles, roles and articles stripped) and kind.
enum ClaimantNamer {
    static func kind(of words: [Token], text: ScalarText) -> Claimant.Kind {
        // The words past a leading article, number word or number (only a number token can
        // parse as an integer; a number word is a unit).
        let content = words.drop { word in
            word.lower == "the" || word.lower == "a" || word.lower == "an" || word.flags.contains(.unit)
                || word.kind == .number && Int(text.lower(of: word)) != nil
        }
        // No government's name runs past two words once its article is dropped.
        if content.count == 1, let only = content.first, !only.endings.contains(.possessive) {
            // One plain word: its flags already say whether it names a government.
            if only.flags.contains(.government) { return .government }
        } else if content.count == 1 || content.count == 2 && content.first?.flags.contains(.governmentHead) == true {
            // Two words can name a government only if the first begins some government's name.
            let joined = content.map { text.lower(of: $0) }.joined(separator: " ")
            if NameLexicon.governments.contains(joined) || NameLexicon.governments.contains(stripPossessive(joined)) { return .government }
        }
        guard !words.isEmpty else { return .unattributed }
        let named = words[properNameStart(words, text: text)...]
        if named.isEmpty, words.last?.flags.contains(.anonymousHead) == true { return .anonymous }
        if words.contains(where: { $0.flags.contains(.mediaWord) }), words.contains(where: \.capitalized) { return .media }
        if words.contains(where: { $0.flags.contains(.governmentWord) }) { return .government }
        if words.contains(where: { $0.flags.contains(.organizationWord) }) { return .organization }
        if words.contains(where: { $0.flags.contains(.mediaWord) }) { return .media }
        if !named.isEmpty {
            if named.last?.flags.contains(.government) == true { return .government }
            // "the FBI", "the Commission on Presidential Debates", "NATO": bodies, not people.
            let written = named.count == 1 ? text.string(named[named.startIndex].start, named[named.startIndex].end) : ""
            let acronym = named.count == 1 && written.count >= 2 && written == written.uppercased()
            if acronym || words.first?.lower == "the" { return .organization }
            return .person
        }
        return .anonymous
    }

    /// Where the trailing run of capitalized words that are not titles, roles or nationalities
    /// starts: "Ukrainian President Volodymyr Zelensky" → Volodymyr Zelensky. `words.endIndex`
    /// when there is none.
    static func properNameStart(_ words: [Token], text: ScalarText) -> Int {
        var start = words.endIndex
        for index in words.indices.reversed() {
            let token = words[index]
            let role: Bool
            let demonym: Bool
            if token.endings.contains(.possessive) {
                // The flags are the lowercase form's: a possessive asks the lexicons for its stem.
                let stem = stripPossessive(text.lower(of: token))
                role = NameLexicon.roles.contains(stem)
                demonym = NameLexicon.demonyms.contains(stem)
            } else {
                role = token.flags.contains(.role)
                demonym = token.flags.contains(.demonym)
            }
            guard token.capitalized || (token.kind == .word && start < words.endIndex && isNameParticle(token.lower)),
                  !role, !demonym else {
                if start == words.endIndex, !token.capitalized || role { return words.endIndex }
                break
            }
            start = index
        }
        return start
    }

    /// "de", "van", "bin" …: lowercase words inside a name ("Ursula von der Leyen").
    private static func isNameParticle(_ word: Lower) -> Bool {
        word == "de" || word == "van" || word == "von" || word == "bin" || word == "al" || word == "la" || word == "le"
    }

    /// The canonical form: the proper name for a person, the phrase without its article or
    /// number for anything else.
    static func canonical(_ words: [Token], kind: Claimant.Kind, text: ScalarText) -> String {
        if kind == .person {
            let start = properNameStart(words, text: text)
            if start < words.endIndex {
                var name = text.string(words[start].start, words[start].end)
                for token in words[(start + 1)...] {
                    name += " "
                    name += text.string(token.start, token.end)
                }
                return name
            }
        }
        let trimmed = words.drop { ["the", "a", "an"].contains($0.lower) || $0.kind == .number || FigureLexicon.unitValues[$0.lower] != nil }
        return written(trimmed.isEmpty ? ArraySlice(words) : trimmed, text: text)
    }

    /// The words one space apart, and a token glued to the one before it (the apostrophe of
    /// "insurers’") kept glued.
    static func written(_ words: ArraySlice<Token>, text: ScalarText) -> String {
        var result = ""
        var previousEnd: Int?
        for token in words {
            if let previousEnd, previousEnd != token.start { result += " " }
            result += text.string(token.start, token.end)
            previousEnd = token.end
        }
        return result
    }

    static func stripPossessive(_ word: String) -> String {
        word.hasSuffix("'s") ? String(word.dropLast(2)) : word
    }
}
