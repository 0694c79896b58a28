/// Turns analysed sentences into claims: resolves sources through the article's memory,
/// joins quotations that run on across sentences, and hands each claim its figures.
struct ClaimBuilder {
    let source: ScalarText
    var scalars: [Unicode.Scalar] { source.scalars }
    let sentences: [SentenceAnalysis]
    let configuration: ClaimExtractor.Configuration
    private var memory = ClaimantMemory()
    /// For a sentence whose quotation runs on: the first and last sentence of the run.
    /// Indexed by sentence: arrays, not hashed collections, since every sentence is asked.
    private var runs: [ClosedRange<Int>?]
    /// Sentences taken into another sentence's run.
    private var absorbedFlags: [Bool]
    /// The claimant and content span of every attributed claim so far, in order: a sentence
    /// reads its own from where they began, and allocates no arrays of its own for them.
    private var resolved = [Claimant]()
    private var contents = [Range<Int>]()

    mutating func setRun(_ run: ClosedRange<Int>, for index: Int) {
        runs[index] = run
        for other in run where other != index { absorbedFlags[other] = true }
    }

    func isAbsorbed(_ index: Int) -> Bool { absorbedFlags[index] }

    init(text: ScalarText, sentences: [SentenceAnalysis], configuration: ClaimExtractor.Configuration) {
        self.source = text
        self.sentences = sentences
        self.configuration = configuration
        runs = Array(repeating: nil, count: sentences.count)
        absorbedFlags = Array(repeating: false, count: sentences.count)
    }

    mutating func claims() -> [Claim] {
        findRuns()
        var found = [Claim]()
        found.reserveCapacity(sentences.count)
        for index in sentences.indices where !sentences[index].isFurniture && !isAbsorbed(index) {
            claims(in: index, into: &found)
        }
        return found
    }

    /// Appends the sentence's claims to `found`: appending in place, since a sentence's own
    /// array of one claim would be made and copied for nearly every sentence.
    private mutating func claims(in index: Int, into found: inout [Claim]) {
        let sentence = sentences[index]
        let tokens = sentence.tokens
        let firstResolved = resolved.count
        let firstContent = contents.count
        // This sentence's claims are `found[first...]`.
        let first = found.count
        var scanned = 0
        for attribution in sentence.attributions {
            let sourceStart: Int
            if case .phrase(let phrase) = attribution.source { sourceStart = min(phrase.lowerBound, attribution.cue.lowerBound) } else { sourceStart = attribution.cue.lowerBound }
            if sentence.summary.flags.contains(.role) { scanMentions(tokens, from: scanned, to: sourceStart) }
            scanned = max(scanned, sourceStart)
            let claimant: Claimant
            switch attribution.source {
            case .phrase(let phrase):
                claimant = memory.claimant(for: tokens[phrase], name: text(tokens[phrase.lowerBound].start, tokens[phrase.upperBound - 1].end), text: source)
            case .pronoun(let pronoun):
                claimant = memory.resolve(pronoun.string, as: pronoun.string)
            case .sameAs(let other):
                let earlier = firstResolved + other
                claimant = other >= 0 && earlier < resolved.count ? resolved[earlier] : memory.resolve("they", as: "they")
            }
            resolved.append(claimant)
            let isQuote = attribution.quotation
            var start = sentence.start
            var end = sentence.end
            var contentStart = attribution.content.isEmpty ? sentence.start : tokens[attribution.content.lowerBound].start
            var contentEnd = attribution.content.isEmpty ? sentence.end : tokens[attribution.content.upperBound - 1].end
            let run = isQuote || attribution.label ? runs[index] : nil
            if let run {
                start = sentences[run.lowerBound].start
                end = sentences[run.upperBound].end
                if run.lowerBound < index, attribution.content.lowerBound == 0 { contentStart = start }
                if run.upperBound > index, attribution.content.upperBound == tokens.count { contentEnd = end }
            }
            let (figures, hedges) = run.map { gathered(from: $0, around: index) } ?? ([], sentence.hedges)
            contents.append(contentStart..<max(contentStart, contentEnd))
            found.append(Claim(
                text: text(start, end), content: trimmed(contentStart, contentEnd), start: start, end: end,
                claimant: claimant, cue: text(tokens[attribution.cue.lowerBound].start, tokens[attribution.cue.upperBound - 1].end),
                stance: attribution.denies ? .denies : .asserts, hedges: hedges, quote: isQuote, figures: figures
            ))
        }
        if sentence.summary.flags.contains(.role) { scanMentions(tokens, from: scanned, to: tokens.count) }
        let built = found.count - first
        if built == 0, let credit = sentence.credit, let run = runs[index] {
            let start = sentences[run.lowerBound].start
            let claimant = memory.claimant(for: tokens[credit], name: text(tokens[credit.lowerBound].start, tokens[credit.upperBound - 1].end), text: source)
            found.append(Claim(
                text: text(start, sentence.end), content: trimmed(start, sentences[index - 1].end), start: start, end: sentence.end,
                claimant: claimant, cue: text(tokens[0].start, tokens[0].end), hedges: sentence.hedges, quote: true,
                figures: run.flatMap { sentences[$0].figures }
            ))
            return
        }
        if built == 0 {
            // A figure asserted as fact, or something the article says was reported.
            let reported = sentence.hedges.contains("reportedly") || sentence.hedges.contains("allegedly")
            guard configuration.includesUnattributedFigures, !sentence.figures.isEmpty || reported else { return }
            found.append(Claim(
                text: text(sentence.start, sentence.end), content: trimmed(sentence.start, sentence.end),
                start: sentence.start, end: sentence.end, claimant: nil, cue: nil, hedges: sentence.hedges,
                quote: sentence.isQuotation(0..<tokens.count), figures: sentence.figures
            ))
            return
        }
        // Each figure goes to the claim whose content holds it, or else to the first.
        if built == 1, found[first].figures.isEmpty {
            // The common case: one claim takes the sentence's figures, sharing their array.
            found[first].figures = sentence.figures
            return
        }
        for figure in sentence.figures {
            let owner = contents[firstContent...].firstIndex { figure.start >= $0.lowerBound && figure.end <= $0.upperBound }
            found[first + (owner.map { $0 - firstContent } ?? 0)].figures.append(figure)
        }
    }

    /// The figures and hedges of the other sentences of a run, and the hedges of its sentence
    /// `index` first.
    private func gathered(from run: ClosedRange<Int>, around index: Int) -> ([Figure], [String]) {
        var figures = [Figure]()
        var hedges = sentences[index].hedges
        for other in run where other != index {
            figures += sentences[other].figures
            hedges += sentences[other].hedges.filter { !hedges.contains($0) }
        }
        return (figures, hedges)
    }

    /// "President Volodymyr Zelensky": a titled name in passing, for later pronouns.
    private mutating func scanMentions(_ tokens: SentenceTokens, from start: Int, to end: Int) {
        var index = start
        while index < end {
            defer { index += 1 }
            guard tokens[index].capitalized, tokens[index].flags.contains(.role), index + 2 < tokens.count else { continue }
            var last = index + 1
            while last < tokens.count, tokens[last].capitalized, !tokens[last].flags.contains(.role) { last += 1 }
            if last - index >= 3 {
                memory.mention(tokens[index..<last], name: text(tokens[index].start, tokens[last - 1].end), text: source)
                index = last - 1
            }
        }
    }

    private func text(_ start: Int, _ end: Int) -> String { source.string(start, end) }

    /// Quotation marks and punctuation trimmed from a claim's edges; a switch, not a hashed set.
    static func isEdge(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "\u{201C}", "\u{201D}", ",", ".", ":", ";", " ", "\u{2014}", "\u{2013}", "-": return true
        default: return false
        }
    }

    /// The stretch without quotation marks, commas and full stops at its edges.
    private func trimmed(_ start: Int, _ end: Int) -> String {
        var start = start
        var end = end
        while start < end, Self.isEdge(scalars[start]) { start += 1 }
        while end > start, Self.isEdge(scalars[end - 1]) { end -= 1 }
        return text(start, end)
    }
}
