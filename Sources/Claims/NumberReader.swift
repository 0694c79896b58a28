/// Reads one number at a token position: digits with their glued scale, or number words.
struct NumberReader {
    struct Reading {
        var value: Double
        /// The token after the number (and its scale word).
        var next: Int
        /// Set when the number is a vague amount such as "thousands" or "several hundred".
        var vague = false
        /// Set when a scale word or suffix multiplied the number.
        var scaled = false
        /// Set for a hyphenated range inside one token ("600-700").
        var high: Double?
    }

    /// Why a number was read but is not a figure.
    enum Exclusion: Error { case ordinal, time, decade, compound }

    let tokens: SentenceTokens
    let text: ScalarText

    /// Whether `read` could find a number at this token: digits, or a word that is a number
    /// word, a vague amount or hyphenated ("twenty-five").
    @inline(__always)
    static func mayStartNumber(_ token: Token) -> Bool {
        token.kind == .number || token.kind == .word && (token.flags.contains(.numeric) || token.endings.contains(.hyphen))
    }

    func read(at index: Int) -> Result<Reading, Exclusion>? {
        let token = tokens[index]
        guard Self.mayStartNumber(token) else { return nil }
        if token.kind == .number { return readDigits(at: index) }
        let word = token.lower
        if token.flags.contains(.vaguePlural), let base = FigureLexicon.vaguePluralValues[word] {
            // "tens of thousands", "hundreds of thousands"
            if index + 2 < tokens.count, tokens[index + 1].lower == "of",
               let inner = FigureLexicon.vaguePluralValues[tokens[index + 2].lower], inner > base {
                return .success(Reading(value: base * (inner / 2), next: index + 3, vague: true))
            }
            return .success(Reading(value: base, next: index + 1, vague: true))
        }
        // FigureLexicon.vagueMultipliers, compared inline: "a" comes here on every read.
        if word == "several" || word == "few" || word == "many" || word == "some" || (word == "a" && next(index, is: "few")) {
            let scaleIndex = word == "a" ? index + 2 : index + 1
            if scaleIndex < tokens.count, tokens[scaleIndex].flags.contains(.scale), let scale = FigureLexicon.scaleValues[tokens[scaleIndex].lower], scale >= 100,
               tokens[scaleIndex].kind == .word, tokens[scaleIndex].lower.count > 2 {
                return .success(Reading(value: 2 * scale, next: scaleIndex + 1, vague: true))
            }
            if word == "several", scaleIndex < tokens.count, tokens[scaleIndex].lower == "dozen" {
                return .success(Reading(value: 24, next: scaleIndex + 1, vague: true))
            }
            return nil
        }
        if word == "a", index + 1 < tokens.count, tokens[index + 1].flags.contains(.scale), let scale = FigureLexicon.scaleValues[tokens[index + 1].lower],
           tokens[index + 1].lower.count > 2 {
            return .success(withScale(Reading(value: scale, next: index + 2, scaled: true)))
        }
        if word == "a", next(index, is: "dozen") { return .success(Reading(value: 12, next: index + 2)) }
        return readWords(at: index)
    }

    private func next(_ index: Int, is word: Lower) -> Bool {
        index + 1 < tokens.count && tokens[index + 1].lower == word
    }

    /// "twenty-five", "two hundred", "three million", "one hundred and twenty".
    private func readWords(at index: Int) -> Result<Reading, Exclusion>? {
        // Most words are not numbers: rule them out before any splitting.
        guard tokens[index].flags.contains(.unit) || tokens[index].endings.contains(.hyphen) else { return nil }
        var total = 0.0
        var current = 0.0
        var position = index
        var sawAny = false
        var scaled = false
        while position < tokens.count, tokens[position].kind == .word {
            let token = tokens[position]
            let lower = token.lower
            if token.endings.contains(.hyphen) {
                // Only a hyphenated word needs its parts, and so its text.
                let parts = text.lower(of: token).split(separator: "-")
                if parts.count == 2, let tens = FigureLexicon.unitValues[parts[0]], let one = FigureLexicon.unitValues[parts[1]],
                   tens >= 20, one < 10 {
                    current += tens + one
                    sawAny = true
                    position += 1
                    continue
                }
                if parts.count >= 2, FigureLexicon.unitValues[parts[0]] != nil || FigureLexicon.scaleValues[parts[0]] != nil {
                    // "one-year", "three-day": a compound modifier, not a count.
                    return sawAny ? nil : .failure(.compound)
                }
            }
            if let unit = FigureLexicon.unitValues[lower] {
                current += unit
            } else if let scale = FigureLexicon.scaleValues[lower], lower.count > 2, sawAny {
                scaled = true
                if scale == 100 { current = max(current, 1) * 100 } else { total += max(current, 1) * scale; current = 0 }
            } else if lower == "and", sawAny, position + 1 < tokens.count, FigureLexicon.unitValues[tokens[position + 1].lower] != nil,
                      current >= 100 || total > 0 {
                position += 1
                continue
            } else {
                break
            }
            sawAny = true
            position += 1
        }
        guard sawAny else { return nil }
        return .success(Reading(value: total + current, next: position, scaled: scaled))
    }

    private func readDigits(at index: Int) -> Result<Reading, Exclusion>? {
        if let value = Self.plainValue(tokens[index].lower) {
            return .success(withScale(Reading(value: value, next: index + 1)))
        }
        return readDigitsAndSuffix(at: index)
    }

    static let powersOfTen: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// The value of a token of plain digits with commas and at most one decimal point
    /// ("12,000", "3.5"), without building strings; nil for anything else. Exact: a
    /// mantissa below 2^53 over a power of ten up to 10^22 rounds once, as parsing does.
    static func plainValue(_ text: Lower) -> Double? {
        // Fifteen digits with their commas and point fit in 16 bytes; a longer token is no plain value.
        guard !text.isLong else { return nil }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = -1
        for index in 0..<text.count {
            let byte = text.byte(index)
            if byte >= 0x30, byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else if byte == 0x2C, fraction < 0 {
                continue
            } else if byte == 0x2E, fraction < 0 {
                fraction = 0
            } else {
                return nil
            }
        }
        guard digits > 0, digits <= 15, fraction != 0, fraction <= 22 else { return nil }
        return fraction > 0 ? Double(mantissa) / powersOfTen[fraction] : Double(mantissa)
    }

    /// Digits with a suffix, a range or a clock time: "3.5bn", "600-700", "157th", "6:30".
    private func readDigitsAndSuffix(at index: Int) -> Result<Reading, Exclusion>? {
        if let reading = readInlineSuffix(at: index) { return reading }
        let text = self.text.lower(of: tokens[index])
        if text.contains(":") { return .failure(.time) }
        var digits = ""
        var suffix = ""
        var rest = Substring(text)
        while let scalar = rest.unicodeScalars.first, Tokenizer.isDigit(scalar) || scalar == "," || scalar == "." {
            if scalar != "," { digits.unicodeScalars.append(scalar) }
            rest = rest.dropFirst()
        }
        guard var value = Double(digits) else { return nil }
        var high: Double?
        if rest.hasPrefix("-") {
            let after = rest.dropFirst()
            if let other = Double(after.filter { $0 != "," }), other > value {
                high = other
                rest = ""
            } else {
                // "2-year", "5-3", "3-month-old": a modifier or a score.
                return .failure(.compound)
            }
        }
        suffix = String(rest)
        switch suffix {
        case "": break
        case "th", "st", "nd", "rd": return .failure(.ordinal)
        case "s": return .failure(.decade)
        case "am", "pm", "h", "hrs", "min": return .failure(.time)
        default:
            guard let scale = FigureLexicon.scaleValues[suffix] else { return .failure(.compound) }
            value *= scale
            high = high.map { $0 * scale }
            return .success(Reading(value: value, next: index + 1, scaled: true, high: high))
        }
        return .success(withScale(Reading(value: value, next: index + 1, high: high)))
    }

    /// The common shapes of `readDigitsAndSuffix` ("157th", "1990s", "3.5bn", "12k") read
    /// from the token's inline form without building strings; nil to take the general path
    /// (a hyphen, a colon, or digits that are no plain value).
    private func readInlineSuffix(at index: Int) -> Result<Reading, Exclusion>?? {
        let lower = tokens[index].lower
        guard !lower.isLong, !lower.contains(0x2D), !lower.contains(0x3A) else { return nil }
        var cut = 0
        while cut < lower.count, Self.isNumberByte(lower.byte(cut)) { cut += 1 }
        var digits = Lower()
        for position in 0..<cut { digits.append(lower.byte(position), at: position) }
        var suffix = Lower()
        for position in cut..<lower.count { suffix.append(lower.byte(position), at: position - cut) }
        guard cut > 0, var value = Self.plainValue(digits) else { return nil }
        switch suffix {
        case "": return .some(.success(withScale(Reading(value: value, next: index + 1))))
        case "th", "st", "nd", "rd": return .some(.failure(.ordinal))
        case "s": return .some(.failure(.decade))
        case "am", "pm", "h", "hrs", "min": return .some(.failure(.time))
        default:
            guard let scale = FigureLexicon.scaleValues[suffix] else { return .some(.failure(.compound)) }
            value *= scale
            return .some(.success(Reading(value: value, next: index + 1, scaled: true)))
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2C || byte == 0x2E
    }

    /// Applies a scale word after the number: "2 million", "3.5 bn".
    private func withScale(_ reading: Reading) -> Reading {
        var reading = reading
        guard reading.next < tokens.count, tokens[reading.next].kind == .word, tokens[reading.next].flags.contains(.scale),
              let scale = FigureLexicon.scaleValues[tokens[reading.next].lower] else { return reading }
        // Single letters ("m", "k", "b") only count glued to the number; a spaced "m" is too ambiguous.
        guard tokens[reading.next].lower.count > 1 || tokens[reading.next].start == tokens[reading.next - 1].end else { return reading }
        reading.value *= scale
        reading.high = reading.high.map { $0 * scale }
        reading.next += 1
        reading.scaled = true
        return reading
    }
}
