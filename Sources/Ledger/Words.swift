/// A sentence or phrase cut into words, keeping each word's case and where the
/// punctuation between words broke a clause.
struct Words {
    struct Item {
        var text: String
        var lower: String
        /// A comma, semicolon, colon, dash or full stop came right after it.
        var endsClause: Bool

        var isCapitalized: Bool { text.unicodeScalars.first?.properties.isUppercase ?? false }
        var isNumeric: Bool { text.unicodeScalars.contains { $0.properties.numericType != nil } }
    }

    private(set) var items: [Item] = []

    /// Cuts on Unicode scalars, not Characters: this runs for every figure of every new
    /// article, and grapheme breaking would cost more than the rest of the key.
    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var start: Int?
        func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
            // ASCII, most of any text, answered without the Unicode property tables: its only
            // alphabetic scalars are the letters and its only numeric ones the digits.
            if scalar.isASCII {
                let value = scalar.value | 0x20
                return (value >= 0x61 && value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
                    || scalar == "'" || scalar == "-" || scalar == "."
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "'’-.".unicodeScalars.contains(scalar)
        }
        func close(at end: Int, clause: Bool) {
            guard var begin = start else { return }
            start = nil
            var stop = end
            // "U.S." keeps its dots; a full stop at the end of a word does not stay.
            let dots = scalars[begin..<stop].filter { $0 == "." }.count
            let trailingDot = stop > begin && scalars[stop - 1] == "." && dots == 1
            if trailingDot { stop -= 1 }
            while begin < stop, "'’-".unicodeScalars.contains(scalars[begin]) { begin += 1 }
            while stop > begin, "'’-".unicodeScalars.contains(scalars[stop - 1]) { stop -= 1 }
            guard begin < stop else { return }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[begin..<stop])
            let text = String(word)
            items.append(Item(text: text, lower: text.lowercased(), endsClause: clause || trailingDot))
        }
        for (index, scalar) in scalars.enumerated() {
            if isWordPart(scalar) {
                if start == nil { start = index }
            } else {
                let clause = ",;:—–()!?".unicodeScalars.contains(scalar)
                close(at: index, clause: clause)
                if clause, let last = items.indices.last { items[last].endsClause = true }
            }
        }
        close(at: scalars.count, clause: true)
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
