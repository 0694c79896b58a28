/// The words around a number that bound it, name what it counts, or rule it out.
extension FigureFinder {
    /// The bound phrase that ends right before `index`, skipping quotation marks.
    func boundPhrase(before index: Int) -> (Int, Figure.Bound)? {
        var end = index
        while end > 0, tokens[end - 1].isQuote { end -= 1 }
        guard end > 0, tokens[end - 1].kind == .word, tokens[end - 1].flags.contains(.boundWord),
              let phrases = FigureLexicon.boundPhrasesByLast[tokens[end - 1].lower] else { return nil }
        for phrase in phrases where phrase.words.count <= end {
            let first = end - phrase.words.count
            guard matches(phrase, at: first) else { continue }
            // "went up to 25", "has crept up to 40": a value reached, not a ceiling.
            if first > 0, tokens[first].lower == "up", phrase.words.count == 2, FigureLexicon.motionVerbs[tokens[first - 1].lower] != nil {
                return nil
            }
            return (first, phrase.bound)
        }
        return nil
    }

    /// Whether the phrase's words stand at `start`.
    func matches(_ phrase: FigureLexicon.BoundPhrase, at start: Int) -> Bool {
        guard start >= 0, start + phrase.words.count <= tokens.count else { return false }
        for offset in 0..<phrase.words.count where tokens[start + offset].lower != phrase.words[offset] { return false }
        return true
    }

    /// The noun phrase a count counts: up to five words after the number, through "of".
    func countedPhrase(from start: Int) -> Range<Int> {
        var begin = start
        while begin < tokens.count, tokens[begin].lower == "of" { begin += 1 }
        let start = begin
        var end = start
        var position = start
        while position < tokens.count, position - start < 6 {
            let token = tokens[position]
            guard token.kind == .word || (token.kind == .number && position > start) else { break }
            let word = token.lower
            if word == "of", position == start || position + 1 < tokens.count && tokens[position + 1].lower != "the" {
                // "thousands of soldiers", "a group of six": run on through "of".
                position += 1
                continue
            }
            if token.flags.contains(.countedStop) || token.flags.contains(.cue) && end > start { break }
            // "up from 205,000 three years earlier": a duration is no part of what is counted.
            if token.kind == .number || token.flags.contains(.unit), position + 1 < tokens.count,
               tokens[position + 1].flags.contains(.duration) {
                break
            }
            if end > start, !token.capitalized, token.endings.contains(.ing) || token.endings.contains(.ed) { break }
            position += 1
            end = position
            // A plural noun heads the phrase: "families" in "families lost their farms".
            let plural = token.endsAsPlural && !token.capitalized
            if plural || token.flags.contains(.irregularPlural) {
                if position < tokens.count, tokens[position].lower == "of", position + 1 < tokens.count, !tokens[position + 1].capitalized {
                    continue
                }
                break
            }
        }
        return start..<end
    }

    /// The noun a count refers back to, when nothing after it says what it counts: a toll
    /// ("put the toll at 19", "the death toll rose to 31") or the number of something ("the
    /// number of evacuees reached 4,000"). Only linking words may stand between the noun and
    /// the figure ("the toll road earns 300" names no toll); empty when there is none.
    func countedNoun(before index: Int) -> Range<Int> {
        var position = index - 1
        while position >= 0, index - position <= 6, tokens[position].kind == .word, Self.isLinking(tokens[position]) {
            position -= 1
        }
        guard position >= 0, position < index - 1, tokens[position].kind == .word else { return index..<index }
        let noun = tokens[position]
        if noun.lower == "toll" || noun.lower == "tolls" {
            // "death toll", "civilian toll": the word before says whose toll.
            let before = position - 1
            if before >= 0, tokens[before].kind == .word, !tokens[before].capitalized,
               !tokens[before].flags.contains(.determiner), !tokens[before].flags.contains(.cue) {
                return before..<(position + 1)
            }
            return position..<(position + 1)
        }
        // "the number of evacuees": a plural head whose phrase opens right after "number of".
        guard noun.endsAsPlural || noun.flags.contains(.irregularPlural) else { return index..<index }
        for of in stride(from: position - 1, through: max(1, position - 4), by: -1)
        where tokens[of].lower == "of" && tokens[of - 1].lower == "number" {
            let phrase = countedPhrase(from: of + 1)
            return phrase.upperBound == position + 1 ? phrase : index..<index
        }
        return index..<index
    }

    /// Words that link a noun to its figure: "stood at", "rose to", "has reached", "was".
    static func isLinking(_ token: Token) -> Bool {
        if token.flags.contains(.beForm) || token.endings.contains(.ed) { return true }
        switch token.lower {
        case "at", "to", "of", "by", "past", "now", "already", "officially", "has", "had", "have",
             "stood", "stands", "rose", "risen", "rises", "hit", "grew", "put", "near", "nearing":
            return true
        default:
            return false
        }
    }

    /// Years, dates, clock times, durations, ages, unit names and labels are not figures.
    /// `high` is the upper end when the figure is a range of two numbers.
    func isExcluded(numberAt index: Int, first: Int, next: Int, reading: NumberReader.Reading, unit: String?, high: Amount? = nil) -> Bool {
        let token = tokens[index]
        let previous = first > 0 ? tokens[first - 1] : nil
        let following = next < tokens.count ? tokens[next] : nil
        if let following, following.kind == .word {
            // "10 days" says when or how long, no amount of anything, and "flights of 2 to 3
            // hours" a kind of thing; "the strike lasted 10 to 14 days" is an estimate of a
            // length, which sources give and dispute like any count.
            if following.flags.contains(.duration), high == nil || !followsVerbOfLength(first) { return true }
            if following.flags.contains(.month), token.kind == .number, reading.value <= 31 { return true }
            if following.capitalized, following.flags.contains(.unitName) { return true }
            if following.endings.contains(.hyphen), Self.isDurationCompound(text.lower(of: following)) { return true }
        }
        if let previous, previous.kind == .word {
            let flags = previous.flags
            if flags.contains(.month), token.kind == .number { return true }
            if flags.contains(.label) { return true }
            // "Article 5", "Flight 17": a capitalized word glued to a number names a thing.
            if previous.capitalized, unit == nil, token.kind == .number, boundPhrase(before: first) == nil,
               flags.isDisjoint(with: [.currencyWord, .countedStop, .determiner, .rangeOpener]) {
                return true
            }
        }
        if let previous, previous.isPunctuation("#") || previous.isPunctuation("/") { return true }
        if let previous, previous.isPunctuation("."), first >= 2, tokens[first - 2].flags.contains(.label) { return true }
        if token.kind == .number, unit == nil, !reading.scaled {
            // A bare four-digit number between 1500 and 2100 is a year, and two of them joined
            // by a dash ("the 2010-2015 period") a span of years.
            if !token.lower.contains(0x2C), !token.lower.contains(0x2E), reading.next == index + 1, reading.value >= 1500, reading.value <= 2100,
               reading.high.map({ $0.value >= 1500 && $0.value <= 2100 }) ?? true, boundPhrase(before: first) == nil,
               !isCountBeforeNoun(reading.value, high: high?.value, previous: previous, following: following) {
                return true
            }
        }
        if token.kind == .number, unit == nil, !reading.scaled, reading.high == nil {
            // ", 40," after a name: an age.
            if let previous, previous.isPunctuation(","), following.map({ $0.isBreak }) ?? true, reading.value < 120 {
                return true
            }
        }
        if token.kind == .word, token.lower == "one" || token.lower == "ten" && next < tokens.count && tokens[next].lower == "of",
           reading.next == index + 1, next == reading.next, !reading.scaled, unit == nil, boundPhrase(before: first) == nil {
            // "one" is almost always a determiner or pronoun ("one soldier said"); "one to
            // three" is a range.
            return true
        }
        if token.kind == .word, token.lower == "zero", next == reading.next { return true }
        return false
    }

    /// The words before the number at `first`, past "between" or "for", are a verb that
    /// takes a length of time: "lasted", "took", "runs for".
    private func followsVerbOfLength(_ first: Int) -> Bool {
        var position = first - 1
        while position >= 0, tokens[position].lower == "between" || tokens[position].lower == "for"
                || tokens[position].lower == "from" || tokens[position].lower == "about" {
            position -= 1
        }
        guard position >= 0 else { return false }
        switch tokens[position].lower {
        case "last", "lasts", "lasted", "lasting", "take", "takes", "took", "taking", "taken", "run", "runs", "ran",
             "running", "spend", "spends", "spent", "spending", "span", "spans", "spanned":
            return true
        default:
            return false
        }
    }

    /// "held 1500 people", "between 1500 and 2000 people": a number in the years' span is a
    /// count when a plural noun follows it straight away, the number is round (a multiple of
    /// 50, where years in prose mostly are not: "between 2010 and 2015 prices rose") or the
    /// noun is a plural of people ("men", "troops"), and no preposition or determiner before
    /// it makes it a date or a name ("in 1900 settlers", "the 2000 elections").
    private func isCountBeforeNoun(_ value: Double, high: Double?, previous: Token?, following: Token?) -> Bool {
        guard let following, following.kind == .word, !following.capitalized,
              following.flags.isDisjoint(with: [.duration, .month, .weekday, .countedStop, .determiner, .unitName]) else { return false }
        let people = following.flags.contains(.irregularPlural)
        guard people || following.lower.count > 3 && following.lower.byte(following.lower.count - 1) == 0x73 else { return false }
        guard let previous, previous.kind == .word, !previous.capitalized || previous.lower == "between" else { return false }
        if previous.lower != "between" && !previous.flags.isDisjoint(with: [.countedStop, .determiner, .month]) { return false }
        let round = value.truncatingRemainder(dividingBy: 50) == 0 && (high.map { $0.truncatingRemainder(dividingBy: 50) == 0 } ?? true)
        return people || round
    }

    static func isDurationCompound(_ word: String) -> Bool {
        word.hasPrefix("year-") || word.hasPrefix("day-") || word.hasPrefix("month-") || word.hasPrefix("week-")
    }
}
