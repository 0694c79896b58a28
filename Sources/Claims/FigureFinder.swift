/// Finds the figures in a sentence's tokens: counts, money, percentages and ranges, with
/// their bounds; years, dates, times, ordinals, durations and unit names are left out.
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

    /// Appends the figure whose number starts at `index` and returns the token after it.
    /// Appended here rather than returned: a returned figure was copied into the array and
    /// then destroyed, a retain and a release for each of its strings.
    private func figure(
        startingAt index: Int, _ reading: NumberReader.Reading, _ reader: NumberReader, into figures: inout [Figure]
    ) -> Int? {
        var first = index
        var unit: String?
        // A currency sign (with "US"/"A"/"HK" glued before it) or code before the number.
        if first > 0, tokens[first - 1].kind == .symbol, let code = FigureLexicon.currencyCode(of: tokens[first - 1].first) {
            first -= 1
            unit = code
            if code == "USD", first > 0, tokens[first - 1].end == tokens[first].start,
               let prefixed = FigureLexicon.dollarPrefixCodes[tokens[first - 1].lower] {
                first -= 1
                unit = prefixed
            }
        } else if first > 0, tokens[first - 1].kind == .word, tokens[first - 1].flags.contains(.currencyWord),
                  tokens[first - 1].lower.string.count == 3, !tokens[first - 1].lower.contains(0x2E), isUppercase(tokens[first - 1]),
                  let code = FigureLexicon.currencyCodes[tokens[first - 1].lower] {
            first -= 1
            unit = code
        }
        var next = reading.next
        var low = reading.value
        var high: Double? = reading.high ?? reading.value
        var bound: Figure.Bound = reading.high == nil ? .exact : .range
        if reading.vague { bound = .approximately; high = nil }

        // A second number after "to", "and" or a dash makes a range.
        if !reading.vague, next + 1 < tokens.count, Self.isRangeJoin(tokens[next].lower) {
            var second = next + 1
            if tokens[second].kind == .symbol, FigureLexicon.currencyCode(of: tokens[second].first) != nil { second += 1 }
            if second < tokens.count, case .success(let other)? = reader.read(at: second), !other.vague, other.value > low {
                let between = first > 0 && tokens[first - 1].lower == "between"
                if tokens[next].lower != "and" || between {
                    if other.scaled, !reading.scaled, other.value / low >= 100 {
                        let scale = other.value >= 1e9 ? 1e9 : other.value >= 1e6 ? 1e6 : 1e3
                        low *= scale
                    }
                    high = other.value
                    bound = .range
                    next = other.next
                }
            }
        }
        if next < tokens.count, unit == nil {
            if tokens[next].kind == .symbol, tokens[next].first == "%" {
                unit = "percent"; next += 1
            } else if tokens[next].kind == .word, tokens[next].flags.contains(.currencyWord), let code = FigureLexicon.currencyCodes[tokens[next].lower],
                      tokens[next].lower != "won" || reading.scaled {
                unit = code; next += 1
            } else if tokens[next].kind == .word, tokens[next].flags.contains(.percentWord) {
                if tokens[next].lower == "per", next + 1 < tokens.count, tokens[next + 1].lower == "cent" {
                    unit = "percent"; next += 2
                } else if tokens[next].lower != "per" {
                    unit = "percent"; next += 1
                    if next < tokens.count, tokens[next].lower == "points" { next += 1 }
                }
            }
        }
        if isExcluded(numberAt: index, first: first, next: next, reading: reading, unit: unit) { return nil }

        // A bound phrase before: "at least", "more than", "some", "an estimated".
        var textStart = first
        if bound != .range, let (phraseStart, phraseBound) = boundPhrase(before: first) {
            textStart = phraseStart
            if phraseBound != .approximately || !reading.vague { bound = phraseBound }
            switch bound {
            case .atLeast: high = nil
            case .atMost: high = low  // open below: reported as high only
            default: break
            }
        } else if bound != .range, first > 0, tokens[first - 1].lower == "between" {
            textStart = first - 1
        }
        var lowValue: Double? = low
        if bound == .atMost { lowValue = nil }
        if bound == .approximately, reading.vague { high = nil }

        let countedRange = unit == nil ? countedPhrase(from: next) : next..<next
        let textEnd = countedRange.isEmpty ? tokens[next - 1].end : tokens[countedRange.upperBound - 1].end
        // "put the toll at 19": with nothing counted after it, a count may name its noun before.
        let named = countedRange.isEmpty && unit == nil ? countedNoun(before: textStart) : countedRange
        let counted = named.isEmpty ? nil : text(tokens[named.lowerBound].start, tokens[named.upperBound - 1].end)
        figures.append(Figure(
            text: text(tokens[textStart].start, textEnd), low: lowValue, high: high, bound: bound, unit: unit,
            counted: counted, start: tokens[textStart].start, end: textEnd
        ))
        return countedRange.isEmpty ? next : countedRange.upperBound
    }

    private func text(_ start: Int, _ end: Int) -> String { text.string(start, end) }

    /// The token as written has no lowercase letters ("USD", not "Usd").
    private func isUppercase(_ token: Token) -> Bool {
        let written = text(token.start, token.end)
        return written == written.uppercased()
    }

    static func isRangeJoin(_ word: Lower) -> Bool {
        word == "to" || word == "and" || word == "-" || word == "–" || word == "—"
    }
}
