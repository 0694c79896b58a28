/// Finds the figures in a sentence's tokens: counts, money, percentages, ratios, rates and
/// ranges, with their bounds and the changes they state; years, dates, times, ordinals,
/// durations and unit names are left out.
struct FigureFinder {
    let tokens: SentenceTokens
    let text: ScalarText
    /// The sentence holds a word of change ("up", "rose", "down"): only then is an earlier
    /// value looked for past the words right after a figure.
    var sentenceMayStateEarlier = true

    func figures() -> [Figure] {
        var figures = [Figure]()
        let reader = NumberReader(tokens: tokens, text: text)
        var index = 0
        while index < tokens.count {
            // Most tokens can start no number: tell them from their kind and flags here,
            // without the call and the copy of a token that a read costs.
            guard NumberReader.mayStartNumber(tokens[index]), let result = reader.read(at: index) else { index += 1; continue }
            guard case .success(let reading) = result else { index += 1; continue }
            if let next = figure(startingAt: index, reading, reader, into: &figures) {
                index = max(next, index + 1)
            } else {
                index = max(reading.next, index + 1)
            }
        }
        return figures
    }

    /// A figure being read: its tokens and values before its text is cut. Its strings are
    /// held as plain strings, empty for none: an optional string copied into the figure went
    /// through a generic copy that asked for type metadata, for every figure.
    struct Draft {
        /// The first token of the figure's text, bound words included.
        var textStart: Int
        /// The first token of the number with its sign or currency.
        var first: Int
        /// The token after the number and its unit.
        var next: Int
        var low: Optional<Amount>
        var high: Optional<Amount>
        var bound: Figure.Bound
        private var unitText: String
        /// Where the figure's text ends, as a token index (exclusive).
        var textEnd: Int
        var counted: Optional<Range<Int>>
        private var perText = ""
        private var ofText = ""
        var previous: Optional<Figure.Previous>
        var change: Optional<Figure.Change>

        init(textStart: Int, first: Int, next: Int, low: Amount?, high: Amount?, bound: Figure.Bound, unit: String?, textEnd: Int) {
            self.textStart = textStart
            self.first = first
            self.next = next
            self.low = low
            self.high = high
            self.bound = bound
            unitText = unit ?? ""
            self.textEnd = textEnd
            counted = nil
            previous = nil
            change = nil
        }

        var unit: String? {
            @inline(__always) get { unitText.isEmpty ? nil : unitText }
            set { unitText = newValue ?? "" }
        }
        var per: String? {
            get { perText.isEmpty ? nil : perText }
            set { perText = newValue ?? "" }
        }
        var of: String? {
            get { ofText.isEmpty ? nil : ofText }
            set { ofText = newValue ?? "" }
        }
    }

    /// Appends the figure whose number starts at `index` and returns the token after it.
    /// Appended here rather than returned: a returned figure was copied into the array and
    /// then destroyed, a retain and a release for each of its strings.
    private func figure(
        startingAt index: Int, _ reading: NumberReader.Reading, _ reader: NumberReader, into figures: inout [Figure]
    ) -> Int? {
        let (signFirst, written) = currencyBefore(index)
        var unit = written
        switch reading.writtenUnit {
        case .none: break
        case .pence: unit = "GBP"
        case .modifier: unit = reader.modifierUnit(before: reading.next) ?? written
        case .measure: unit = FigureLexicon.rateUnitValues[NumberReader.gluedSuffix(tokens[reading.next - 1].lower)]
        }
        // Dates, years, times and durations are ruled out before a draft is made, when nothing
        // after the number could change what rules them out (a unit, a range, a bound).
        let following = reading.next < tokens.count ? tokens[reading.next] : nil
        var judged = false
        if let following, !reading.fraction,
           following.kind == .word ? following.flags.isDisjoint(with: Self.mayExtend)
               : following.kind == .punctuation && !Self.isRangeJoin(following.lower) && following.first != "+" && following.first != "/" {
            if isExcluded(numberAt: index, first: signFirst, next: reading.next, reading: reading, unit: unit, high: reading.high) { return nil }
            judged = true
        }
        var first = signFirst
        var amount = reading.amount
        var highAmount = reading.high
        if let sign = minusSign(before: first) ?? minusWord(before: first, sign: signFirst < index) {
            first = sign
            amount = amount.negated
            if highAmount != nil { highAmount = nil }
        }
        var draft = Draft(
            textStart: first, first: first, next: reading.next, low: amount, high: highAmount ?? amount,
            bound: highAmount == nil ? .exact : .range, unit: unit, textEnd: reading.next
        )
        if reading.vague { draft.bound = .approximately; draft.high = nil }

        if !reading.vague, !reading.fraction, highAmount == nil, readRatio(&draft, reading, reader) {
            return finish(draft, into: &figures)
        }
        // Each step below first asks whether the word it needs is there at all: most figures
        // are a number and a noun, and a call that finds nothing cost as much as the rest.
        if !reading.vague, let following, following.kind != .word || Self.isRangeJoin(following.lower) || following.lower == "or" || following.lower == "up"
            || following.lower == "points"
            || !following.flags.isDisjoint(with: [.percentWord, .currencyWord]) {
            joinRange(&draft, reading, reader)
        }
        if draft.unit == nil, draft.next < tokens.count {
            draft.unit = unitAfter(&draft, reading)
        } else if let code = draft.unit, signFirst < index, draft.next < tokens.count {
            // "$5 and 50 cents": the cents of an amount after its sign.
            draft.next = cents(after: draft.next, &draft, code: code)
            draft.textEnd = draft.next
        }
        if !reading.fraction, !judged || minusSign(before: signFirst) != nil,
           isExcluded(numberAt: index, first: draft.first, next: draft.next, reading: reading, unit: draft.unit,
                      high: draft.bound == .range ? draft.high : nil) {
            return nil
        }
        if reading.fraction {
            // "half of them", "more than a third", "two-thirds of voters": a share. A fraction
            // before anything else ("a third country", "half empty") is not a figure.
            guard draft.unit == nil, acceptsFraction(draft) else { return nil }
            draft.unit = "ratio"
        }
        applyBounds(&draft, reading, reader)
        if draft.bound == .approximately, reading.vague { draft.high = nil }

        if draft.unit == nil {
            let range = countedPhrase(from: draft.next)
            if !range.isEmpty {
                draft.counted = range
                draft.textEnd = range.upperBound
            }
        } else if draft.unit == "percent" || draft.unit == "ratio" {
            wholeOf(&draft)
        }
        if draft.textEnd < tokens.count {
            let after = tokens[draft.textEnd]
            if after.kind != .word || after.flags.contains(.boundWord) { boundAfter(&draft, at: draft.textEnd) }
            let word = after.lower
            if after.kind == .word, word == "per" || word == "a" || word == "an" || word == "each" || word == "every" { rate(&draft) }
        }
        if draft.textStart > 0 && tokens[draft.textStart - 1].lower == "to" || draft.textEnd < tokens.count && Self.mayStateEarlier(tokens[draft.textEnd])
            || sentenceMayStateEarlier {
            changeAround(&draft, reader)
        }
        if draft.counted == nil, draft.unit == nil {
            // "put the toll at 19": with nothing counted after it, a count may name its noun before.
            let named = countedNoun(before: draft.textStart)
            if !named.isEmpty { draft.counted = named }
        }
        return finish(draft, into: &figures)
    }

    /// Makes the figure from its draft and returns the token after it.
    private func finish(_ draft: Draft, into figures: inout [Figure]) -> Int {
        let startOffset = tokens[draft.textStart].start
        let endOffset = tokens[draft.textEnd - 1].end
        // Plain `if let`s and no `Optional.map`: in this function those were left generic,
        // and asked the runtime for type metadata for every figure.
        var counted: String?
        if let range = draft.counted { counted = text(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end) }
        var low: Double?
        var high: Double?
        if let amount = draft.low { low = amount.value }
        if let amount = draft.high { high = amount.value }
        switch draft.bound {
        case .atLeast:
            if low == nil { low = high }
            high = nil
        case .atMost:
            if high == nil { high = low }
            low = nil
        default: break
        }
        figures.append(Figure(
            text: text(startOffset, endOffset), low: low, high: high, bound: draft.bound, unit: draft.unit,
            counted: counted, per: draft.per, of: draft.of, previous: draft.previous, change: draft.change,
            start: startOffset, end: endOffset
        ))
        return max(draft.next, draft.textEnd)
    }

    func text(_ start: Int, _ end: Int) -> String { text.string(start, end) }

    /// The token as written has no lowercase letters ("USD", not "Usd").
    func isUppercase(_ token: Token) -> Bool {
        let written = text(token.start, token.end)
        return written == written.uppercased()
    }

    /// The flags of the words after a number that may give it a unit, a second number or a
    /// bound: a number followed by none of them is judged at once.
    static let mayExtend: WordFlags = [.currencyWord, .percentWord, .rateUnit, .boundWord, .countedStop, .scale]

    /// A word after a figure that may go on to its earlier value: ", up from 14", "from 14".
    static func mayStateEarlier(_ token: Token) -> Bool {
        token.isPunctuation(",") || token.lower == "up" || token.lower == "down" || token.lower == "from"
    }

    static func isRangeJoin(_ word: Lower) -> Bool {
        word == "to" || word == "and" || word == "-" || word == "–" || word == "—" || word == "through" || word == "thru"
            || word == "~"
    }
}
