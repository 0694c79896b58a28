/// What a figure is measured in: currencies by sign, code and name, cents, percentages,
/// ratios ("one in five"), rates ("$15 an hour", "65 km/h") and the whole a share is of.
extension FigureFinder {
    /// The currency sign (with "US"/"A"/"HK" glued before it) or code before the number at
    /// `index`: the first token of the figure and its unit.
    func currencyBefore(_ index: Int) -> (Int, String?) {
        var first = index
        guard first > 0 else { return (first, nil) }
        let before = tokens[first - 1]
        if before.kind == .symbol, let code = FigureLexicon.currencyCode(of: before.first) {
            first -= 1
            if code == "USD", first > 0, tokens[first - 1].end == tokens[first].start,
               let prefixed = FigureLexicon.dollarPrefixCodes[tokens[first - 1].lower] {
                return (first - 1, prefixed)
            }
            return (first, code)
        }
        if before.kind == .word, before.flags.contains(.currencyWord), before.lower.count == 3, isCode(before) {
            return (first - 1, before.lower.string.uppercased())
        }
        // "Rs 300", "Rs. 300"
        if before.isPunctuation("."), first >= 2, tokens[first - 2].lower == "rs", tokens[first - 2].capitalized {
            return (first - 2, "INR")
        }
        if before.kind == .word, before.lower == "rs", before.capitalized { return (first - 1, "INR") }
        // "zł 30", "Fr. 50", "SFr. 50": signs written as letters before the number.
        if before.kind == .word, before.lower == "zł" { return (first - 1, "PLN") }
        if before.isPunctuation("."), first >= 2, tokens[first - 2].capitalized,
           tokens[first - 2].lower == "fr" || tokens[first - 2].lower == "sfr" {
            return (first - 2, "CHF")
        }
        if before.kind == .word, before.lower == "sfr", before.capitalized { return (first - 1, "CHF") }
        return (first, nil)
    }

    /// An ISO code in capitals ("USD"; "try" is a word).
    func isCode(_ token: Token) -> Bool {
        token.lower.count == 3 && FigureLexicon.isoCodes.contains(token.lower.string) && isUppercase(token)
    }

    /// "minus $20 million": the word before a currency sign (the reader takes it before digits),
    /// but not the margin of "plus or minus $5".
    func minusWord(before first: Int, sign: Bool) -> Int? {
        guard sign, first > 0, tokens[first - 1].lower == "minus" || tokens[first - 1].lower == "negative",
              first < 2 || tokens[first - 2].lower != "or" else { return nil }
        return first - 1
    }

    /// A minus glued to the number (or to its currency sign) that is no dash between words:
    /// "-5", "−3.2%". Returns the sign's token.
    func minusSign(before first: Int) -> Int? {
        guard first > 0 else { return nil }
        let sign = tokens[first - 1]
        guard sign.isPunctuation("-") || sign.isPunctuation("\u{2212}"), sign.end == tokens[first].start else { return nil }
        if first >= 2 {
            let before = tokens[first - 2]
            guard before.end < sign.start || before.isPunctuation("("), before.kind != .number else { return nil }
        }
        return first - 1
    }

    /// The unit after the number: "%", "per cent", "dollars", "Canadian dollars", "USD", "€",
    /// "cents", "mph", "km/h". Moves `draft.next` past it; money written in two parts
    /// ("3 dollars 50 cents") becomes one amount.
    func unitAfter(_ draft: inout Draft, _ reading: NumberReader.Reading) -> String? {
        var next = draft.next
        guard next < tokens.count else { return nil }
        let token = tokens[next]
        var unit: String?
        if reading.vague, token.lower == "of", next + 1 < tokens.count, tokens[next + 1].kind == .word,
           let code = FigureLexicon.currencyNameValues[tokens[next + 1].lower], tokens[next + 1].lower != "won" {
            // "thousands of dollars", "millions of euros"
            draft.next = next + 2
            draft.textEnd = next + 2
            return code
        }
        if token.kind == .symbol {
            if token.first == "%" {
                unit = "percent"; next += 1
            } else if let code = FigureLexicon.currencyCode(of: token.first) {
                // "100€", "100 €"
                unit = code; next += 1
            } else if token.first == "¢", draft.unit == nil {
                // "25¢": cents, as "25 cents" is read.
                draft.low = draft.low?.divided(by: 100)
                draft.high = draft.high?.divided(by: 100)
                unit = "USD"; next += 1
            }
        } else if token.kind == .word, token.flags.contains(.currencyWord) {
            if let code = FigureLexicon.currencyNameValues[token.lower], token.lower != "won" || reading.scaled {
                unit = code; next += 1
            } else if isCode(token) {
                unit = token.lower.string.uppercased(); next += 1
            } else if let code = FigureLexicon.hundredthValues[token.lower] {
                // "50 cents": hundredths of a currency.
                draft.low = draft.low?.divided(by: 100)
                draft.high = draft.high?.divided(by: 100)
                unit = code; next += 1
            }
        } else if token.kind == .word, token.flags.contains(.percentWord) {
            if token.lower == "per", next + 1 < tokens.count, tokens[next + 1].lower == "cent" {
                unit = "percent"; next += 2
            } else if token.lower != "per" {
                unit = "percent"; next += 1
                if next < tokens.count, tokens[next].lower == "points" || tokens[next].lower == "point" { next += 1 }
            }
        } else if token.kind == .word, token.lower == "rs", token.capitalized {
            // "500 Rs"
            unit = "INR"; next += 1
        } else if token.kind == .word, token.capitalized || token.lower == "us" || token.lower == "u.s." {
            // "Canadian dollars", "Hong Kong dollars"
            for length in [2, 3] where next + length <= tokens.count && tokens[next + length - 1].flags.contains(.currencyWord) {
                let phrase = (next..<(next + length)).map { tokens[$0].lower.string }.joined(separator: " ")
                if let code = FigureLexicon.currencyPhrases[phrase] { unit = code; next += length; break }
            }
        }
        if unit == nil, token.kind == .word, token.lower == "grand", !reading.scaled, isGrandMoney(after: next) {
            // "40 grand": thousands of money, in dollars as "bucks" is read ("grand pianos" is none).
            draft.low = draft.low?.scaled(byPowerOfTen: 3)
            draft.high = draft.high?.scaled(byPowerOfTen: 3)
            unit = "USD"; next += 1
        }
        if unit == nil, token.kind == .word, let rate = rateUnit(at: next) {
            unit = rate.unit
            next = rate.next
        }
        if let code = unit, code != "percent" {
            next = cents(after: next, &draft, code: code)
        }
        draft.next = next
        draft.textEnd = next
        return unit
    }

    /// "grand" at `index` ends its phrase ("40 grand.", "2 grand a month", "40 grand for it"):
    /// followed by a noun it is an adjective ("3 grand pianos", "two grand slams").
    private func isGrandMoney(after index: Int) -> Bool {
        guard index + 1 < tokens.count else { return true }
        let after = tokens[index + 1]
        return after.kind != .word || after.flags.contains(.countedStop) || after.flags.contains(.auxiliary)
    }

    /// "65 mph", "90 km/h", "12 mg/l": a speed or a unit of a rate.
    private func rateUnit(at index: Int) -> (unit: String, next: Int)? {
        let token = tokens[index]
        if token.flags.contains(.rateUnit), let unit = FigureLexicon.rateUnitValues[token.lower] { return (unit, index + 1) }
        // A short unit, a slash and a short unit, all glued: "km/h", "mg/l", "m/s".
        guard index + 2 < tokens.count, token.lower.count <= 4, tokens[index + 1].isPunctuation("/"),
              tokens[index + 1].start == token.end, tokens[index + 2].start == tokens[index + 1].end,
              tokens[index + 2].kind == .word, tokens[index + 2].lower.count <= 4 else { return nil }
        return ("\(token.lower.string)/\(tokens[index + 2].lower.string)", index + 3)
    }

    /// "3 dollars 50 cents", "$3 and 50 cents", "three pounds fifty": the cents join the amount.
    func cents(after index: Int, _ draft: inout Draft, code: String) -> Int {
        var position = index
        if position < tokens.count, tokens[position].lower == "and" { position += 1 }
        if let cents = unnamedCents(at: position, after: index), draft.bound == .exact, let low = draft.low, low.exponent >= 0 {
            let total = low + cents.divided(by: 100)
            draft.low = total
            draft.high = total
            return position + 1
        }
        guard position + 1 < tokens.count, let cents = NumberReader.plainValue(tokens[position].lower)
                ?? FigureLexicon.unitValues[tokens[position + 0].lower].map({ Amount($0) }),
              cents.value < 100, FigureLexicon.hundredthValues[tokens[position + 1].lower] != nil,
              draft.bound == .exact, let low = draft.low else { return index }
        let total = low + cents.divided(by: 100)
        draft.low = total
        draft.high = total
        return position + 2
    }

    /// The cents of "three pounds fifty", "3 pounds 20": two digits or a number word under a
    /// hundred, right after a currency's name, that end the phrase.
    private func unnamedCents(at position: Int, after name: Int) -> Amount? {
        guard name > 0, tokens[name - 1].kind == .word, FigureLexicon.currencyNameValues[tokens[name - 1].lower] != nil,
              position < tokens.count, position + 1 == tokens.count || tokens[position + 1].kind == .punctuation
                  && tokens[position + 1].first != "-" && tokens[position + 1].first != "/" else { return nil }
        let token = tokens[position]
        if token.kind == .number {
            guard token.end - token.start == 2, let value = NumberReader.plainValue(token.lower), value.exponent == 0 else { return nil }
            return value
        }
        guard token.kind == .word, let value = FigureLexicon.unitValues[token.lower], value > 0, value < 100 else { return nil }
        return Amount(value)
    }

    /// "one in five hospitals", "9 out of 10 doctors", "one in every four": a ratio. Reads it
    /// into the draft in place (a draft returned by value cost a copy of it for every figure).
    func readRatio(_ draft: inout Draft, _ reading: NumberReader.Reading, _ reader: NumberReader) -> Bool {
        var position = reading.next
        guard position + 1 < tokens.count else { return false }
        let word = tokens[position].lower
        guard word == "in" || word == "out" || word == "of" else { return false }
        if word == "in" {
            position += 1
        } else if word == "out", tokens[position + 1].lower == "of" {
            position += 2
        } else if word == "of", tokens[position + 1].kind == .number || tokens[position + 1].flags.contains(.unit)
                    || tokens[position + 1].lower == "every", draft.low?.value != 1 || tokens[position + 1].lower == "every" {
            // "eight of 10 avocados", "one of every nine voters"; "one of three members" is
            // one member of a group of three, not a share.
            position += 1
        } else {
            return false
        }
        if position < tokens.count, tokens[position].lower == "every" { position += 1 }
        guard position < tokens.count, case .success(let whole)? = reader.read(at: position), !whole.vague, whole.high == nil,
              let part = draft.low, whole.value > part.value, part.value > 0 else { return false }
        let value = whole.amount.value == whole.amount.value.rounded() && whole.value < 1e15
            ? part.divided(by: Int64(whole.value)) : Amount(inexact: part.value / whole.value)
        draft.low = value
        draft.high = value
        draft.unit = "ratio"
        draft.next = whole.next
        draft.textEnd = whole.next
        if let (start, bound) = boundPhrase(before: draft.first) {
            draft.textStart = start
            draft.bound = bound
        }
        let phrase = countedPhrase(from: whole.next)
        if !phrase.isEmpty {
            draft.of = text(tokens[phrase.lowerBound].start, tokens[phrase.upperBound - 1].end)
            draft.textEnd = phrase.upperBound
        }
        return true
    }

    /// A fraction is a figure when it is a share of something or stands bounded: "half of",
    /// "half the", "more than a third", "two thirds." — not "a third country", "half empty".
    func acceptsFraction(_ draft: Draft) -> Bool {
        // "between a third and a half": two fractions make a span of shares.
        if draft.bound == .range || boundPhrase(before: draft.first) != nil { return true }
        guard draft.next < tokens.count else { return true }
        let after = tokens[draft.next]
        // "a 2/3 majority", "a two-thirds majority": the share a vote needs.
        return after.lower == "of" || after.lower == "majority" || after.isBreak || after.flags.contains(.determiner) && after.lower != "more" && !after.capitalized
    }

    /// The whole a percentage or share is of: "3 per cent of the workforce", "half the votes".
    func wholeOf(_ draft: inout Draft) {
        var position = draft.textEnd
        guard position < tokens.count else { return }
        if tokens[position].lower == "majority" {
            draft.textEnd = position + 1
            return
        }
        if tokens[position].lower == "of" { position += 1 } else if draft.unit != "ratio" { return }
        while position < tokens.count, tokens[position].kind == .word, tokens[position].flags.contains(.determiner)
            || tokens[position].lower == "the" || tokens[position].lower == "all" {
            position += 1
        }
        let whole = countedPhrase(from: position)
        guard !whole.isEmpty else { return }
        draft.of = text(tokens[whole.lowerBound].start, tokens[whole.upperBound - 1].end)
        draft.textEnd = whole.upperBound
    }

    /// "$15 an hour", "300 litres a day", "3 deaths per 1,000 people": what a rate is per.
    func rate(_ draft: inout Draft) {
        let position = draft.textEnd
        guard position + 1 < tokens.count else { return }
        let word = tokens[position].lower
        if word == "per", tokens[position + 1].lower != "cent" {
            var end = position + 1
            if tokens[end].kind == .number { end += 1 }
            let phrase = countedPhrase(from: end)
            end = max(end, phrase.upperBound)
            guard end > position + 1 else { return }
            draft.per = text(tokens[position + 1].start, tokens[end - 1].end)
            draft.textEnd = end
        } else if word == "a" || word == "an" || word == "each" || word == "every",
                  tokens[position + 1].kind == .word, FigureLexicon.perWordValues[tokens[position + 1].lower] != nil {
            draft.per = tokens[position + 1].lower.string
            draft.textEnd = position + 2
        }
    }
}
