/// Changes stated by how much, then to what: "rose by 5 to 19", "climbed 5 to 19", "was down
/// 2% to $40", and the other way round, "rose to 19, up 5". The figure is the value it came to;
/// the amount it changed by gives its earlier value when both are counts or money of one kind.
extension FigureFinder {
    /// The direction of a change whose amount starts at `first`: a change word right before it
    /// ("climbed 5", "was up 5"), or before "by" ("rose sharply by 5").
    func deltaDirection(before first: Int) -> Figure.Change? {
        guard first > 0 else { return nil }
        let before = tokens[first - 1]
        if before.kind == .word, before.lower == "by" { return changeWord(before: first - 1) }
        if before.kind == .word, before.lower == "of", first > 1 { return changeNoun(at: first - 2) }
        guard !before.flags.isDisjoint(with: [.rise, .fall]), FigureLexicon.transitiveChanges[before.lower] == nil else { return nil }
        return before.flags.contains(.rise) ? .rise : .fall
    }

    /// "an increase", "a drop", "the rise" at `index`: a change named by a noun, whose amount
    /// follows "of" ("an increase of 5 to 19").
    func changeNoun(at index: Int) -> Figure.Change? {
        guard index > 0, tokens[index].kind == .word, !tokens[index].flags.isDisjoint(with: [.rise, .fall]) else { return nil }
        let article = tokens[index - 1].lower
        guard article == "a" || article == "an" || article == "the" || article == "its" || article == "their" else { return nil }
        return tokens[index].flags.contains(.rise) ? .rise : .fall
    }

    /// Whether "N to M" after a change word is an amount then a value. "Up 5 to 10 percent" is
    /// a range of the change, so a bare number before a percentage is one unless the
    /// percentage is far above it ("rose by 3 to 45 percent"); so is "rose 2 to 3 million".
    func takesDelta(_ draft: Draft, firstUnit: String?, high: Amount, after: Int, scaledApart: Bool) -> Bool {
        guard let low = draft.low, !scaledApart else { return false }
        let secondIsPercent = isPercent(at: after)
        if firstUnit == nil, draft.unit == nil, secondIsPercent, high.value <= low.value * 3 { return false }
        if firstUnit == "percent", secondIsPercent, high.value <= low.value * 3 { return false }
        return true
    }

    /// Makes the draft the value a change came to, with the change's direction, and its
    /// earlier value when the amount is of the value's own kind.
    func stateDelta(
        _ draft: inout Draft, _ direction: Figure.Change, firstUnit: String?, secondUnit: String?, join: Int, second: Int,
        value: Amount, negative: Bool, next: Int
    ) {
        let byStart = tokens[draft.first - 1].lower == "by" ? draft.first - 1 : draft.first
        let deltaText = text(tokens[byStart].start, tokens[join - 1].end)
        // "by 3 to 45 percent" moved by 3 points; a relative change ("by 5%") gives no exact earlier value.
        let sameKind = firstUnit == nil && (secondUnit == nil || secondUnit == draft.unit)
        if sameKind, let amount = draft.low {
            let earlier = direction == .rise ? value - amount : value + amount
            draft.previous = Figure.Previous(text: deltaText, low: earlier.value, high: earlier.value, bound: .exact)
        }
        if firstUnit != nil { draft.unit = nil }
        if secondUnit != nil { draft.unit = secondUnit }
        draft.change = direction
        draft.textStart = secondUnit == nil ? second - (negative ? 1 : 0) : join + 1
        draft.first = draft.textStart
        draft.low = value
        draft.high = value
        draft.next = next
        draft.textEnd = next
    }

    /// A percent sign or word at `index`.
    func isPercent(at index: Int) -> Bool {
        guard index < tokens.count else { return false }
        let token = tokens[index]
        if token.kind == .symbol { return token.first == "%" }
        return token.kind == .word && (token.lower == "percent" || token.lower == "pct"
            || token.lower == "per" && index + 1 < tokens.count && tokens[index + 1].lower == "cent")
    }

    /// ", up 5", ", down by 2%", after a figure that came to a value: how much it changed.
    /// Returns the earlier value (nil for a relative change, or money of another kind) and
    /// the token after the amount.
    func trailingDelta(
        at start: Int, _ direction: Figure.Change, value: Amount?, unit: String?, _ reader: NumberReader
    ) -> (Figure.Previous?, Int)? {
        var position = start
        if position < tokens.count, tokens[position].lower == "by" { position += 1 }
        var deltaUnit: String?
        if position < tokens.count, tokens[position].kind == .symbol, let code = FigureLexicon.currencyCode(of: tokens[position].first) {
            deltaUnit = code
            position += 1
        }
        guard position < tokens.count, case .success(let reading)? = reader.read(at: position), !reading.vague,
              reading.high == nil, !reading.fraction else { return nil }
        var next = reading.next
        let percent = isPercent(at: next)
        if percent {
            next += tokens[next].lower == "per" ? 2 : 1
        } else if next < tokens.count, tokens[next].kind == .word, let code = FigureLexicon.currencyNameValues[tokens[next].lower] {
            deltaUnit = code
            next += 1
        }
        // "up 5 from 14": the earlier value is written out, and is the one to keep.
        if next + 1 < tokens.count, tokens[next].lower == "from", let earlier = earlierValue(at: next + 1, reader) {
            return (earlier.previous, earlier.next)
        }
        guard !percent, deltaUnit == unit, let value else { return (nil, next) }
        let earlier = direction == .rise ? value - reading.amount : value + reading.amount
        let written = text(tokens[start].start, tokens[next - 1].end)
        return (Figure.Previous(text: written, low: earlier.value, high: earlier.value, bound: .exact), next)
    }
}
