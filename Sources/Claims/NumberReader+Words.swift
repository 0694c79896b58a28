/// Numbers written in words, and digits with something glued to them.
extension NumberReader {
    /// "twenty-five", "two hundred", "three million", "one hundred and three and two thirds",
    /// "two and a half million", "three point five". `start` is a value already read (the
    /// "a" of "a hundred").
    func readWords(at index: Int, startingWith start: Amount?) -> Result<Reading, Exclusion>? {
        // Most words are not numbers: rule them out before any splitting.
        guard start != nil || tokens[index].flags.contains(.unit) || tokens[index].endings.contains(.hyphen) else { return nil }
        var total = Amount.zero
        var current = start ?? .zero
        var position = index
        var sawAny = start != nil
        var scaled = false
        var fraction = false
        // The unit word read last, which a denominator after it divides: "two thirds".
        var lastUnit: Amount?
        // The power of the scale word read last ("hundred" is 2), 0 before any.
        var lastPower = 0
        while position < tokens.count, tokens[position].kind == .word {
            let token = tokens[position]
            let lower = token.lower
            if token.endings.contains(.hyphen) {
                // Only a hyphenated word needs its parts, and so its text.
                let parts = text.lower(of: token).split(separator: "-")
                if parts.count == 2, let tens = FigureLexicon.unitValues[parts[0]], let one = FigureLexicon.unitValues[parts[1]],
                   tens >= 20, tens % 10 == 0, one < 10 {
                    current = current + Amount(tens + one)
                    lastUnit = nil
                    sawAny = true
                    position += 1
                    continue
                }
                // "two-thirds", "one-half", "three-quarters"
                if parts.count == 2, let numerator = FigureLexicon.unitValues[parts[0]], numerator < 10,
                   let denominator = FigureLexicon.denominatorValues[parts[1]] {
                    current = current + Amount(numerator).divided(by: denominator)
                    sawAny = true
                    fraction = true
                    position += 1
                    break
                }
                // "forty-odd", "hundred-odd", "a ten-dollar bill", "a five-percent rise"
                if parts.count == 2, let one = FigureLexicon.unitValues[parts[0]] ?? scaleOfModifier(parts[0]),
                   let suffix = Self.wordSuffix(parts[1]) {
                    if one > 0 {
                        current = current + Amount(one)
                    } else if one < 0 {
                        current = (current.isZero ? Amount(1) : current).scaled(byPowerOfTen: Int(-one))
                    } else {
                        return sawAny ? nil : .failure(.compound)
                    }
                    var reading = Reading(amount: total + current, next: position + 1)
                    switch suffix {
                    case .bound(let bound): reading.suffixBound = bound
                    case .modifier: reading.writtenUnit = .modifier
                    }
                    return .success(reading)
                }
                if parts.count >= 2, FigureLexicon.unitValues[parts[0]] != nil || FigureLexicon.scaleValues[parts[0]] != nil {
                    // "one-year", "three-day": a compound modifier, not a count.
                    return sawAny ? nil : .failure(.compound)
                }
            }
            if lower == "dozen", sawAny, lastUnit != nil {
                // "two dozen"
                current = current.times(12)
                lastUnit = nil
            } else if let unit = FigureLexicon.unitValues[lower] {
                // "twenty one" adds; "two three" reads no further.
                if let lastUnit, lastUnit.value < 20 || unit >= 10 { break }
                current = current + Amount(unit)
                lastUnit = Amount(unit)
            } else if sawAny, let unit = lastUnit, token.flags.contains(.denominator), let denominator = FigureLexicon.denominatorValues[lower],
                      unit.value < 100 {
                // "two thirds": the unit just read is the numerator.
                current = current - unit + unit.divided(by: denominator)
                fraction = true
                position += 1
                break
            } else if let power = FigureLexicon.scaleValues[lower], lower.count > 2, sawAny {
                scaled = true
                lastPower = power
                lastUnit = nil
                if power == 2 {
                    current = (current.isZero ? Amount(1) : current).scaled(byPowerOfTen: 2)
                } else {
                    total = total + (current.isZero ? Amount(1) : current).scaled(byPowerOfTen: power)
                    current = .zero
                }
            } else if lower == "and", sawAny, position + 1 < tokens.count {
                let following = tokens[position + 1]
                if following.lower == "a", position + 2 < tokens.count, tokens[position + 2].flags.contains(.denominator),
                   let denominator = FigureLexicon.denominatorValues[tokens[position + 2].lower], denominator <= 10 {
                    // "one and a half", "two and a half million", "three and a quarter"; after a
                    // scale, a part of it: "a million and a half".
                    if current.isZero, !total.isZero, lastPower >= 3 {
                        total = total + Amount(1).divided(by: denominator).scaled(byPowerOfTen: lastPower)
                    } else {
                        current = current + Amount(1).divided(by: denominator)
                    }
                    lastUnit = nil
                    position += 3
                    continue
                }
                let thenFraction = position + 2 < tokens.count && FigureLexicon.denominatorValues[tokens[position + 2].lower] != nil
                guard isNumberWord(following), current.value >= 100 || !total.isZero || thenFraction else { break }
                // "between one hundred and two hundred": what follows "and" is a second number
                // when it is scaled as large as the first; a larger scale takes the whole group
                // ("two hundred and fifty thousand"), unless "between" asks for two numbers.
                if position + 2 < tokens.count, let power = FigureLexicon.scaleValues[tokens[position + 2].lower],
                   tokens[position + 2].lower.count > 2, power == lastPower || power > lastPower && (lastPower == 0 || isBetween(index)) {
                    break
                }
                lastUnit = nil
                position += 1
                continue
            } else if lower == "point", sawAny, position + 1 < tokens.count, (FigureLexicon.unitValues[tokens[position + 1].lower] ?? 10) < 10 {
                // "three point five": each word after the point is one digit.
                position += 1
                var places = 0
                var decimals: Int64 = 0
                while position < tokens.count, places < 15, let digit = FigureLexicon.unitValues[tokens[position].lower], digit < 10 {
                    decimals = decimals * 10 + digit
                    places += 1
                    position += 1
                }
                current = current + Amount(decimals, exponent: -places)
                lastUnit = nil
                continue
            } else {
                break
            }
            sawAny = true
            position += 1
        }
        guard sawAny else { return nil }
        var reading = Reading(amount: total + current, next: position, scaled: scaled)
        reading.fraction = fraction && reading.value < 1
        return .success(fraction ? reading : withScale(reading))
    }

    /// What a word glued after a number by a hyphen adds: a bound ("-odd", "-ish", "-plus") or a unit
    /// ("-dollar", "-percent").
    enum Suffix { case bound(Figure.Bound), modifier }

    static func wordSuffix(_ word: Substring) -> Suffix? {
        if word == "odd" || word == "ish" { return .bound(.approximately) }
        if word == "plus" { return .bound(.atLeast) }
        return modifierUnit(word) == nil ? nil : .modifier
    }

    /// The unit of a modifier's second part: "dollar", "euro", "percent" (singular, as
    /// modifiers are written).
    static func modifierUnit(_ word: Substring) -> String? {
        if word == "percent" || word == "per-cent" { return "percent" }
        // "a 10-pound bag" is a weight as often as money.
        guard word.count > 2, !word.hasSuffix("s"), word != "pound" else { return nil }
        return FigureLexicon.currencyNameValues[word]
    }

    /// The unit of the modifier that ends the token before `next`: "dollar" of "ten-dollar".
    func modifierUnit(before next: Int) -> String? {
        guard next > 0, let last = text.lower(of: tokens[next - 1]).split(separator: "-").last else { return nil }
        return Self.modifierUnit(last)
    }

    /// "hundred", "thousand" as the first part of a modifier ("hundred-odd"), as minus its power
    /// of ten, so that it tells itself apart from a unit word's value.
    private func scaleOfModifier(_ word: Substring) -> Int64? {
        guard word.count > 2, let power = FigureLexicon.scaleValues[word], power <= 3 else { return nil }
        return Int64(-power)
    }

    /// A number word on its own or hyphenated: "fifty", "ninety-nine".
    private func isNumberWord(_ token: Token) -> Bool {
        if FigureLexicon.unitValues[token.lower] != nil { return true }
        guard token.endings.contains(.hyphen) else { return false }
        let parts = text.lower(of: token).split(separator: "-")
        return parts.count == 2 && FigureLexicon.unitValues[parts[0]] != nil && FigureLexicon.unitValues[parts[1]] != nil
    }

    /// The number at `index` is the first of "between X and Y".
    private func isBetween(_ index: Int) -> Bool {
        var position = index - 1
        while position >= 0, tokens[position].kind == .symbol { position -= 1 }
        return position >= 0 && tokens[position].lower == "between"
    }

    /// Digits with a suffix, a range or a clock time: "3.5bn", "600-700", "5k-20k", "157th",
    /// "6:30", "30-odd".
    func readDigitsAndSuffix(at index: Int) -> Result<Reading, Exclusion>? {
        if let reading = readInlineSuffix(at: index) { return reading }
        let whole = text.lower(of: tokens[index])
        if whole.contains(":") { return .failure(.time) }
        let parts = whole.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let low: (amount: Amount, power: Int?)
        switch Self.digitsAndSuffix(parts[0]) {
        case nil: return nil
        case .failure(let exclusion)?: return .failure(exclusion)
        case .success(let value)?: low = value
        }
        var reading = Reading(amount: low.amount, next: index + 1, scaled: low.power != nil)
        if let power = low.power { reading.amount = low.amount.scaled(byPowerOfTen: power) }
        if parts.count == 2 {
            let after = parts[1]
            if after == "odd" || after == "ish" {
                reading.suffixBound = .approximately
            } else if after == "plus" {
                reading.suffixBound = .atLeast
            } else if Self.modifierUnit(after) != nil {
                // "a 5-dollar fee", "a 10-percent cut": the amount, written as a modifier.
                reading.writtenUnit = .modifier
            } else if low.power == nil, after.count > 2, let power = FigureLexicon.scaleValues[after] {
                // "a $5-billion fund"
                reading.amount = low.amount.scaled(byPowerOfTen: power)
                reading.scaled = true
            } else if after.hasPrefix("to-"), low.power == nil, case .success(let high)? = Self.digitsAndSuffix(after.dropFirst(3)),
                      high.power == nil, low.amount < high.amount {
                // "5-to-10 engineers": a range written as one hyphenated word.
                reading.high = high.amount
                return .success(withScale(reading))
            } else if case .success(let high)? = Self.digitsAndSuffix(after), high.power != nil || low.power == nil {
                // "600-700"; "5k-20k"; "5-20k" takes the scale of its second number.
                let power = high.power ?? 0
                let highAmount = high.amount.scaled(byPowerOfTen: power)
                let lowAmount = low.power == nil ? low.amount.scaled(byPowerOfTen: power) : reading.amount
                guard lowAmount < highAmount else { return .failure(.compound) }
                reading.amount = lowAmount
                reading.high = highAmount
                reading.scaled = power > 0
                return .success(power > 0 ? reading : withScale(reading))
            } else {
                // "2-year", "5-3", "3-month-old": a modifier or a score.
                return .failure(.compound)
            }
        }
        return .success(low.power == nil ? withScale(reading) : reading)
    }

    /// The common shapes ("157th", "1990s", "3.5bn", "12k") read from the token's inline form
    /// without building strings; nil to take the general path (a hyphen, a colon, or digits
    /// that are no plain value).
    private func readInlineSuffix(at index: Int) -> Result<Reading, Exclusion>?? {
        let lower = tokens[index].lower
        guard !lower.isLong, !lower.contains(0x2D), !lower.contains(0x3A) else { return nil }
        var cut = 0
        while cut < lower.count, Self.isNumberByte(lower.byte(cut)) { cut += 1 }
        var digits = Lower()
        for position in 0..<cut { digits.append(lower.byte(position), at: position) }
        var suffix = Lower()
        for position in cut..<lower.count { suffix.append(lower.byte(position), at: position - cut) }
        guard cut > 0, let amount = Self.plainValue(digits) else { return nil }
        switch suffix {
        case "": return .some(.success(withScale(Reading(amount: amount, next: index + 1))))
        case "th", "st", "nd", "rd": return .some(.failure(.ordinal))
        case "s": return .some(.failure(.decade))
        case "am", "pm", "h", "hrs", "min": return .some(.failure(.time))
        case "p" where amount.exponent == 0 && amount.value < 100 && text.scalars[tokens[index].end - 1] == "p":
            // "50p": pence, read as pounds; "1440p" and "6P" are no money.
            var reading = Reading(amount: amount.divided(by: 100), next: index + 1)
            reading.writtenUnit = .pence
            return .some(.success(reading))
        default:
            if suffix == "m" ? isMetres(at: index) : FigureLexicon.gluedMeasureValues[suffix] != nil || FigureLexicon.rateUnitValues[suffix] != nil {
                // "12kg", "70mph", "the 100m sprint": the number of a measure, no scale.
                var reading = Reading(amount: amount, next: index + 1)
                reading.writtenUnit = .measure
                return .some(.success(reading))
            }
            guard let power = FigureLexicon.scaleValues[suffix] else { return .some(.failure(.compound)) }
            return .some(.success(Reading(amount: amount.scaled(byPowerOfTen: power), next: index + 1, scaled: true)))
        }
    }

    /// "300m" is metres, not millions, when a word of length follows ("300m long", "a 300m
    /// wall", "the 100m sprint") and no currency comes before ("£300m", "USD 300m").
    private func isMetres(at index: Int) -> Bool {
        if index > 0 {
            let before = tokens[index - 1]
            if before.kind == .symbol, FigureLexicon.currencyCode(of: before.first) != nil { return false }
            if before.kind == .word, before.flags.contains(.currencyWord) { return false }
        }
        guard index + 1 < tokens.count, tokens[index + 1].kind == .word else { return false }
        return FigureLexicon.metreContextValues[tokens[index + 1].lower] != nil
    }

    /// The letters glued after the digits of a number token: "kg" of "12kg".
    static func gluedSuffix(_ lower: Lower) -> Lower {
        var cut = 0
        while cut < lower.count, isNumberByte(lower.byte(cut)) { cut += 1 }
        var suffix = Lower()
        for position in cut..<lower.count { suffix.append(lower.byte(position), at: position - cut) }
        return suffix
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2C || byte == 0x2E
    }

    /// Digits and a glued suffix: a scale ("bn", "k") gives its power of ten; ordinals,
    /// decades and clock times are not figures.
    private static func digitsAndSuffix(_ text: Substring) -> Result<(amount: Amount, power: Int?), Exclusion>? {
        var cut = text.unicodeScalars.startIndex
        var digits = Lower()
        var count = 0
        while cut < text.unicodeScalars.endIndex, Tokenizer.isDigit(text.unicodeScalars[cut]) || text.unicodeScalars[cut] == "," || text.unicodeScalars[cut] == "." {
            if count < Lower.capacity { digits.append(UInt8(text.unicodeScalars[cut].value), at: count) } else { return nil }
            count += 1
            cut = text.unicodeScalars.index(after: cut)
        }
        guard count > 0, let amount = plainValue(digits) else { return nil }
        let suffix = String(text.unicodeScalars[cut...])
        switch suffix {
        case "": return .success((amount, nil))
        case "th", "st", "nd", "rd": return .failure(.ordinal)
        case "s": return .failure(.decade)
        case "am", "pm", "h", "hrs", "min": return .failure(.time)
        default:
            guard let power = FigureLexicon.scales[suffix] else { return .failure(.compound) }
            return .success((amount, power))
        }
    }
}
