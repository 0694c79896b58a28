/// Figures that state a change: "rose to 19, up from 14", "rose to 19 from 14", "doubled to
/// 40". The earlier value belongs to the figure (`Figure.previous`), so that it is not read as
/// a second figure at odds with the first.
extension FigureFinder {
    /// The direction a change word gives, looking back from `index` over at most four words
    /// ("rose", "has risen sharply", "an increase").
    func changeWord(before index: Int) -> Figure.Change? {
        var position = index - 1
        while position >= 0, index - position <= 4, tokens[position].kind == .word {
            let flags = tokens[position].flags
            if flags.contains(.rise) { return .rise }
            if flags.contains(.fall) { return .fall }
            position -= 1
        }
        return nil
    }

    /// The change around a figure: a change word before "to", and an earlier value after it.
    func changeAround(_ draft: inout Draft, _ reader: NumberReader) {
        guard draft.previous == nil, draft.bound != .range, draft.unit != "ratio" else { return }
        let introducedByTo = draft.textStart > 0 && tokens[draft.textStart - 1].lower == "to"
        if introducedByTo, let direction = changeWord(before: draft.textStart - 1) {
            draft.change = direction
            if draft.bound == .exact, let value = draft.low, let word = factorWord(before: draft.textStart - 1) {
                // "doubled to 40": the earlier value was 20; "halved to 20": it was 40.
                let factor = FigureLexicon.factorValues[tokens[word].lower] ?? 1
                let earlier = factor > 0 ? value.divided(by: factor) : value.times(-factor)
                draft.previous = Figure.Previous(text: text(tokens[word].start, tokens[word].end), low: earlier.value,
                                                 high: earlier.value, bound: .exact)
            }
        }
        // ", up from 14", "on Thursday, up from 14", "down from $3bn", and right after "rose to
        // 19", "from 14".
        var position = draft.textEnd
        guard position + 1 < tokens.count else { return }
        var direction: Figure.Change?
        if tokens[position].lower == "from", introducedByTo, draft.change != nil {
            position += 1
        } else {
            // "up from" within a few words that hold no other number: "on Thursday, up from 14".
            while position + 1 < tokens.count, position - draft.textEnd < 6, tokens[position].kind == .word || tokens[position].isPunctuation(","),
                  tokens[position].lower != "up" && tokens[position].lower != "down" || tokens[position + 1].lower != "from" {
                if tokens[position].lower == "up" || tokens[position].lower == "down", draft.bound == .exact,
                   position > draft.textEnd, tokens[position - 1].isPunctuation(",") {
                    // "rose to 19, up 5", "to $40, down by $2": how much it changed, not an earlier value.
                    let way: Figure.Change = tokens[position].lower == "up" ? .rise : .fall
                    guard let (previous, next) = trailingDelta(at: position + 1, way, value: draft.low, unit: draft.unit, reader) else { break }
                    draft.previous = previous
                    draft.change = draft.change ?? way
                    draft.next = max(draft.next, next)
                    return
                }
                if tokens[position].lower == "a" || tokens[position].lower == "an", draft.bound == .exact, position > draft.textEnd,
                   tokens[position - 1].isPunctuation(","), position + 3 < tokens.count, tokens[position + 2].lower == "of",
                   let way = changeNoun(at: position + 1) {
                    // "reached 25, an increase of 7", "a drop of 3 from 12": a change named by a noun.
                    guard let (previous, next) = trailingDelta(at: position + 3, way, value: draft.low, unit: draft.unit, reader) else { break }
                    draft.previous = previous
                    draft.change = draft.change ?? way
                    draft.next = max(draft.next, next)
                    return
                }
                position += 1
            }
            guard position + 1 < tokens.count, tokens[position].lower == "up" || tokens[position].lower == "down",
                  tokens[position + 1].lower == "from" else { return }
            direction = tokens[position].lower == "up" ? .rise : .fall
            position += 2
        }
        guard let earlier = earlierValue(at: position, reader) else { return }
        draft.previous = earlier.previous
        draft.change = draft.change ?? direction
        draft.next = max(draft.next, earlier.next)
    }

    /// "doubled", "tripled", "halved" among the words right before `index`.
    private func factorWord(before index: Int) -> Int? {
        var position = index - 1
        while position >= 0, index - position <= 3, tokens[position].kind == .word {
            if FigureLexicon.factorValues[tokens[position].lower] != nil { return position }
            position -= 1
        }
        return nil
    }

    /// The earlier value of a change, with its bound words and its currency or percent sign:
    /// "14", "about $3bn", "5.2%".
    func earlierValue(at start: Int, _ reader: NumberReader) -> (previous: Figure.Previous, next: Int)? {
        var position = start
        var bound = Figure.Bound.exact
        if let (end, phraseBound) = boundPhrase(startingAt: position) {
            position = end
            bound = phraseBound
        }
        if position < tokens.count, tokens[position].kind == .symbol, FigureLexicon.currencyCode(of: tokens[position].first) != nil {
            position += 1
        }
        guard position < tokens.count, case .success(let reading)? = reader.read(at: position), !reading.fraction else { return nil }
        var next = reading.next
        if next < tokens.count, tokens[next].kind == .symbol, tokens[next].first == "%" {
            next += 1
        } else if next + 1 < tokens.count, tokens[next].lower == "per", tokens[next + 1].lower == "cent" {
            next += 2
        } else if next < tokens.count, tokens[next].flags.contains(.percentWord) || tokens[next].flags.contains(.currencyWord) {
            next += 1
        }
        var low: Double? = reading.value
        var high: Double? = reading.high?.value ?? reading.value
        if reading.high != nil { bound = .range }
        if reading.vague { bound = .approximately; high = nil }
        switch bound {
        case .atLeast: high = nil
        case .atMost: low = nil
        default: break
        }
        let written = text(tokens[start].start, tokens[next - 1].end)
        return (Figure.Previous(text: written, low: low, high: high, bound: bound), next)
    }
}
