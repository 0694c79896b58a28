/// Thousands grouped by a space ("1 500", "7 000 000") or by a dot ("4.000 passengers",
/// "1.500.000"), as much of Europe writes them.
extension NumberReader {
    /// Words after "1.500" that make the dot a decimal point whatever the digits: a measure
    /// keeps its decimals ("1.500 metres" in a race report is a time or a length to the
    /// millimetre), and a share or a score never counts thousands.
    private static let decimalContext: Set<String> = [
        "metres", "meters", "kilometres", "kilometers", "miles", "seconds", "points", "grams", "kilograms",
        "tonnes", "tons", "litres", "liters", "inches", "feet", "yards", "degrees", "carats", "ounces",
        "percent", "goals", "runs", "times",
    ]
    private static let decimalContextValues = LowerTable(Dictionary(uniqueKeysWithValues: decimalContext.map { ($0, true) }))

    /// "1 500", "7 000 000": up to three digits, then groups of exactly three, each after one
    /// space (or a no-break or thin space). Not after a month ("March 3 200 protesters" is a
    /// date and a count) or another number, and not when a further number is glued on by a
    /// space (a list or a score).
    func readSpaceGrouped(at index: Int, _ amount: Amount) -> Reading? {
        guard amount.exponent == 0, Self.digitCount(tokens[index].lower) != nil, tokens[index].lower.count <= 3 else { return nil }
        var value = Int64(amount.value)
        var position = index + 1
        while position < tokens.count, tokens[position].kind == .number, tokens[position].lower.count == 3,
              Self.digitCount(tokens[position].lower) == 3, isGroupSpace(before: position), value < 1_000_000_000_000 {
            value = value * 1000 + Int64(NumberReader.plainValue(tokens[position].lower)?.value ?? 0)
            position += 1
        }
        guard position > index + 1 else { return nil }
        if position < tokens.count, tokens[position].kind == .number, isGroupSpace(before: position) { return nil }
        if index > 0, tokens[index - 1].kind == .number || tokens[index - 1].flags.contains(.month) { return nil }
        return withScale(Reading(amount: Amount(value), next: position))
    }

    /// "4.000 passengers", "1.500 euros", "1.500.000": a dot followed by exactly three digits
    /// groups thousands when there are two such dots, or when the three digits end in a zero
    /// (an English decimal drops it: 1.5, not 1.500) and a currency or a counted plural
    /// follows, no measure, share or score.
    func readDotGrouped(at index: Int) -> Reading? {
        let lower = tokens[index].lower
        guard !lower.isLong, lower.count >= 5 else { return nil }
        var groups: [Int64] = [0]
        var groupLength = 0
        var lengths: [Int] = []
        for position in 0..<lower.count {
            let byte = lower.byte(position)
            if byte == 0x2E {
                guard groupLength > 0 else { return nil }
                lengths.append(groupLength)
                groups.append(0)
                groupLength = 0
            } else if byte >= 0x30, byte <= 0x39 {
                groups[groups.count - 1] = groups[groups.count - 1] * 10 + Int64(byte - 0x30)
                groupLength += 1
            } else {
                return nil
            }
        }
        lengths.append(groupLength)
        guard groups.count >= 2, lengths[0] <= 3, lengths.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        if groups.count == 2 {
            guard lower.byte(lower.count - 1) == 0x30, index + 1 < tokens.count else { return nil }
            let following = tokens[index + 1]
            guard following.kind == .word, Self.decimalContextValues[following.lower] == nil,
                  following.flags.isDisjoint(with: [.percentWord, .duration, .rateUnit, .month]) else { return nil }
            let plural = following.flags.contains(.irregularPlural)
                || following.lower.count > 3 && following.lower.byte(following.lower.count - 1) == 0x73
            guard following.flags.contains(.currencyWord) || plural && !following.capitalized else { return nil }
        }
        let value = groups.reduce(Int64(0)) { $0 * 1000 + $1 }
        return withScale(Reading(amount: Amount(value), next: index + 1))
    }

    private func isGroupSpace(before position: Int) -> Bool {
        guard tokens[position].start == tokens[position - 1].end + 1 else { return false }
        let gap = text.scalars[tokens[position].start - 1]
        return gap == " " || gap == "\u{A0}" || gap == "\u{202F}" || gap == "\u{2009}"
    }

    /// The number of bytes when all are digits, else nil.
    private static func digitCount(_ lower: Lower) -> Int? {
        guard !lower.isLong, lower.count > 0 else { return nil }
        for position in 0..<lower.count where lower.byte(position) < 0x30 || lower.byte(position) > 0x39 { return nil }
        return lower.count
    }
}
