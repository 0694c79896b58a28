/// Finds the figures in a sentence's tokens: counts, money, percentages, ratios, rates and
/// ranges, with their bounds and the changes they state; years, dates, times, ordinals,
/// durations and unit names are left out.
struct FigureFinder {
    let tokens: SentenceTokens
    let text: ScalarText

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

    /// A figure being read: its tokens and values before its text is cut.
    struct Draft {
        /// The first token of the figure's text, bound words included.
        var textStart: Int
        /// The first token of the number with its sign or currency.
        var first: Int
        /// The token after the number and its unit.
        var next: Int
        var low: Amount?
        var high: Amount?
        var bound: Figure.Bound
        var unit: String?
        /// Where the figure's text ends, as a token index (exclusive).
        var textEnd: Int
        var counted: Range<Int>?
        var per: String?
        var of: String?
        var previous: Figure.Previous?
        var change: Figure.Change?
    }

    /// Appends the figure whose number starts at `index` and returns the token after it.
    /// Appended here rather than returned: a returned figure was copied into the array and
    /// then destroyed, a retain and a release for each of its strings.
    private func figure(
        startingAt index: Int, _ reading: NumberReader.Reading, _ reader: NumberReader, into figures: inout [Figure]
    ) -> Int? {
        let (signFirst, unit) = currencyBefore(index)
        var first = signFirst
        var amount = reading.amount
        var highAmount = reading.high
        if let sign = minusSign(before: first) {
            first = sign
            amount = amount.negated
            if highAmount != nil { highAmount = nil }
        }
        var draft = Draft(
            textStart: first, first: first, next: reading.next, low: amount, high: highAmount ?? amount,
            bound: highAmount == nil ? .exact : .range, unit: unit, textEnd: reading.next
        )
        if reading.vague { draft.bound = .approximately; draft.high = nil }

        if !reading.vague, !reading.fraction, highAmount == nil, let ratio = ratio(draft, reading, reader) {
            return finish(ratio, into: &figures)
        }
        if !reading.vague { joinRange(&draft, reading, reader) }
        if draft.unit == nil { draft.unit = unitAfter(&draft, reading) }
        if !reading.fraction,
           isExcluded(numberAt: index, first: draft.first, next: draft.next, reading: reading, unit: draft.unit) {
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
        boundAfter(&draft, at: draft.textEnd)
        rate(&draft)
        changeAround(&draft, reader)
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
        let counted = draft.counted.map { text(tokens[$0.lowerBound].start, tokens[$0.upperBound - 1].end) }
        var low = draft.low?.value
        var high = draft.high?.value
        switch draft.bound {
        case .atLeast: high = nil
        case .atMost: low = nil
        default: break
        }
        if draft.bound == .atMost, high == nil { high = draft.low?.value }
        if draft.bound == .atLeast, low == nil { low = draft.high?.value }
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

    static func isRangeJoin(_ word: Lower) -> Bool {
        word == "to" || word == "and" || word == "-" || word == "–" || word == "—" || word == "through" || word == "thru"
            || word == "~"
    }
}
