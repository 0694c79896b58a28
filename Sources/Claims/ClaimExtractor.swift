public import ArticleText

/// Extracts claims from an article's text: who asserts what, with which figures.
///
/// Pure: the same text and sentences always give the same claims; no files, clocks or
/// global state.
public struct ClaimExtractor: Sendable {
    public struct Configuration: Sendable {
        /// Emit sentences that carry a figure but no source, as claims without a claimant.
        public var includesUnattributedFigures = true
        /// Most sentences one run-on quotation may span.
        public var maximumQuoteSentences = 8

        public init() {}
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    public func extract(from article: Article) -> [Claim] {
        extract(text: article.text, sentences: article.sentences)
    }

    /// Claims in `text`, split into sentences by `ArticleText`'s splitter.
    public func extract(text: String) -> [Claim] {
        extract(text: text, sentences: SentenceSplitter.split(text: text))
    }

    /// Claims in `text`, whose sentences are given as Unicode-scalar spans.
    public func extract(text: String, sentences: [TextSpan]) -> [Claim] {
        let scalarText = ScalarText(text)
        let analyses = analyze(scalarText, sentences)
        var builder = ClaimBuilder(text: scalarText, sentences: analyses, configuration: configuration)
        return builder.claims()
    }

    /// Where one sentence stands before it is analysed: its span, its paragraph and its
    /// tokens in the article's token array.
    private struct Placement {
        var span: Range<Int>
        var tokens: Range<Int>
        var summary: TokenSummary
        var paragraph: Int
        var startsParagraph: Bool
        var startsInsideQuote: Bool
        var endsInsideQuote: Bool
    }

    private func analyze(_ text: ScalarText, _ sentences: [TextSpan]) -> [SentenceAnalysis] {
        let scalars = text.scalars
        // The whole article is tokenized first, into one array: each sentence's tokens are a
        // window on it, and an array that grew while sentences held it would be copied.
        var all = [Token]()
        all.reserveCapacity(scalars.count / 4 + 16)
        var placements = [Placement]()
        placements.reserveCapacity(sentences.count)
        var paragraph = 0
        var previousEnd = 0
        var insideQuote = false
        for sentence in sentences {
            let start = max(0, min(sentence.start, scalars.count))
            let end = max(start, min(sentence.end, scalars.count))
            var startsParagraph = placements.isEmpty
            if !placements.isEmpty, scalars[min(previousEnd, start)..<start].contains("\n") {
                paragraph += 1
                insideQuote = false
                startsParagraph = true
            }
            let startsInsideQuote = insideQuote
            let first = all.count
            let summary = Tokenizer.append(text, from: start, to: end, into: &all, inside: &insideQuote)
            placements.append(Placement(
                span: start..<end, tokens: first..<all.count, summary: summary, paragraph: paragraph, startsParagraph: startsParagraph,
                startsInsideQuote: startsInsideQuote, endsInsideQuote: insideQuote
            ))
            previousEnd = end
        }
        var analyses = [SentenceAnalysis]()
        analyses.reserveCapacity(placements.count)
        var attributions = [Attribution]()
        attributions.reserveCapacity(placements.count)
        for placement in placements {
            analyses.append(SentenceAnalysis(
                span: placement.span, paragraph: placement.paragraph, tokens: SentenceTokens(all, placement.tokens), summary: placement.summary,
                text: text,
                startsInsideQuote: placement.startsInsideQuote, endsInsideQuote: placement.endsInsideQuote,
                isFirst: analyses.isEmpty, startsParagraph: placement.startsParagraph, attributions: &attributions
            ))
        }
        // Slices only now: a slice taken while the array still grew would have it copied.
        for analysis in analyses { analysis.attributions = attributions[analysis.attributionRange] }
        // Most articles have no speaker label at all: one pass over one array tells.
        return attributions.contains(where: \.label) ? Self.droppingLoneLabels(analyses) : analyses
    }

    /// A word in capitals before a colon once in an article is more likely a dateline
    /// ("WASHINGTON: …") than a speaker: a transcript hands the floor back and forth.
    private static func droppingLoneLabels(_ analyses: [SentenceAnalysis]) -> [SentenceAnalysis] {
        func key(_ analysis: SentenceAnalysis, _ attribution: Attribution) -> String? {
            guard attribution.label, case .phrase(let words) = attribution.source else { return nil }
            return analysis.tokens[words].map(\.lower.string).joined(separator: " ")
        }
        var counts = [String: Int]()
        for analysis in analyses.dropFirst() {
            for attribution in analysis.attributions { if let label = key(analysis, attribution) { counts[label, default: 0] += 1 } }
        }
        guard counts.values.contains(1) else { return analyses }
        for analysis in analyses.dropFirst() {
            analysis.attributions.removeAll { attribution in key(analysis, attribution).map { counts[$0] == 1 } ?? false }
        }
        return analyses
    }
}
