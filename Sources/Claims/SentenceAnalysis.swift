/// What one sentence holds before claims are built: tokens, quotation state, reporting
/// relations, figures and hedges. A class: the builder reads each sentence many times, and a
/// copy of a reference is one retain where a struct of five arrays costs five. Constant but
/// for its attributions: a variable of a class is checked for exclusive access at run time.
final class SentenceAnalysis {
    let start: Int
    let end: Int
    let paragraph: Int
    let tokens: SentenceTokens
    let summary: TokenSummary
    let startsInsideQuote: Bool
    let endsInsideQuote: Bool
    let opensWithQuote: Bool
    /// The sentence's reporting relations: a slice of the article's array, set once every
    /// sentence has been analysed (`attributionRange` says where until then).
    var attributions: ArraySlice<Attribution> = []
    let attributionRange: Range<Int>
    let figures: [Figure]
    let hedges: [String]
    let isFurniture: Bool
    /// "― Sonya Herridge": a sentence that only credits the quotation before it.
    let credit: Range<Int>?

    init(
        span: Range<Int>, paragraph: Int, tokens: SentenceTokens, summary: TokenSummary, text: ScalarText, startsInsideQuote: Bool,
        endsInsideQuote: Bool, isFirst: Bool, startsParagraph: Bool, attributions all: inout [Attribution]
    ) {
        start = span.lowerBound
        end = span.upperBound
        self.paragraph = paragraph
        self.tokens = tokens
        self.summary = summary
        self.startsInsideQuote = startsInsideQuote
        self.endsInsideQuote = endsInsideQuote
        opensWithQuote = tokens.first?.kind == .openQuote
        isFurniture = Furniture.isFurniture(tokens, summary: summary, isFirst: isFirst)
        credit = Self.credit(in: tokens, text: text)
        if isFurniture {
            attributionRange = all.count..<all.count
            figures = []
            hedges = []
            return
        }
        let opening: AttributionFinder.Opening = isFirst ? .headline : startsParagraph ? .paragraph : .none
        attributionRange = AttributionFinder(tokens: tokens, opening: opening, text: text).attributions(into: &all)
        for index in attributionRange { all[index].quotation = Self.isQuotation(all[index].content, in: tokens) }
        figures = summary.mayHoldNumber
            ? FigureFinder(tokens: tokens, text: text, sentenceMayStateEarlier: !summary.flags.isDisjoint(with: [.rise, .fall])).figures()
            : []
        hedges = summary.flags.contains(.hedge) ? Hedges.find(in: tokens) : []
    }

    static func credit(in tokens: SentenceTokens, text: ScalarText) -> Range<Int>? {
        guard tokens.count >= 2, tokens.count <= 8, let first = tokens.first,
              first.isPunctuation("\u{2015}") || first.isPunctuation("\u{2014}") || first.isPunctuation("\u{2013}") else { return nil }
        var end = 1
        while end < tokens.count, tokens[end].capitalized || tokens[end].kind == .word && text.string(tokens[end].start, tokens[end].end).count == 1 { end += 1 }
        guard end > 1, tokens[end...].allSatisfy({ $0.kind == .punctuation }) else { return nil }
        return 1..<end
    }

    /// Whether the tokens of `range` are mostly inside a quotation.
    func isQuotation(_ range: Range<Int>) -> Bool { Self.isQuotation(range, in: tokens) }

    static func isQuotation(_ range: Range<Int>, in tokens: SentenceTokens) -> Bool {
        var words = 0
        var inside = 0
        for index in range where tokens[index].kind == .word || tokens[index].kind == .number {
            words += 1
            if tokens[index].quoted { inside += 1 }
        }
        return words > 0 && inside * 2 >= words
    }
}
