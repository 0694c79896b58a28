/// Figures on their own, for callers that want the quantities of a sentence without claims.
extension ClaimExtractor {
    /// The figures in `sentence`, in order; offsets count Unicode scalars in `sentence`.
    public func figures(in sentence: String) -> [Figure] {
        let scalars = Array(sentence.unicodeScalars)
        let tokens = Tokenizer.tokens(scalars, from: 0, to: scalars.count)
        return FigureFinder(tokens: tokens, scalars: scalars).figures()
    }
}
