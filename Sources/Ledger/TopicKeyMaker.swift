/// Makes a figure's topic key from its counted phrase and the sentence around it.
///
/// - Determiners and quantity words go ("the estimated", "thousands of").
/// - The head noun is singularized and mapped to its class ("citizens", "nationals" →
///   person; "troops" → soldier). A capitalized plural head is a people
///   ("North Koreans" → qualifier "north korean", head person).
/// - Other modifiers are kept as qualifiers ("Chinese"), except state words
///   ("captured soldiers"), which go to the state with those found just around the figure.
/// - People of a nationality in an armed role ("Chinese citizens are fighting…") are
///   counted as soldiers, so they meet "North Korean troops"-style counts.
/// - A count with no counted phrase takes the words right after it in the sentence
///   (`at least "several hundred" Chinese citizens are…`), up to the first verb or
///   preposition.
public enum TopicKeyMaker {
    public static func key(for figure: LedgerFigure) -> TopicKey? {
        key(for: figure, in: Words(figure.sentence))
    }

    /// The key and the label context of a figure, from one reading of its sentence.
    public static func read(_ figure: LedgerFigure) -> (TopicKey, TopicLabel.Context?)? {
        let sentence = Words(figure.sentence)
        guard let key = key(for: figure, in: sentence) else { return nil }
        return (key, TopicLabel.context(of: figure, in: sentence))
    }

    private static func key(for figure: LedgerFigure, in sentence: Words) -> TopicKey? {
        let unit = figure.unit ?? "count"
        let place = sentence.locate(figure.text)
        var phrase = figure.counted.map { Words($0).items } ?? []
        if phrase.isEmpty, figure.unit == nil, let place { phrase = sentence.phrase(after: place.upperBound) }
        let words = phrase.filter { !NounLexicon.determiners.contains($0.lower) && !$0.isNumeric }
        guard let last = words.last else { return nil }

        var qualifiers: [String] = []
        var state: String?
        let singularHead = NounLexicon.singular(last.lower)
        var head = NounLexicon.headClasses[singularHead] ?? singularHead
        if NounLexicon.headClasses[singularHead] == nil, last.isCapitalized {
            // A people named by its demonym: "North Koreans", "Ukrainians".
            qualifiers = words.dropLast().map(\.lower) + [singularHead]
            head = "person"
        } else {
            for word in words.dropLast() {
                if let found = NounLexicon.states[word.lower] { state = state ?? found } else { qualifiers.append(word.lower) }
            }
        }
        state = state ?? NounLexicon.impliedStates[singularHead]
        if state == nil, let place { state = sentence.state(around: place) }
        if head == "person", !qualifiers.isEmpty, sentence.items.contains(where: { NounLexicon.military.contains($0.lower) }) {
            head = "soldier"
        }
        return TopicKey(story: figure.story ?? "", unit: unit, qualifiers: qualifiers.joined(separator: " "), head: head,
                        state: state ?? "")
    }
}
