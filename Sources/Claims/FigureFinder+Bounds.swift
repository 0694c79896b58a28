/// Ranges and bounds: "1,000–5,000", "20 through 100", "between X and Y", "more than 10 and
/// less than 40", "10 or more", "> 5".
extension FigureFinder {
    /// A second number after "to", "and" (after "between"), "through" or a dash makes a
    /// range; after "rose from X to", the second number is the figure and X its earlier value.
    func joinRange(_ draft: inout Draft, _ reading: NumberReader.Reading, _ reader: NumberReader) {
        var join = draft.next
        // "from 61% to 48%", "from 3 dollars to 5 dollars": the first number's unit comes first.
        var firstUnit: String?
        if join + 3 < tokens.count, draft.unit == nil, tokens[join].lower == "per", tokens[join + 1].lower == "cent",
           Self.isRangeJoin(tokens[join + 2].lower) {
            // "8 per cent to 10 per cent": two words.
            firstUnit = "percent"
            join += 2
        } else if join + 2 < tokens.count, draft.unit == nil, Self.isRangeJoin(tokens[join + 1].lower) {
            if tokens[join].kind == .symbol, tokens[join].first == "%" {
                firstUnit = "percent"
            } else if tokens[join].kind == .word, tokens[join].lower == "percent" || tokens[join].lower == "pct" {
                firstUnit = "percent"
            } else if tokens[join].kind == .word, let code = FigureLexicon.currencyNameValues[tokens[join].lower] {
                firstUnit = code
            }
            if firstUnit != nil { join += 1 }
        }
        if firstUnit == nil, draft.unit == nil, join + 2 < tokens.count, tokens[join].lower == "points" || tokens[join].lower == "point",
           tokens[join + 1].lower == "to", deltaDirection(before: draft.first) != nil {
            // "fell 10 points to 30": how far an index moved, then where it came to.
            join += 1
        }
        if join + 2 < tokens.count, tokens[join].lower == "up", tokens[join + 1].lower == "to", draft.first > 0,
           tokens[draft.first - 1].lower == "from" {
            // "from 300 up to 500": "up to" closes the range "from" opened, no bound of its own.
            join += 1
        }
        guard join + 1 < tokens.count, Self.isRangeJoin(tokens[join].lower) || tokens[join].lower == "or" else { return }
        var second = join + 1
        var secondUnit: String?
        if tokens[second].kind == .symbol, let code = FigureLexicon.currencyCode(of: tokens[second].first) {
            second += 1
            secondUnit = code
        } else if second + 1 < tokens.count, tokens[second].kind == .word, tokens[second].flags.contains(.currencyWord), isCode(tokens[second]) {
            // "EUR 5.5bn to EUR 6bn"
            second += 1
            secondUnit = tokens[second - 1].lower.string.uppercased()
        }
        // "minus 5 to plus 5", "-3 to +2": a plus sign says nothing the number does not.
        if second + 1 < tokens.count, tokens[second].lower == "plus" || tokens[second].isPunctuation("+") && tokens[second].end == tokens[second + 1].start {
            second += 1
        }
        var negative = false
        if second + 1 < tokens.count, minusSign(before: second + 1) == second {
            second += 1
            negative = true
        }
        // A fraction ranges only to a fraction: "from a third to a half of the land".
        guard second < tokens.count, case .success(let other)? = reader.read(at: second), !other.vague, other.high == nil,
              other.fraction == reading.fraction, var low = draft.low else { return }
        var high = negative ? other.amount.negated : other.amount
        let opener = draft.first > 0 ? tokens[draft.first - 1].lower : Lower()
        let word = tokens[join].lower
        if word == "and", opener != "between" { return }
        if word == "to", opener != "from", let direction = deltaDirection(before: draft.first),
           takesDelta(draft, firstUnit: firstUnit, high: high, after: other.next,
                      scaledApart: firstUnit == nil && other.scaled && !reading.scaled && !low.isZero && high.value / low.value >= 100) {
            stateDelta(&draft, direction, firstUnit: firstUnit, secondUnit: secondUnit, join: join, second: second,
                       value: high, negative: negative, next: other.next)
            return
        }
        let change = word == "to" && opener == "from" ? changeWord(before: draft.first - 1) : nil
        // "from -5 to -10" runs down from zero: the same stretch as "-10 to -5".
        if change == nil, high < low, high.value < 0, low.value < 0 { swap(&low, &high) }
        guard change != nil || low < high else { return }
        if other.scaled, !reading.scaled, !low.isZero, high.value / low.value >= 100 {
            // "2 to 3 million", "two to three hundred": the first number takes the second's scale.
            let power = high.value >= 1e12 ? 12 : high.value >= 1e9 ? 9 : high.value >= 1e6 ? 6 : high.value >= 1e3 ? 3 : 2
            // Only while the first stays below the second: "300 to 7.9 million" is no range of
            // 300 million to 7.9 million.
            let scaled = low.scaled(byPowerOfTen: power)
            if scaled < high { low = scaled }
        }
        // "two or three", "30 or 40", "five or six hundred": a range only between near whole
        // numbers; "either 3 or 7", "40 or 100", "3.5 or 3.6" and two phone numbers are a choice.
        if word == "or", negative || low.value <= 0 || high.value - low.value > max(1, low.value / 2)
            || low.value != low.value.rounded() || high.value != high.value.rounded() || opener == "either" {
            return
        }
        if let firstUnit {
            // The second number must be of the same unit: "from 61% to 48%".
            let after = other.next
            guard after < tokens.count, tokens[after].lower == tokens[join - 1].lower || firstUnit == "percent" && isPercent(at: after) else { return }
            draft.unit = firstUnit
        }
        if draft.unit == nil { draft.unit = secondUnit }
        if let change {
            // "revenue rose from $6.7 million to $7.9 million": one figure that changed.
            let earlier = text(tokens[draft.first].start, tokens[join - 1].end)
            draft.previous = Figure.Previous(text: earlier, low: low.value, high: low.value, bound: .exact)
            draft.change = change
            draft.textStart = secondUnit == nil ? second - (negative ? 1 : 0) : join + 1
            draft.first = draft.textStart
            draft.low = high
            draft.high = high
        } else {
            draft.low = low
            draft.high = high
            draft.bound = .range
        }
        draft.next = other.next + (firstUnit == nil ? 0 : tokens[other.next].lower == "per" ? 2 : 1)
        draft.textEnd = draft.next
    }

    /// The bound words before the number, and a second bound that closes the interval:
    /// "more than 10 and less than 40" is one range, [10, 40].
    func applyBounds(_ draft: inout Draft, _ reading: NumberReader.Reading, _ reader: NumberReader) {
        guard draft.bound != .range, draft.previous == nil else { return }
        if let (start, phraseBound) = boundPhrase(before: draft.first) ?? boundSymbol(before: draft.first) {
            draft.textStart = start
            if phraseBound != .approximately || !reading.vague { draft.bound = phraseBound }
            if phraseBound == .atLeast || phraseBound == .atMost { closeInterval(&draft, opened: phraseBound, reader) }
        } else if draft.first > 0, tokens[draft.first - 1].lower == "between" {
            draft.textStart = draft.first - 1
        } else if let bound = reading.suffixBound, draft.bound == .exact {
            draft.bound = bound
        }
        if draft.bound == .exact {
            boundAfter(&draft, at: draft.next)
            // "30 or more but less than 40"
            if draft.bound == .atLeast || draft.bound == .atMost { closeInterval(&draft, opened: draft.bound, reader) }
        }
    }

    /// "more than 10 and less than 40", "above 1,000 but below 1,500", "less than 40 and more
    /// than 10": the second bound, of the other kind, closes the interval.
    private func closeInterval(_ draft: inout Draft, opened: Figure.Bound, _ reader: NumberReader) {
        var join = draft.textEnd
        guard join + 2 < tokens.count else { return }
        if tokens[join].isPunctuation(",") { join += 1 }
        let word = tokens[join].lower
        guard word == "and" || word == "but" || word == "yet", let (end, closing) = boundPhrase(startingAt: join + 1),
              closing == (opened == .atLeast ? .atMost : .atLeast), end < tokens.count else { return }
        var first = end
        if tokens[first].kind == .symbol, FigureLexicon.currencyCode(of: tokens[first].first) != nil { first += 1 }
        guard first < tokens.count, case .success(let other)? = reader.read(at: first), !other.vague, other.high == nil,
              let value = draft.low else { return }
        let (low, high) = opened == .atLeast ? (value, other.amount) : (other.amount, value)
        guard low < high else { return }
        draft.low = low
        draft.high = high
        draft.bound = .range
        draft.next = other.next
        draft.textEnd = other.next
        if draft.unit == nil {
            if let unit = unitAfter(&draft, other) { draft.unit = unit }
        } else {
            // "fewer than 5% and more than 1%": the second's own sign belongs to the figure's
            // text; its value is already in the unit read.
            var scratch = draft
            if unitAfter(&scratch, other) == draft.unit {
                draft.next = scratch.next
                draft.textEnd = scratch.textEnd
            }
        }
    }

    /// A bound phrase that starts at `start`: its end and its bound.
    func boundPhrase(startingAt start: Int) -> (Int, Figure.Bound)? {
        guard start < tokens.count, tokens[start].kind == .word, tokens[start].flags.contains(.boundWord),
              let phrases = FigureLexicon.boundPhrasesByFirst[tokens[start].lower] else { return nil }
        for phrase in phrases where matches(phrase, at: start) { return (start + phrase.words.count, phrase.bound) }
        return nil
    }

    /// ">5", "< 40", "≥ 10", "~300": a bound written as a sign.
    func boundSymbol(before index: Int) -> (Int, Figure.Bound)? {
        guard index > 0, tokens[index - 1].kind == .punctuation else { return nil }
        var start = index - 1
        var sign = tokens[start].first
        if sign == "=", start > 0, tokens[start - 1].kind == .punctuation, tokens[start - 1].end == tokens[start].start {
            start -= 1
            sign = tokens[start].first
        }
        switch sign {
        case ">", "\u{2265}": return (start, .atLeast)
        case "<", "\u{2264}": return (start, .atMost)
        case "~", "\u{2248}": return (start, .approximately)
        default: return nil
        }
    }

    /// Bound words after the number or its counted noun: "10 or more", "30 or so", "500 and
    /// above", "100+".
    func boundAfter(_ draft: inout Draft, at position: Int) {
        // "some 40 or more": a rough number with a bound after it is that bound.
        guard draft.bound == .exact || draft.bound == .approximately, position < tokens.count else { return }
        let token = tokens[position]
        if token.isPunctuation("+"), token.start == tokens[position - 1].end {
            draft.bound = .atLeast
            draft.next = max(draft.next, position + 1)
            draft.textEnd = max(draft.textEnd, position + 1)
            return
        }
        guard token.kind == .word, token.flags.contains(.boundWord),
              let phrases = FigureLexicon.boundsAfterByFirst[token.lower] else { return }
        for phrase in phrases where matches(phrase, at: position) {
            let bound = phrase.bound
            // "10 and over 20 …" and "5 plus 3" go on to another number.
            let after = position + phrase.words.count
            if after < tokens.count, tokens[after].kind == .number { return }
            if draft.bound == .approximately, bound == .approximately || draft.high == nil { return }
            draft.bound = bound
            draft.next = max(draft.next, after)
            draft.textEnd = max(draft.textEnd, after)
            return
        }
    }
}
