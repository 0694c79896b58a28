/// Cuts a stretch of the article's scalars into tokens. Works on the scalar array directly
/// so that no Foundation or regex machinery runs in the hot path.
enum Tokenizer {
    /// The tokens of `start..<end` on their own, none of them quoted before an opening mark.
    static func tokens(_ text: ScalarText, from start: Int, to end: Int) -> [Token] {
        var tokens = [Token]()
        // News prose runs about one token to every four or five scalars; short sentences of
        // figures and punctuation run denser, and growing the array costs more than a spare slot.
        tokens.reserveCapacity((end - start) / 3 + 4)
        var inside = false
        append(text, from: start, to: end, into: &tokens, inside: &inside)
        return tokens
    }

    /// Appends the tokens of `start..<end` to `tokens`. `inside` says whether a quotation is
    /// open before the first token, and is left saying whether one is open after the last.
    @discardableResult
    static func append(
        _ text: ScalarText, from start: Int, to end: Int, into tokens: inout [Token], inside: inout Bool
    ) -> TokenSummary {
        // Filled in as the tokens are made, without a second pass over them.
        var summary = TokenSummary()
        // Read the global table once per sentence, not once per token.
        let table = WordFlags.lookup
        // The scans below stay within `start..<end`, which the caller clamps to the text.
        text.withBuffers { scalars, bytes, offsets in
            let end = min(end, scalars.count)
            var index = max(0, start)
            while index < end {
                let scalar = scalars[index]
                if isSpace(scalar) { index += 1; continue }
                let kind: Token.Kind
                var stop: Int
                var folded: ScalarText.Lowered?
                if isDigit(scalar) {
                    kind = .number
                    summary.hasNumber = true
                    stop = numberEnd(scalars, from: index, to: end)
                } else if scalar.value < 0x80, isLetter(scalar) {
                    kind = .word
                    var word = AsciiWord()
                    stop = word.scan(scalars, bytes, byte: offsets[index], from: index, to: end)
                    if stop < 0 {
                        stop = wordEnd(scalars, from: index, to: end)
                    } else if word.hasHyphen || stop - index > 2 && scalar.value &- 65 < 26
                                && (isDigit(scalars[index + 2]) || stop - index > 3 && isDigit(scalars[index + 3])),
                              let cut = numberCut(scalars, from: index, to: stop, hyphen: word.hasHyphen) {
                        // Asked here only for a hyphen or a capital before a digit: a call per word cost 1%.
                        // Folded again below, for the shorter word.
                        stop = cut
                    } else {
                        folded = word.lowered
                    }
                } else if isLetter(scalar) {
                    kind = .word
                    stop = wordEnd(scalars, from: index, to: end)
                } else if FigureLexicon.vulgarFraction(scalar) != nil {
                    // "½", "¾": a number of its own, which the reader takes as a fraction.
                    kind = .number
                    summary.hasNumber = true
                    stop = index + 1
                } else {
                    kind = self.kind(of: scalar, scalars, at: index, start: start, end: end)
                    stop = index + 1
                    if scalar == "\u{00A9}" || scalar == "/" { summary.hasCreditMark = true }
                }
                let lowered = folded ?? ScalarText.asciiLowered(bytes, from: offsets[index], to: offsets[stop])
                    ?? text.loweredBeyondASCII(index, stop)
                let capitalized = kind == .word && (scalar.isASCII ? scalar.value &- 65 < 26 : ScalarProperties.isUppercase(scalar))
                if kind == .openQuote { inside = true } else if kind == .closeQuote { inside = false }
                if kind == .word {
                    summary.words += 1
                    if capitalized { summary.capitalizedWords += 1 }
                    summary.hasHyphenatedWord = summary.hasHyphenatedWord || lowered.endings.contains(.hyphen)
                }
                // Flags for every token: a few lexicons hold punctuation ("#" is a label).
                let flags = table[lowered.lower] ?? []
                summary.flags.formUnion(flags)
                tokens.append(Token(
                    kind: kind, start: index, end: stop, lower: lowered.lower, capitalized: capitalized,
                    quoted: inside && kind != .openQuote && kind != .closeQuote,
                    flags: flags, first: scalar, endings: lowered.endings
                ))
                index = stop
            }
        }
        return summary
    }

    static func kind(of scalar: Unicode.Scalar, _ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, start: Int, end: Int) -> Token.Kind {
        switch scalar {
        // Single quotes are mostly apostrophes ("soldiers’ pay"): they never open a quotation.
        case "\u{201C}", "\u{00AB}": return .openQuote
        case "\u{201D}", "\u{00BB}": return .closeQuote
        case "\"":
            // A straight quote opens after a space or at the start, and closes otherwise.
            let before = index > start ? scalars[index - 1] : " "
            return isSpace(before) || before == "(" || before == "[" ? .openQuote : .closeQuote
        case "$", "£", "€", "¥", "₽", "₴", "₹", "₩", "₺", "₪", "₦", "₱", "₫", "฿", "₿", "¢", "%": return .symbol
        default: return .punctuation
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\u{00A0}" || scalar == "\r"
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    /// A letter, with an ASCII fast path: Unicode property lookups are slow.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 97 && (value | 0x20) <= 122 }
        // General Punctuation (curly quotes, dashes, ellipsis) holds no letter: skip the lookup.
        if value >= 0x2000 && value <= 0x206F { return false }
        return ScalarProperties.isAlphabetic(scalar)
    }

    /// A combining mark that belongs to the letter before it; General Punctuation holds none.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x80, value < 0x2000 || value > 0x206F else { return false }
        return ScalarProperties.isNonspacingMark(scalar)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

    /// A word runs over letters and digits, and over an apostrophe, hyphen or dot that has a
    /// letter or digit after it ("Kyiv's", "Ki-moon", "F-16", "U.S."). A dotted form keeps
    /// its final dot ("U.S.").
    static func wordEnd(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int) -> Int {
        var index = start + 1
        var dotted = false
        while index < end {
            let scalar = scalars[index]
            if isLetter(scalar) || isDigit(scalar) || isMark(scalar) {
                if index - start == 2 || index - start == 3, isDigit(scalar), isGluedCode(scalars, from: start, to: index) { break }
                index += 1
                continue
            }
            let joins = isApostrophe(scalar) || scalar == "-" || scalar == "\u{2011}" || scalar == "."
            guard joins, index + 1 < end else { break }
            let next = scalars[index + 1]
            guard isLetter(next) || isDigit(next) else { break }
            // "1.2 million-1.5 million": a scale word ends at a dash before digits, as a number does.
            if scalar == "-", isDigit(next), isScaleWord(scalars, from: start, to: index) { break }
            if scalar == "." {
                // Only single letters join by dots: "U.S.", "a.m." but not "end.Next".
                guard index - 1 >= start, index - 2 < start || !isLetter(scalars[index - 2]) else { break }
                dotted = true
            }
            index += 2
        }
        if dotted, index < end, scalars[index] == "." { index += 1 }
        return index
    }

    /// Where an ASCII word that `AsciiWord` scanned as `wordEnd` does must end before a number
    /// instead, as `wordEnd` itself ends it: a currency code glued to an amount ("EUR1.25m"), a
    /// scale word before a dash and digits ("million-1.5"). Nil for almost every word, on two
    /// comparisons: no capital before a digit, no hyphen.
    private static func numberCut(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int, hyphen: Bool) -> Int? {
        if end - start > 2, scalars[start].value &- 65 < 26 {
            for length in 2...3 where start + length < end && isDigit(scalars[start + length]) {
                if isGluedCode(scalars, from: start, to: start + length) { return start + length }
            }
        }
        guard hyphen else { return nil }
        var index = start + 1
        while index + 1 < end {
            if scalars[index] == "-", isDigit(scalars[index + 1]) {
                return isScaleWord(scalars, from: start, to: index) ? index : nil
            }
            index += 1
        }
        return nil
    }

    /// The word is a scale word ("million", "bn"), in any case. Asked only at a dash before
    /// digits inside a word, which few words have.
    static func isScaleWord(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int) -> Bool {
        guard end - start >= 2, end - start <= 8 else { return false }
        var word = ""
        for index in start..<end {
            let value = scalars[index].value
            guard value < 0x80 else { return false }
            word.unicodeScalars.append(Unicode.Scalar(UInt8(value | 0x20)))
        }
        return FigureLexicon.scales[word] != nil
    }

    /// A currency code before an amount: three capitals ("USD1.5m", "EUR250,000") or "Rs"
    /// ("Rs500"). The amount must look like money (grouped, with decimals or a scale, or three
    /// digits or more that are no year): "COP26" and "G20" are names.
    static func isGluedCode(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int) -> Bool {
        guard looksLikeAmount(scalars, at: end) else { return false }
        if end - start == 2 { return scalars[start] == "R" && scalars[start + 1] == "s" }
        guard end - start == 3 else { return false }
        var code = ""
        for index in start..<end {
            let value = scalars[index].value
            guard value &- 65 < 26 else { return false }
            code.unicodeScalars.append(Unicode.Scalar(UInt8(value | 0x20)))
        }
        return FigureLexicon.isoCodes.contains(code)
    }

    /// The digits at `start` are grouped, have decimals or a scale letter, or are three digits or
    /// more that are not four (a year).
    private static func looksLikeAmount(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at start: Int) -> Bool {
        var index = start
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        let digits = index - start
        guard index < scalars.count else { return digits >= 3 && digits != 4 }
        let after = scalars[index]
        if (after == "," || after == "."), index + 1 < scalars.count, isDigit(scalars[index + 1]) { return true }
        if after == "m" || after == "k" || after == "b" { return true }
        return digits >= 3 && digits != 4
    }

    /// A number runs over digits, a comma or dot followed by a digit, and letters glued to
    /// its end ("3.5bn", "157th", "12k"); a hyphen and word glued on ("2-year") stays part of it.
    static func numberEnd(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int) -> Int {
        var index = start + 1
        while index < end {
            let scalar = scalars[index]
            if isDigit(scalar) { index += 1; continue }
            if (scalar == "," || scalar == "."), index + 1 < end, isDigit(scalars[index + 1]) { index += 2; continue }
            break
        }
        // "3½": a whole number and a vulgar fraction are one mixed number.
        if index < end, FigureLexicon.vulgarFraction(scalars[index]) != nil { index += 1 }
        while index < end, isLetter(scalars[index]) { index += 1 }
        if index + 1 < end, scalars[index] == "-" || scalars[index] == ":",
           isLetter(scalars[index + 1]) || isDigit(scalars[index + 1]) {
            if scalars[index] == ":" {
                index = numberEnd(scalars, from: index + 1, to: end)
            } else if isDigit(scalars[index + 1]) {
                // A second number keeps its own commas ("2,000-3,000" is one range, not "2,000-3"
                // and ",000"), and a name keeps its dots ("50-7593157.jpeg").
                index = max(numberEnd(scalars, from: index + 1, to: end), wordEnd(scalars, from: index + 1, to: end))
            } else {
                index = wordEnd(scalars, from: index + 1, to: end)
            }
        }
        return index
    }
}
