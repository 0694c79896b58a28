/// A sentence or phrase cut into words, keeping each word's case and where the
/// punctuation between words broke a clause.
struct Words {
    struct Item {
        var lower: String
        /// The word's first letter is a capital.
        var isCapitalized: Bool
        /// It holds a digit (or another numeric character).
        var isNumeric: Bool
        /// A comma, semicolon, colon, dash or full stop came right after it.
        var endsClause: Bool
    }

    private(set) var items: [Item] = []

    /// Cuts on Unicode scalars, not Characters: this runs for every figure of every new
    /// article (and every figure again when the store is rebuilt), and grapheme breaking
    /// would cost more than the rest of the key. Text that is all ASCII, most of it, is cut
    /// straight from its UTF-8 bytes.
    init(_ text: String) {
        var text = text
        let done = text.withUTF8 { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            cut(bytes.lazy.map { Unicode.Scalar($0) })
            return true
        }
        if !done { cut(Array(text.unicodeScalars)) }
    }

    private mutating func cut<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ scalars: Scalars) where Scalars.Index == Int {
        var start: Int?
        for index in scalars.indices {
            let scalar = scalars[index]
            if Self.isWordPart(scalar) {
                if start == nil { start = index }
                continue
            }
            let clause = Self.breaksClause(scalar)
            if let begin = start {
                start = nil
                close(scalars, begin..<index, clause: clause)
            }
            if clause, let last = items.indices.last { items[last].endsClause = true }
        }
        if let begin = start { close(scalars, begin..<scalars.endIndex, clause: true) }
    }

    /// Adds the word in `range`, less the punctuation a word may carry at its ends.
    private mutating func close<Scalars: RandomAccessCollection<Unicode.Scalar>>(
        _ scalars: Scalars, _ range: Range<Int>, clause: Bool
    ) where Scalars.Index == Int {
        var begin = range.lowerBound, stop = range.upperBound
        // "U.S." keeps its dots; a full stop at the end of a word does not stay.
        var dots = 0
        for index in range where scalars[index] == "." { dots += 1 }
        let trailingDot = scalars[stop - 1] == "." && dots == 1
        if trailingDot { stop -= 1 }
        while begin < stop, Self.isEdgeMark(scalars[begin]) { begin += 1 }
        while stop > begin, Self.isEdgeMark(scalars[stop - 1]) { stop -= 1 }
        guard begin < stop else { return }
        let word = scalars[begin..<stop]
        if word.allSatisfy(\.isASCII) {
            // ASCII's only capitals are A–Z and its only numeric characters the digits, so
            // the word is lowercased and classed without the Unicode tables.
            let lower = String(unsafeUninitializedCapacity: word.count) { buffer in
                for (offset, scalar) in word.enumerated() {
                    let byte = UInt8(scalar.value)
                    buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return word.count
            }
            let first = scalars[begin].value
            items.append(Item(lower: lower, isCapitalized: first >= 0x41 && first <= 0x5A,
                              isNumeric: word.contains { $0.value >= 0x30 && $0.value <= 0x39 }, endsClause: clause || trailingDot))
        } else {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: word)
            let text = String(view)
            items.append(Item(lower: text.lowercased(), isCapitalized: scalars[begin].properties.isUppercase,
                              isNumeric: word.contains { $0.properties.numericType != nil }, endsClause: clause || trailingDot))
        }
    }

    static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII, most of any text, answered without the Unicode property tables: its only
        // alphabetic scalars are the letters and its only numeric ones the digits.
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (value >= 0x61 && value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
                || scalar == "'" || scalar == "-" || scalar == "."
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "’"
    }

    /// Apostrophes and hyphens, which a word may carry at its ends but does not keep there.
    static func isEdgeMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "-"
    }

    /// Punctuation that ends a clause: , ; : — – ( ) ! ?
    static func breaksClause(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", ":", "—", "–", "(", ")", "!", "?": true
        default: false
        }
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
