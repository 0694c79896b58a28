/// Finds the reporting relations in one sentence: "X said (that) …", "…, X said.",
/// "…,” said X.", "X told Y that …", "according to X", "X: “…”", gerund cues hanging on
/// the clause before them, and stance verbs with a named subject.
struct AttributionFinder {
    let tokens: SentenceTokens
    /// Where the sentence stands: speaker labels only open a headline or a paragraph.
    let opening: Opening
    let text: ScalarText

    enum Opening { case headline, paragraph, none }

    init(tokens: SentenceTokens, opening: Opening, text: ScalarText) {
        self.tokens = tokens
        self.opening = opening
        self.text = text
    }

    func isDash(_ token: Token) -> Bool {
        token.isPunctuation("\u{2015}") || token.isPunctuation("\u{2014}") || token.isPunctuation("\u{2013}")
    }

    /// Appends the sentence's relations to `found`, the article's, and returns where they
    /// are: one array for the whole article, since a sentence's own array of one relation
    /// cost an allocation for most sentences.
    func attributions(into found: inout [Attribution]) -> Range<Int> {
        let first = found.count
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            let token = tokens[index]
            let candidate = token.kind == .word
                ? !token.flags.isDisjoint(with: [.cue, .weakCue, .particleCue, .according])
                : token.isPunctuation(":") || isDash(token)
            guard candidate else { continue }
            // A transcript's paragraph may open with a quotation mark before its speaker label.
            let labelled = token.quoted && index <= 4 && token.isPunctuation(":") ? labelAttribution(at: index) : nil
            guard !token.quoted || labelled != nil else { continue }
            if let attribution = labelled ?? attribution(at: index, earlier: found.count - first) {
                found.append(attribution)
                index = attribution.cue.upperBound - 1
            }
        }
        clipContents(&found, from: first)
        return first..<found.count
    }

    /// The relation whose cue is at `index`; `earlier` relations were found before it in
    /// this sentence.
    private func attribution(at index: Int, earlier: Int) -> Attribution? {
        let word = tokens[index].lower
        if word == "according", index + 1 < tokens.count, tokens[index + 1].lower == "to" {
            let phrase = nounPhrase(after: index + 2)
            guard !phrase.isEmpty else { return nil }
            return Attribution(cue: index..<(index + 2), source: .phrase(phrase), content: content(around: index..<phrase.upperBound), denies: false)
        }
        if tokens[index].isPunctuation(":") { return colonAttribution(at: index) ?? labelAttribution(at: index) }
        if tokens[index].kind == .punctuation { return dashCredit(at: index) }
        var cueEnd = index + 1
        let flags = tokens[index].flags
        let strong = flags.contains(.cue) || flags.contains(.particleCue)
        if flags.contains(.particleCue), let particles = CueLexicon.particles[word.string] {
            // "made public", "pointed out", "expressed his belief"
            var look = index + 1
            if look < tokens.count, ["his", "her", "their", "its", "the"].contains(tokens[look].lower) { look += 1 }
            let closer = CueLexicon.particleClosers[word.string]
            // "put the death toll at": one word may say whose toll.
            if closer != nil, look + 1 < tokens.count, tokens[look].kind == .word, !particles.contains(tokens[look].lower.string),
               particles.contains(tokens[look + 1].lower.string) {
                look += 1
            }
            guard look < tokens.count, particles.contains(tokens[look].lower.string) else { return nil }
            if let closer {
                guard look + 1 < tokens.count, closesEstimate(from: look + 1, with: closer) else { return nil }
            }
            cueEnd = look + 1
        } else if !strong, !flags.contains(.weakCue) {
            return nil
        }
        guard !tokens[index].capitalized || index == 0 || tokens[index - 1].isBreak else { return nil }
        if index > 0 {
            let previous = tokens[index - 1]
            if previous.lower == "to" || previous.flags.contains(.determiner) || previous.lower == "the" { return nil }
        }
        if index + 1 < tokens.count, tokens[index + 1].lower == "by", tokens[index].endings.contains(.ed) || word == "told" {
            return passiveAttribution(at: index)
        }
        var denies = flags.contains(.denial)
        let cue = index..<cueEnd

        var before = skipAdverbs(before: index)
        var progressive = false
        if before >= 0, tokens[before].flags.contains(.beForm) {
            // "is calling", "was warning": progressive, active; "is believed to": passive.
            guard tokens[index].endings.contains(.ing) else { return nil }
            before = skipAdverbs(before: before)
            progressive = true
        }
        if before >= 0, tokens[before].lower == "and" || tokens[before].lower == "but" {
            guard strong, earlier > 0 else { return nil }
            return Attribution(cue: cue, source: .sameAs(earlier - 1), content: cueEnd..<tokens.count, denies: denies)
        }
        if tokens[index].endings.contains(.ing), flags.contains(.cue), !progressive {
            // "with officials stating that …": a subject right before the gerund.
            if before >= 0, case .phrase(let phrase)? = subject(endingAt: before), phrase.lowerBound > 0,
               tokens[phrase.lowerBound - 1].lower == "with" {
                return Attribution(cue: cue, source: .phrase(phrase), content: contentStart(after: cueEnd, listener: false)..<tokens.count, denies: denies)
            }
            // "…, saying that …": the clause's subject speaks.
            guard strong, before >= 0, tokens[before].isPunctuation(",") else { return nil }
            if earlier > 0 {
                return Attribution(cue: cue, source: .sameAs(earlier - 1), content: cueEnd..<tokens.count, denies: denies)
            }
            let subject = nounPhrase(after: 0)
            guard !subject.isEmpty, subject.upperBound < before, isSourceLike(subject) else { return nil }
            return Attribution(cue: cue, source: .phrase(subject), content: cueEnd..<tokens.count, denies: denies)
        }
        var source: Attribution.Source?
        var inverted = false
        if let subject = subject(endingAt: before), isAgreeing(subject, cue: index, adjacent: before == index - 1) {
            source = subject
        } else if flags.contains(.invertible), before < 0 || tokens[before].isBreak {
            // Inverted: "…,” said Kovalenko." / "wrote Kukushkin on his channel".
            let phrase = nounPhrase(after: cueEnd)
            if !phrase.isEmpty, tokens[phrase.lowerBound].capitalized || tokens[phrase.lowerBound].flags.contains(.determiner)
                || tokens[phrase.lowerBound].kind == .number || tokens[phrase.lowerBound].flags.contains(.unit) {
                source = .phrase(phrase)
                inverted = true
            } else if phrase.count == 1, let pronoun = pronoun(at: phrase.lowerBound) {
                source = .pronoun(pronoun)
                inverted = true
            }
        }
        guard let source else { return nil }
        if !strong {
            // Stance verbs only with a named subject right before them.
            guard case .phrase(let range) = source, tokens[range.upperBound - 1].capitalized else { return nil }
        }
        if case .pronoun(let pronoun) = source, pronoun == "it", !["said", "says", "stated", "added", "reported", "announced", "claimed", "denied", "wrote"].contains(word) {
            return nil
        }
        if case .phrase(let phrase) = source, !inverted, isTrailing(listenerEnd(index, cueEnd)), phrase.lowerBound > 0,
           !tokens[phrase.lowerBound - 1].isBreak {
            // "verifying the Ukrainian claims.": a noun, not a cue; a trailing cue follows a comma or quote.
            return nil
        }
        var contentRange = cueEnd..<tokens.count
        if inverted, case .phrase(let phrase) = source {
            contentRange = content(around: index..<phrase.upperBound)
        } else if case .phrase(let phrase) = source, isTrailing(listenerEnd(index, cueEnd)) {
            contentRange = content(around: phrase.lowerBound..<cueEnd)
        } else if case .pronoun = source, isTrailing(listenerEnd(index, cueEnd)) {
            contentRange = content(around: max(0, before)..<cueEnd)
        } else {
            contentRange = contentStart(after: cueEnd, listener: flags.contains(.listenerCue))..<tokens.count
        }
        if !denies, flags.contains(.insistence) || word == "called" || word == "calls" || word == "described" {
            denies = isNegated(contentRange, within: word == "called" || word == "described" ? 12 : 5)
        }
        return Attribution(cue: cue, source: source, content: contentRange, denies: denies, weak: !strong)
    }

    /// "Rudenko: “…”" — a short name before a colon that opens a quotation.
    /// "― Sonya Herridge" after a closing quotation: the quotation's speaker.
    private func dashCredit(at index: Int) -> Attribution? {
        guard index > 0, tokens[index - 1].kind == .closeQuote || tokens[index - 1].isPunctuation("."), index + 1 < tokens.count else { return nil }
        let phrase = nounPhrase(after: index + 1)
        guard !phrase.isEmpty, phrase.count <= 5, tokens[phrase.lowerBound].capitalized,
              tokens[phrase.upperBound...].allSatisfy({ $0.kind == .punctuation }) else { return nil }
        return Attribution(cue: index..<(index + 1), source: .phrase(phrase), content: 0..<index, denies: false)
    }

    /// "3,200 evacuees reported by fire officials", "a toll confirmed by the ministry": the
    /// agent after a passive reporting verb is the source, and what comes before is the content.
    private func passiveAttribution(at index: Int) -> Attribution? {
        guard CueLexicon.passiveCues.contains(tokens[index].lower.string), index > 0 else { return nil }
        let phrase = nounPhrase(after: index + 2)
        guard !phrase.isEmpty, isSourceLike(phrase) else { return nil }
        var end = index
        while end > 0, tokens[end - 1].flags.contains(.beForm) || tokens[end - 1].isPunctuation(",") || tokens[end - 1].lower == "as" {
            end -= 1
        }
        guard end > 0 else { return nil }
        return Attribution(cue: index..<(index + 2), source: .phrase(phrase), content: 0..<end, denies: false)
    }

    /// "at" after an estimate's noun, or after "of" and a few words: "put the number of
    /// destroyed homes at nine".
    private func closesEstimate(from start: Int, with closer: Lower) -> Bool {
        if tokens[start].lower == closer { return true }
        guard tokens[start].lower == "of" else { return false }
        var position = start + 1
        while position < tokens.count, position - start <= 6, tokens[position].kind == .word {
            if tokens[position].lower == closer { return position > start + 1 }
            position += 1
        }
        return false
    }

    private func colonAttribution(at index: Int) -> Attribution? {
        guard index + 1 < tokens.count, tokens[index + 1].kind == .openQuote, index > 0 else { return nil }
        let phrase = subjectPhrase(endingAt: index - 1)
        guard !phrase.isEmpty, phrase.lowerBound == 0 || tokens[phrase.lowerBound - 1].isBreak,
              phrase.count <= 6, tokens[phrase.upperBound - 1].capitalized else { return nil }
        return Attribution(cue: index..<(index + 1), source: .phrase(phrase), content: (index + 1)..<tokens.count, denies: false)
    }
}
