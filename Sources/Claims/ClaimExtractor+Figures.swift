/// Figures on their own, for callers that want the quantities of a sentence without claims.
extension ClaimExtractor {
    /// The figures in `sentence`, in order; offsets count Unicode scalars in `sentence`.
    public func figures(in sentence: String) -> [Figure] {
        let text = ScalarText(sentence)
        let tokens = Tokenizer.tokens(text, from: 0, to: text.count)
        return FigureFinder(tokens: SentenceTokens(tokens), text: text).figures()
    }
}
