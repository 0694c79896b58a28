/// Speaker labels: "SMITH: We will …" opening a paragraph of a transcript, and "Smith: …"
/// opening a headline, the way news prose hands a passage to a speaker without a verb.
extension AttributionFinder {
    /// Words that label page furniture, not a speaker ("UPDATE:", "Editor's note:", "Watch:").
    static let furnitureLabels: Set<Lower> = [
        "update", "updated", "updates", "watch", "photo", "photos", "video", "videos", "editor's", "note",
        "notes", "clarification", "correction", "corrections", "breaking", "exclusive", "related", "read",
        "listen", "see", "also", "analysis", "opinion", "review", "live", "latest", "advertisement", "caption",
        "credit", "credits", "transcript", "editorial", "explainer", "commentary", "interview", "podcast",
        "graphic", "map", "chart", "warning", "sponsored", "file", "timeline", "recap", "preview", "more",
        "fact", "check", "background", "context", "disclosure", "summary", "highlights", "contact", "email",
        "subscribe", "follow", "share", "tags", "topics", "source", "sources", "via", "q", "a",
    ]

    /// The label before the colon at `index`: one to three words opening the sentence (after
    /// an opening quotation mark), followed by the passage. In a paragraph a speaker is
    /// written in capitals, as transcripts do; in a headline a name in title case will do.
    func labelAttribution(at index: Int) -> Attribution? {
        guard opening != .none, index + 1 < tokens.count else { return nil }
        let first = tokens.first?.kind == .openQuote ? 1 : 0
        let words = first..<index
        guard (1...3).contains(words.count), tokens[words].allSatisfy({ $0.kind == .word && $0.capitalized }),
              !tokens[words].contains(where: { Self.furnitureLabels.contains($0.lower) }) else { return nil }
        // The passage starts as a sentence does.
        let next = tokens[index + 1]
        guard next.capitalized || next.kind == .number || next.isQuote,
              tokens[(index + 1)...].contains(where: { $0.kind == .word }) else { return nil }
        switch opening {
        case .paragraph:
            guard tokens[words].allSatisfy(isWrittenInCapitals), tokens[words].contains(where: { $0.end - $0.start >= 2 }) else { return nil }
        case .headline:
            let closed: WordFlags = [.phraseStop, .innerPreposition, .determiner, .pronoun]
            guard tokens[words].allSatisfy({ $0.flags.isDisjoint(with: closed) }) else { return nil }
        case .none:
            return nil
        }
        return Attribution(cue: index..<(index + 1), source: .phrase(words), content: (index + 1)..<tokens.count, denies: false, label: true)
    }

    /// No lowercase letter in the token as written: "WALLACE", "O'BRIEN".
    private func isWrittenInCapitals(_ token: Token) -> Bool {
        for position in token.start..<token.end {
            let scalar = text.scalars[position]
            if scalar.isASCII ? scalar.value >= 97 && scalar.value <= 122 : ScalarProperties.isLowercase(scalar) { return false }
        }
        return true
    }
}
