/// A sentence or phrase cut into words, keeping each word's case and where the
/// punctuation between words broke a clause.
struct Words {
    struct Item {
        var text: Substring
        var lower: String
        /// A comma, semicolon, colon, dash or full stop came right after it.
        var endsClause: Bool

        var isCapitalized: Bool { text.first?.isUppercase ?? false }
        var isNumeric: Bool { text.contains { $0.isNumber } }
    }

    private(set) var items: [Item] = []

    init(_ text: String) {
        var current = text.startIndex
        var start: String.Index?
        func close(at end: String.Index, clause: Bool) {
            guard let begin = start else { return }
            var word = text[begin..<end]
            // "U.S." keeps its dots; a full stop at the end of a word does not stay.
            let trailingDot = word.hasSuffix(".") && !word.dropLast().contains(".")
            if trailingDot { word = word.dropLast() }
            while let first = word.first, "'’-".contains(first) { word = word.dropFirst() }
            while let last = word.last, "'’-".contains(last) { word = word.dropLast() }
            if !word.isEmpty { items.append(Item(text: word, lower: word.lowercased(), endsClause: clause || trailingDot)) }
            start = nil
        }
        while current < text.endIndex {
            let character = text[current]
            if character.isLetter || character.isNumber || "'’-.".contains(character) {
                if start == nil { start = current }
            } else {
                close(at: current, clause: ",;:—–()!?".contains(character))
                if ",;:—–!?".contains(character), let last = items.indices.last { items[last].endsClause = true }
            }
            current = text.index(after: current)
        }
        close(at: text.endIndex, clause: true)
    }

    /// Where a figure's words sit in the sentence: the first run of words that matches
    /// them (case-insensitive), as a half-open range of word positions.
    func locate(_ figureText: String) -> Range<Int>? {
        let target = Words(figureText).items.map(\.lower)
        guard !target.isEmpty, target.count <= items.count else { return nil }
        for start in 0...(items.count - target.count) where items[start].lower == target[0] {
            if (0..<target.count).allSatisfy({ items[start + $0].lower == target[$0] }) { return start..<(start + target.count) }
        }
        return nil
    }

    /// Up to four words after `position` that read as a noun phrase: stops at a verb,
    /// preposition or the end of a clause.
    func phrase(after position: Int) -> [Item] {
        guard position > 0, !items[position - 1].endsClause else { return [] }
        var phrase: [Item] = []
        var index = position
        while index < items.count, phrase.count < 4 {
            let item = items[index]
            if NounLexicon.phraseStops.contains(item.lower) || item.isNumeric { break }
            phrase.append(item)
            if item.endsClause { break }
            index += 1
        }
        return phrase
    }

    /// The first state word within two words before the figure or six after it, without
    /// crossing into another clause.
    func state(around place: Range<Int>) -> String? {
        var index = place.upperBound
        var seen = 0
        if place.upperBound > 0, !items[place.upperBound - 1].endsClause {
            while index < items.count, seen < 6 {
                let item = items[index]
                if NounLexicon.clauseStops.contains(item.lower) { break }
                if let state = NounLexicon.states[item.lower] { return state }
                if item.endsClause { break }
                index += 1
                seen += 1
            }
        }
        for index in stride(from: place.lowerBound - 1, through: max(0, place.lowerBound - 2), by: -1) {
            if items[index].endsClause { break }
            if let state = NounLexicon.states[items[index].lower] { return state }
        }
        return nil
    }
}
