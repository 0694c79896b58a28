/// Quotations that run on: “First sentence. Second,” she said. — and a quote that goes on
/// after its attribution, into the next paragraph, without a new speaker.
extension ClaimBuilder {
    mutating func findRuns() {
        for index in sentences.indices where !isAbsorbed(index) {
            let sentence = sentences[index]
            if sentence.credit != nil, index > 0, sentences[index - 1].tokens.last?.kind == .closeQuote
                || sentences[index - 1].tokens.dropLast().last?.kind == .closeQuote {
                // The quotation the credit closes: back to the sentence that opened it.
                var first = index - 1
                while first > 0, index - first < configuration.maximumQuoteSentences, !sentences[first].opensWithQuote,
                      sentences[first - 1].paragraph == sentences[first].paragraph, isBare(first - 1) {
                    first -= 1
                }
                if isBare(first) { setRun(first...index, for: index) }
                continue
            }
            // A speaker label hands the speaker the rest of the paragraph, quoted or not.
            let labelled = sentence.attributions.contains { $0.label }
            guard labelled || sentence.attributions.contains(where: \.quotation) else { continue }
            var first = index
            while first > 0, index - first < configuration.maximumQuoteSentences, sentences[first].startsInsideQuote,
                  sentences[first - 1].paragraph == sentence.paragraph, isBare(first - 1) {
                first -= 1
            }
            var last = index
            while last + 1 < sentences.count, last - first < configuration.maximumQuoteSentences, isBare(last + 1) {
                let next = sentences[last + 1]
                let continues = next.paragraph == sentences[last].paragraph
                    ? labelled || next.startsInsideQuote || next.opensWithQuote
                    : next.opensWithQuote && (sentences[last].endsInsideQuote || last == index)
                guard continues else { break }
                last += 1
            }
            guard first < index || last > index else { continue }
            setRun(first...last, for: index)
        }
    }

    /// A sentence with no source of its own, not yet part of another run.
    private func isBare(_ index: Int) -> Bool {
        sentences[index].attributions.isEmpty && !sentences[index].isFurniture && !isAbsorbed(index)
    }
}
