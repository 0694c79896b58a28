/// Reads one number at a token position: digits with their glued scale, or number words.
struct NumberReader {
    struct Reading {
        var amount: Amount
        /// The token after the number (and its scale word).
        var next: Int
        /// Set when the number is a vague amount such as "thousands" or "several hundred".
        var vague = false
        /// Set when a scale word or suffix multiplied the number.
        var scaled = false
        /// Set for a range inside one token ("600-700", "5k-20k").
        var high: Amount?
        /// A fraction on its own, below one: "half", "two thirds", "a fifth".
        var fraction = false
        /// A bound written into the number itself: "30-odd" (approximately), "100-plus" (at least).
        var suffixBound: Figure.Bound?
        /// A unit written into the number: "50p" (pence, the amount in pounds), "ten-dollar",
        /// "10-percent" (a modifier, whose last part the finder reads). A one-byte case, not
        /// the unit's string: a reading is copied often, and a string would be retained each time.
        var writtenUnit = WrittenUnit.none

        init(amount: Amount, next: Int, vague: Bool = false, scaled: Bool = false, high: Amount? = nil) {
            self.amount = amount
            self.next = next
            self.vague = vague
            self.scaled = scaled
            self.high = high
        }

        var value: Double { amount.value }

        /// Both ends times 10^power.
        mutating func scale(byPowerOfTen power: Int) {
            amount = amount.scaled(byPowerOfTen: power)
            high = high?.scaled(byPowerOfTen: power)
            scaled = true
        }
    }

    /// `measure`: a unit of measure glued to the digits ("12kg", "70mph"), whose rate unit the
    /// finder reads from the token.
    enum WrittenUnit: UInt8, Sendable { case none, pence, modifier, measure }

    /// Why a number was read but is not a figure.
    enum Exclusion: Error { case ordinal, time, decade, compound }

    let tokens: SentenceTokens
    let text: ScalarText

    /// Whether `read` could find a number at this token: digits, or a word that is a number
    /// word, a vague amount or hyphenated ("twenty-five").
    @inline(__always)
    static func mayStartNumber(_ token: Token) -> Bool {
        token.kind == .number || token.kind == .word
            && (!token.flags.isDisjoint(with: [.numeric, .numberLead]) || token.endings.contains(.hyphen))
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
                return .success(Reading(amount: Amount(base * (inner / 2)), next: index + 3, vague: true))
            }
            // "scores" and "tens" count only before "of": "scores of homes", not "scores rose".
            if word == "scores" || word == "tens", !next(index, is: "of") { return nil }
            return .success(Reading(amount: Amount(base), next: index + 1, vague: true))
        }
        // FigureLexicon.vagueMultipliers, compared inline: "a" comes here on every read.
        if word == "several" || word == "few" || word == "many" || word == "some" || (word == "a" && next(index, is: "few")) {
            let scaleIndex = word == "a" ? index + 2 : index + 1
            if scaleIndex < tokens.count, tokens[scaleIndex].flags.contains(.scale), let scale = FigureLexicon.scaleValues[tokens[scaleIndex].lower], scale >= 2,
               tokens[scaleIndex].kind == .word, tokens[scaleIndex].lower.count > 2 {
                return .success(Reading(amount: Amount(2).scaled(byPowerOfTen: scale), next: scaleIndex + 1, vague: true))
            }
            if word != "some", scaleIndex < tokens.count, tokens[scaleIndex].lower == "dozen" {
                // "several dozen", "a few dozen", "many dozen"
                return .success(Reading(amount: Amount(24), next: scaleIndex + 1, vague: true))
            }
            return nil
        }
        if word == "a" {
            // "a" stands before most nouns: only its flags are asked until one says a number.
            guard index + 1 < tokens.count else { return nil }
            let following = tokens[index + 1]
            guard !following.flags.isDisjoint(with: [.scale, .unit, .denominator, .couple, .currencyWord]) else { return nil }
            // "a dollar", "under a euro": one of the currency; not "a pound" (a weight as often),
            // "a yen" or "a buck".
            if following.flags.contains(.currencyWord) {
                let name = following.lower
                guard name == "dollar" || name == "euro" || name == "rupee" else { return nil }
                return .success(Reading(amount: Amount(1), next: index + 1))
            }
            // "a hundred and twenty", "a million": the article stands for one.
            if following.flags.contains(.scale), following.lower.count > 2, FigureLexicon.scaleValues[following.lower] != nil {
                return readWords(at: index + 1, startingWith: Amount(1))
            }
            if following.lower == "dozen" { return .success(withScale(Reading(amount: Amount(12), next: index + 2))) }
            // "a couple of" is about two.
            if following.lower == "couple", index + 3 < tokens.count, tokens[index + 2].lower == "of" {
                // Read past "of", so that "a couple of days" is a duration, as "two days" is;
                // "a couple of hundred" is about two hundred.
                var reading = withScale(Reading(amount: Amount(2), next: index + 3))
                reading.suffixBound = .approximately
                return .success(reading)
            }
            // "a half", "a third of", "a quarter of a million"
            if following.flags.contains(.denominator), let denominator = FigureLexicon.denominatorValues[following.lower] {
                return .success(fractionOrScaled(Amount(1).divided(by: denominator), next: index + 2))
            }
            return nil
        }
        if word == "half" { return .success(fractionOrScaled(Amount(5, exponent: -1), next: index + 1)) }
        // "minus 5", but "plus or minus 4 points" is a margin, not a negative number.
        if word == "minus" || word == "negative", index + 1 < tokens.count, index == 0 || tokens[index - 1].lower != "or",
           case .success(var reading)? = read(at: index + 1) {
            reading.amount = reading.amount.negated
            reading.high = reading.high?.negated
            return .success(reading)
        }
        return readWords(at: index, startingWith: nil)
    }

    private func next(_ index: Int, is word: Lower) -> Bool {
        index + 1 < tokens.count && tokens[index + 1].lower == word
    }

    /// A fraction with what may follow it: "half a million" and "a quarter of a million" are
    /// numbers, "half a dozen" is six; otherwise the fraction stands alone ("half of them").
    private func fractionOrScaled(_ fraction: Amount, next: Int) -> Reading {
        var position = next
        if position < tokens.count, tokens[position].lower == "of", position + 1 < tokens.count, tokens[position + 1].lower == "a" {
            position += 1
        }
        if position + 1 < tokens.count, tokens[position].lower == "a" || tokens[position].lower == "an" {
            let scaleWord = tokens[position + 1]
            // "half a percent", "a quarter of a percentage point": a fraction of one percent.
            if scaleWord.flags.contains(.percentWord), scaleWord.lower != "per" {
                return Reading(amount: fraction, next: position + 1)
            }
            if scaleWord.lower == "dozen" { return Reading(amount: fraction.times(12), next: position + 2) }
            if scaleWord.flags.contains(.scale), scaleWord.lower.count > 2, let power = FigureLexicon.scaleValues[scaleWord.lower] {
                var reading = Reading(amount: fraction.scaled(byPowerOfTen: power), next: position + 2, scaled: true)
                reading = withScale(reading)
                return reading
            }
        }
        var reading = Reading(amount: fraction, next: next)
        reading.fraction = true
        return reading
    }

    private func readDigits(at index: Int) -> Result<Reading, Exclusion>? {
        if tokens[index].lower.contains(0x2E), let grouped = readDotGrouped(at: index) { return .success(grouped) }
        if let amount = Self.plainValue(tokens[index].lower) {
            if index + 1 < tokens.count, tokens[index + 1].kind == .number, let grouped = readSpaceGrouped(at: index, amount) {
                return .success(grouped)
            }
            if index + 2 < tokens.count, tokens[index + 1].isPunctuation("/") { return readSlashed(at: index, amount) }
            if index + 3 < tokens.count, tokens[index + 1].lower == "and", tokens[index + 2].lower == "a", amount.exponent == 0,
               tokens[index + 3].flags.contains(.denominator), let denominator = FigureLexicon.denominatorValues[tokens[index + 3].lower],
               denominator <= 10 {
                // "3 and a half million"
                return .success(withScale(Reading(amount: amount + Amount(1).divided(by: denominator), next: index + 4)))
            }
            return .success(withScale(Reading(amount: amount, next: index + 1)))
        }
        if let mixed = readVulgar(at: index) { return .success(mixed) }
        return readDigitsAndSuffix(at: index)
    }

    /// The value of a token of plain digits with commas and at most one decimal point
    /// ("12,000", "3.5"), without building strings; nil for anything else. Kept as the
    /// digits and the place of the point, so that a scale applied later stays exact.
    static func plainValue(_ text: Lower) -> Amount? {
        // Fifteen digits with their commas and point fit in 16 bytes; a longer token is no plain value.
        guard !text.isLong else { return nil }
        var significand: Int64 = 0
        var digits = 0
        var fraction = -1
        for index in 0..<text.count {
            let byte = text.byte(index)
            if byte >= 0x30, byte <= 0x39 {
                significand = significand &* 10 &+ Int64(byte - 0x30)
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
        guard digits > 0, digits <= 15, fraction != 0 else { return nil }
        return Amount(significand, exponent: fraction > 0 ? -fraction : 0)
    }

    /// Applies a scale word after the number: "2 million", "3.5 bn".
    func withScale(_ reading: Reading) -> Reading {
        var reading = reading
        guard reading.next < tokens.count, tokens[reading.next].kind == .word, tokens[reading.next].flags.contains(.scale),
              let power = FigureLexicon.scaleValues[tokens[reading.next].lower] else { return reading }
        // Single letters ("m", "k", "b") only count glued to the number; a spaced "m" is too ambiguous.
        guard tokens[reading.next].lower.count > 1 || tokens[reading.next].start == tokens[reading.next - 1].end else { return reading }
        reading.scale(byPowerOfTen: power)
        reading.next += 1
        if reading.high == nil, power >= 6 { addLowerScale(&reading, below: power) }
        return reading
    }

    /// "1 billion 200 million", "7 million 300 thousand": a number under a smaller scale word
    /// after a scaled one is its remainder, when it is a whole number that fits below.
    private func addLowerScale(_ reading: inout Reading, below power: Int) {
        let index = reading.next
        guard index + 1 < tokens.count, tokens[index].kind == .number, let part = Self.plainValue(tokens[index].lower),
              part.exponent == 0, tokens[index + 1].kind == .word, tokens[index + 1].lower.count > 2,
              let lower = FigureLexicon.scaleValues[tokens[index + 1].lower], lower < power, lower >= 3,
              part.value * pow10(lower) < pow10(power) else { return }
        reading.amount = reading.amount + part.scaled(byPowerOfTen: lower)
        reading.next = index + 2
    }

    private func pow10(_ power: Int) -> Double {
        var value = 1.0
        for _ in 0..<power { value *= 10 }
        return value
    }
}
