/// The phrase scanners: sources before and after a cue, and where the content lies.
extension AttributionFinder {
    /// The token before `index` once adverbs, auxiliaries and time phrases are stepped over.
    func skipAdverbs(before index: Int) -> Int {
        var position = index - 1
        // "Rep. Gwen Moore (D-Wis.) said": step over a parenthesis.
        if position >= 0, tokens[position].isPunctuation(")") {
            var open = position - 1
            while open >= 0, index - open < 12, !tokens[open].isPunctuation("(") { open -= 1 }
            if open >= 0, tokens[open].isPunctuation("(") { position = open - 1 }
        }
        while position >= 0, tokens[position].kind == .word {
            let word = tokens[position].lower
            let flags = tokens[position].flags
            if flags.contains(.auxiliary) || (!tokens[position].capitalized && tokens[position].endings.contains(.ly) && word.count > 4) {
                position -= 1
            } else if position > 0, flags.contains(.weekday) || word == "week" || word == "month" || word == "year",
                      Self.isTimeOpener(tokens[position - 1].lower) {
                position -= 2
            } else {
                break
            }
        }
        return position
    }

    static func isTimeOpener(_ word: Lower) -> Bool { word == "on" || word == "last" || word == "this" || word == "earlier" }

    func pronoun(at index: Int) -> Lower? {
        let word = tokens[index].lower
        return tokens[index].flags.contains(.pronoun) && word != "who" ? word : nil
    }

    /// The source whose phrase ends at `index`: a pronoun, a name, or a name before an
    /// appositive ("Ban Ki-moon, the secretary general, said").
    func subject(endingAt index: Int) -> Attribution.Source? {
        guard index >= 0 else { return nil }
        let token = tokens[index]
        if token.kind == .word, token.lower == "who" || token.lower == "which" {
            var before = index - 1
            if before >= 0, tokens[before].isPunctuation(",") { before -= 1 }
            let phrase = subjectPhrase(endingAt: before)
            return phrase.isEmpty ? nil : .phrase(phrase)
        }
        if token.kind == .word, let pronoun = pronoun(at: index) { return .pronoun(pronoun) }
        if token.isPunctuation(",") {
            var comma = index - 1
            while comma >= 0, index - comma < 16, !tokens[comma].isPunctuation(","), !tokens[comma].isQuote { comma -= 1 }
            guard comma > 0, comma + 1 < index, tokens[comma].isPunctuation(",") else { return nil }
            let first = tokens[comma + 1]
            // "The state's campaign chairman, Phil Lovas, said": the name between the commas.
            if index - comma <= 5, tokens[(comma + 1)..<index].allSatisfy({ $0.capitalized }) {
                return .phrase((comma + 1)..<index)
            }
            guard first.kind == .number || (first.kind == .word && !first.capitalized) else { return nil }
            let phrase = subjectPhrase(endingAt: comma - 1)
            guard !phrase.isEmpty, isSourceLike(phrase) else { return nil }
            return .phrase(phrase)
        }
        guard token.kind == .word || token.kind == .number else { return nil }
        let phrase = subjectPhrase(endingAt: index)
        guard !phrase.isEmpty, isSourceLike(phrase) else { return nil }
        return .phrase(phrase)
    }

    /// A noun phrase read backwards from `end`.
    func subjectPhrase(endingAt end: Int) -> Range<Int> {
        guard end >= 0, end < tokens.count, tokens[end].kind == .word else { return end..<end }
        var start = end + 1
        var position = end
        while position >= 0, end - position < 10 {
            let token = tokens[position]
            if token.kind == .number { start = position; position -= 1; continue }
            if position < end, isPluralPossessive(position) { start = position; position -= 1; continue }
            guard token.kind == .word, !tokens[position].quoted else { break }
            let word = token.lower
            let flags = token.flags
            let joinsNames = position < end && tokens[position + 1].capitalized && position > 0 && tokens[position - 1].capitalized
            if flags.contains(.innerPreposition) {
                guard position < end, tokens[position + 1].capitalized || tokens[position + 1].lower == "the" else { break }
            } else if (word == "and" || word == "&") && joinsNames {
                // "National Security and Defense Council"
            } else if flags.contains(.phraseStop) || (position < end && flags.contains(.pronoun)) {
                break
            } else if position < end, !token.capitalized, flags.contains(.cue) || flags.contains(.weakCue) {
                break
            }
            start = position
            position -= 1
        }
        while start <= end, tokens[start].kind == .word,
              tokens[start].flags.contains(.innerPreposition) || tokens[start].flags.contains(.weekday) {
            start += 1
        }
        return start..<(end + 1)
    }

    /// A noun phrase read forwards from `start`: "two U.S. officials", "Viktor Kovalenko".
    func nounPhrase(after start: Int) -> Range<Int> {
        var end = start
        var position = start
        while position < tokens.count, position - start < 10 {
            let token = tokens[position]
            if token.kind == .number { position += 1; end = position; continue }
            if end > start, position + 1 < tokens.count, isPluralPossessive(position) { position += 1; continue }
            guard token.kind == .word else { break }
            let word = token.lower
            let flags = token.flags
            if flags.contains(.innerPreposition) {
                guard end > start, position + 1 < tokens.count,
                      tokens[position + 1].capitalized || (tokens[position + 1].lower == "the" && position + 2 < tokens.count && tokens[position + 2].capitalized)
                else { break }
                position += 1
                continue
            }
            if word == "and", end > start, tokens[position - 1].capitalized, position + 1 < tokens.count, tokens[position + 1].capitalized {
                position += 1
                continue
            }
            if flags.contains(.phraseStop) || flags.contains(.weekday) || word == "familiar" || word == "speaking" || word == "citing" { break }
            if end > start, !token.capitalized, flags.contains(.cue) { break }
            position += 1
            end = position
        }
        return start..<end
    }

    /// The apostrophe of a plural possessive inside a phrase ("the insurers’ association"):
    /// glued to a word ending in s, with a space and a word after it.
    func isPluralPossessive(_ index: Int) -> Bool {
        guard index > 0, index + 1 < tokens.count, tokens[index].kind == .punctuation,
              tokens[index].first == "'" || tokens[index].first == "\u{2019}" else { return false }
        let before = tokens[index - 1], after = tokens[index + 1]
        return before.kind == .word && before.end == tokens[index].start && before.endings.contains(.s)
            && after.kind == .word && after.start > tokens[index].end
    }

    /// A phrase can be a source when it ends in a name, or in a noun that names people or
    /// bodies, or in any noun after a determiner ("the campaign"); adjectives cannot
    /// ("derogatory comments" is no source saying "comments").
    func isSourceLike(_ phrase: Range<Int>) -> Bool {
        let head = tokens[phrase.upperBound - 1]
        if head.capitalized { return true }
        let flags = head.flags
        guard head.kind == .word, !flags.contains(.unit), !flags.contains(.duration) else { return false }
        if !flags.isDisjoint(with: [.anonymousHead, .organizationWord, .governmentWord, .mediaWord]) {
            return true
        }
        var determined = false
        for position in phrase.lowerBound..<(phrase.upperBound - 1) {
            let token = tokens[position]
            if token.capitalized || token.kind == .number || token.flags.contains(.determiner) || token.endings.contains(.possessive) {
                determined = true
                break
            }
        }
        if head.endings.contains(.ly) || head.endings.contains(.hyphen) || !determined && Endings.endsLikeAdjective(text.lower(of: head)) {
            return false
        }
        if head.endings.contains(.s), !head.endings.contains(.ss), phrase.count <= 3 { return true }  // "critics", "polls"
        return determined
    }

    /// A singular name does not take a bare verb: "a Donald Trump tweet" is no cue, while
    /// "officials say", "they say" and "Trump will say" are.
    func isAgreeing(_ source: Attribution.Source, cue index: Int, adjacent: Bool) -> Bool {
        let cue = tokens[index]
        guard adjacent, case .phrase(let phrase) = source, cue.flags.contains(.cue) || cue.flags.contains(.weakCue),
              cue.endings.isDisjoint(with: [.s, .ed, .ing]), !cue.flags.contains(.irregularPast)
        else { return true }
        let head = tokens[phrase.upperBound - 1]
        let plural = head.endings.contains(.s) && !head.endings.contains(.possessive) || tokens[phrase].contains { $0.lower == "and" || $0.lower == "&" }
        return plural || !head.capitalized && head.lower != "people" ? true : false
    }

    /// Past the listener of "told the broadcaster", or `cueEnd` for other cues.
    func listenerEnd(_ cue: Int, _ cueEnd: Int) -> Int {
        tokens[cue].flags.contains(.listenerCue) ? nounPhrase(after: cueEnd).upperBound : cueEnd
    }

    /// Only a time phrase or the listener follows `index`: the content came before the cue.
    func isTrailing(_ index: Int) -> Bool {
        var words = 0
        for position in index..<tokens.count where tokens[position].kind == .word || tokens[position].kind == .number {
            if position == index, tokens[position].lower == "that" { return false }
            words += 1
        }
        guard words > 0 else { return true }
        guard words <= 6, index < tokens.count else { return false }
        let first = tokens[index]
        return first.isBreak || first.capitalized || first.flags.contains(.cueAdjunct) || first.lower == "to"
    }

    /// The content of a cue-and-source stretch: the clause before it, or else after it.
    func content(around stretch: Range<Int>) -> Range<Int> {
        var wordsBefore = 0
        for position in 0..<stretch.lowerBound where tokens[position].kind == .word || tokens[position].kind == .number {
            wordsBefore += 1
            if wordsBefore >= 2 { return 0..<stretch.lowerBound }
        }
        var start = stretch.upperBound
        while start < tokens.count, tokens[start].isPunctuation(",") { start += 1 }
        return start..<tokens.count
    }

    /// Where the content starts after a cue: past the listener ("told Reuters"), "that",
    /// time words and a colon.
    func contentStart(after cueEnd: Int, listener: Bool) -> Int {
        var position = cueEnd
        if listener {
            let phrase = nounPhrase(after: position)
            position = phrase.upperBound
        }
        while position < tokens.count {
            let token = tokens[position]
            if token.kind == .punctuation || token.lower == "that" || token.flags.contains(.weekday) {
                position += 1
            } else if token.lower == "on", position + 1 < tokens.count, tokens[position + 1].flags.contains(.weekday) {
                position += 2
            } else {
                break
            }
        }
        return min(position, tokens.count)
    }

    /// A negation among the first words of the content, or a word that calls it false.
    func isNegated(_ content: Range<Int>, within count: Int) -> Bool {
        var words = 0
        for position in content {
            let token = tokens[position]
            if token.flags.contains(.denialWord) { return true }
            guard token.kind == .word else { continue }
            words += 1
            if words <= count, token.flags.contains(.negation) || token.endings.contains(.negated) { return true }
        }
        return false
    }

    /// Clips each content of `found[first...]` where a later relation's source or cue
    /// begins in it; the last such relation sets the clip.
    func clipContents(_ found: inout [Attribution], from first: Int) {
        for index in first..<found.count {
            let content = found[index].content
            for later in (index + 1)..<found.count {
                var begin = found[later].cue.lowerBound
                if case .phrase(let phrase) = found[later].source, phrase.lowerBound < begin { begin = phrase.lowerBound }
                if content.contains(begin), content.lowerBound < begin {
                    found[index].content = content.lowerBound..<begin
                }
            }
        }
    }
}
