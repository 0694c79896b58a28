/// Fractions written with a slash ("1/2", "3/4 of") or as one character ("½", "3½ million").
extension NumberReader {
    /// A number glued to a slash and a second number. A proper fraction ("1/2", "2/3") is read
    /// as one; anything else written that way is no count: a date ("12/05", "5/12/2026"), a
    /// schedule ("24/7"), a score or a reference ("9/11"). Whether a fraction is a figure at
    /// all (a share of something, or bounded) the finder decides, as for "half".
    func readSlashed(at index: Int, _ numerator: Amount) -> Result<Reading, Exclusion> {
        let slash = tokens[index + 1]
        let after = tokens[index + 2]
        guard slash.start == tokens[index].end, after.start == slash.end, after.kind == .number else {
            return .success(withScale(Reading(amount: numerator, next: index + 1)))
        }
        // A third part, "5/12/2026", is a date whatever its numbers.
        if index + 3 < tokens.count, tokens[index + 3].isPunctuation("/"), tokens[index + 3].start == after.end {
            return .failure(.compound)
        }
        guard let denominator = Self.plainValue(after.lower), numerator.exponent == 0, denominator.exponent == 0,
              numerator.significand > 0, numerator.significand < denominator.significand, denominator.significand <= 100,
              text.scalars[after.start] != "0" else { return .failure(.compound) }
        var reading = Reading(amount: numerator.divided(by: denominator.significand), next: index + 3)
        reading.fraction = true
        return .success(reading)
    }

    /// A vulgar fraction alone ("½", a fraction) or after a whole number ("3½", an amount,
    /// which takes a scale: "3½ million" is 3,500,000).
    func readVulgar(at index: Int) -> Reading? {
        let token = tokens[index]
        guard token.end > token.start, let (numerator, denominator) = FigureLexicon.vulgarFraction(text.scalars[token.end - 1]) else {
            return nil
        }
        let part = Amount(numerator).divided(by: denominator)
        if token.end - token.start == 1 {
            var reading = Reading(amount: part, next: index + 1)
            reading.fraction = true
            return reading
        }
        guard let whole = Self.plainValue(Lower(text.string(token.start, token.end - 1))), whole.exponent == 0 else { return nil }
        return withScale(Reading(amount: whole + part, next: index + 1))
    }
}
