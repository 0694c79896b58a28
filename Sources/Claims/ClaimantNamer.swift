/// Names a source phrase: its canonical form (titles, roles and articles stripped) and kind.
///
/// The phrase is read in place, as a slice of its sentence's tokens, indexed as the
/// sentence is: naming a source is the most frequent thing done with a new phrase.
enum ClaimantNamer {
    typealias Words = Slice<SentenceTokens>

    static func kind(of words: Words, text: ScalarText) -> Claimant.Kind {
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
    static func properNameStart(_ words: Words, text: ScalarText) -> Int {
        var start = words.endIndex
        // The range itself, not `words.indices`: a slice's `indices` is not specialized, and
        // asks the runtime for the slice's type metadata on every call.
        for index in (words.startIndex..<words.endIndex).reversed() {
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
    static func canonical(_ words: Words, kind: Claimant.Kind, text: ScalarText) -> String {
        if kind == .person {
            let start = properNameStart(words, text: text)
            if start < words.endIndex {
                // Written one space apart already, as names nearly always are: one copy.
                if isSpacedOnce(words[start...], text: text, glued: false) {
                    return text.string(words[start].start, words[words.endIndex - 1].end)
                }
                var name = text.string(words[start].start, words[start].end)
                for token in words[(start + 1)...] {
                    name += " "
                    name += text.string(token.start, token.end)
                }
                return name
            }
        }
        let trimmed = words.drop { ["the", "a", "an"].contains($0.lower) || $0.kind == .number || FigureLexicon.unitValues[$0.lower] != nil }
        return written(trimmed.isEmpty ? words : trimmed, text: text)
    }

    /// Whether each token follows the one before after exactly one space (or, when `glued`
    /// is allowed, right after it): then the text between the first and last is the phrase
    /// as `canonical` and `written` would join it.
    private static func isSpacedOnce(_ words: Words, text: ScalarText, glued: Bool) -> Bool {
        var previousEnd = words.first?.end ?? 0
        for token in words.dropFirst() {
            let gap = token.start - previousEnd
            guard gap == 1 && text.scalars[previousEnd] == " " || glued && gap == 0 else { return false }
            previousEnd = token.end
        }
        return true
    }

    /// The words one space apart, and a token glued to the one before it (the apostrophe of
    /// "insurers’") kept glued.
    static func written(_ words: Words, text: ScalarText) -> String {
        guard let first = words.first, let last = words.last else { return "" }
        if isSpacedOnce(words, text: text, glued: true) { return text.string(first.start, last.end) }
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
