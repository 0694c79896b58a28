import Ledger

/// How the store keeps what a topic's label is made of, so that its labels are the live
/// ledger's (`TopicLabel`), word for word: the counted phrases (`topic_phrases`) and the
/// contexts found beside the figures (`topic_contexts`), each with how often it came; the
/// label is made from the most common of each, the least among equals, as `Tally` picks.
enum TopicLabelColumns {
    /// A context as stored. Sorting the stored texts sorts as `TopicLabel.Context` does
    /// (`doing` before `leadIn`, then by words), so SQLite's `ORDER BY n DESC, context`
    /// picks the context the live ledger picks.
    static func stored(_ context: TopicLabel.Context) -> String {
        switch context {
        case let .doing(words): "doing\t" + words
        case let .leadIn(words): "leadIn\t" + words
        }
    }

    static func context(stored: String) -> TopicLabel.Context? {
        guard let tab = stored.firstIndex(of: "\t") else { return nil }
        let words = String(stored[stored.index(after: tab)...])
        switch stored[..<tab] {
        case "doing": return .doing(words)
        case "leadIn": return .leadIn(words)
        default: return nil
        }
    }

    /// The label of a topic with this key (`unit|qualifiers|head|state`), most common
    /// phrase and most common stored context.
    static func label(key: String, phrase: String, context: String?) -> String {
        let state = key.split(separator: "|", omittingEmptySubsequences: false).dropFirst(3).first.map(String.init) ?? ""
        return TopicLabel.label(phrase: phrase, state: state, context: context.flatMap { Self.context(stored: $0) })
    }
}
