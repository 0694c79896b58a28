/// Says what a topic counts in words a reader takes in at once: the counted phrase its
/// figures use most, with the state they are in ("people killed", "residents displaced") or,
/// when they have none, what the sentences say those counted do ("Chinese citizens
/// fighting for Russia"). Never a bare "people": failing both, the words that lead to the
/// figure say where it comes from ("people (the stadium holds)").
public enum TopicLabel {
    /// The label from the most common phrase, the topic's state, and the most common
    /// continuation or lead-in found beside its figures.
    public static func label(phrase: String, state: String, context: Context?) -> String {
        let words = Words(phrase).items.map(\.lower)
        if !state.isEmpty {
            let saysState = words.contains { word in
                NounLexicon.states[word] == state || NounLexicon.impliedStates[NounLexicon.singular(word)] == state
            }
            return saysState ? phrase : phrase + " " + (participles[state] ?? state)
        }
        switch context {
        case let .doing(words)?: return phrase + " " + words
        case let .leadIn(words)? where isBare(words: words, phrase: phrase): return phrase + " (" + words + ")"
        default: return phrase
        }
    }

    /// What the sentence says beside a figure, for its topic's label.
    public enum Context: Sendable, Hashable, Comparable {
        /// What the counted do, after the counted phrase: "fighting for Russia".
        case doing(String)
        /// The words of the clause before the figure: "the stadium holds".
        case leadIn(String)
    }

    /// The context of one figure in its sentence, nil when there is none to give.
    public static func context(of figure: LedgerFigure) -> Context? {
        context(of: figure, in: Words(figure.sentence))
    }

    static func context(of figure: LedgerFigure, in sentence: Words) -> Context? {
        guard let place = sentence.locate(figure.text) else { return nil }
        var index = place.upperBound
        if !sentence.items[place.upperBound - 1].endsClause, let counted = figure.counted {
            // Past the counted phrase, when it follows the number (or ends the figure's own words:
            // "at least 155 Valdorian citizens").
            let countedWords = Words(counted).items.map(\.lower)
            let figureWords = sentence.items[place].map(\.lower)
            var found = !countedWords.isEmpty && figureWords.count > countedWords.count
                && Array(figureWords.suffix(countedWords.count)) == countedWords
            if !found {
                var matched = 0
                while index < sentence.items.count, matched < countedWords.count,
                      sentence.items[index].lower == countedWords[matched], !sentence.items[index].endsClause {
                    index += 1
                    matched += 1
                }
                found = matched == countedWords.count && matched > 0
            }
            if found, index < sentence.items.count, !sentence.items[index - 1].endsClause,
               let doing = doing(in: sentence.items, from: index) {
                return .doing(doing)
            }
        }
        var start = place.lowerBound
        while start > 0, place.lowerBound - start < 3, !sentence.items[start - 1].endsClause,
              !sentence.items[start - 1].isNumeric {
            start -= 1
        }
        let leadIn = sentence.items[start..<place.lowerBound].map(\.lower)
            .filter { !NounLexicon.determiners.contains($0) || $0 == "the" }
        return leadIn.isEmpty ? nil : .leadIn(leadIn.joined(separator: " "))
    }

    /// A verb in -ing or -ed (or a common irregular past) after auxiliaries, with up to three
    /// words after it in the same clause: "are fighting for Russia" → "fighting for Russia".
    private static func doing(in items: [Words.Item], from start: Int) -> String? {
        var index = start
        while index < items.count, auxiliaries.contains(items[index].lower), !items[index].endsClause { index += 1 }
        guard index < items.count, isVerb(items[index].lower), !items[index].isNumeric else { return nil }
        var taken: [String] = []
        while index < items.count, taken.count < 4 {
            let item = items[index]
            if item.isNumeric || (taken.count > 0 && clauseWords.contains(item.lower)) { break }
            taken.append(item.isCapitalized ? item.lower.prefix(1).uppercased() + item.lower.dropFirst() : item.lower)
            if item.endsClause { break }
            index += 1
        }
        // A preposition left hanging at the end says nothing.
        while let last = taken.last, NounLexicon.phraseStops.contains(last.lowercased()) { taken.removeLast() }
        return taken.isEmpty ? nil : taken.joined(separator: " ")
    }

    private static func isVerb(_ word: String) -> Bool {
        (word.count > 4 && (word.hasSuffix("ing") || word.hasSuffix("ed"))) || irregularPasts.contains(word)
    }

    /// A phrase of one word ("people") needs the lead-in; a longer one says enough.
    private static func isBare(words leadIn: String, phrase: String) -> Bool {
        Words(phrase).items.filter { !NounLexicon.determiners.contains($0.lower) }.count <= 1
    }

    private static let participles: [String: String] = [
        "dead": "killed", "captured": "captured", "injured": "injured", "missing": "missing", "displaced": "displaced",
        "detained": "detained", "rescued": "rescued",
    ]

    private static let auxiliaries: Set<String> = [
        "are", "were", "is", "was", "have", "has", "had", "been", "being", "be", "who", "that", "which", "now", "still",
        "reportedly", "currently", "also", "already", "allegedly",
    ]

    private static let clauseWords: Set<String> = ["and", "but", "while", "whereas", "although", "though", "because", "since", "said", "says"]

    private static let irregularPasts: Set<String> = [
        "fled", "fought", "left", "fell", "lost", "won", "went", "came", "took", "gave", "made", "held", "sent", "brought",
        "built", "kept", "met", "paid", "ran", "saw", "sold", "spent", "stood", "told", "bought", "caught",
    ]
}
