extension ArticleExtractor {
    /// Every block the reader found in the file's first article, with the boilerplate
    /// remover's decision: for checking the remover against real pages, and for tools that
    /// explain why a paragraph is missing.
    public func inspect(bytes: [UInt8], fileName: String) throws(ArticleTextError) -> [(block: TextBlock, decision: BlockDecision)] {
        let (drafts, _, _) = try drafts(bytes: bytes, fileName: fileName, limit: 1)
        guard let draft = drafts.first else { return [] }
        let result = BoilerplateRemover.classify(draft.blocks)
        return Array(zip(draft.blocks, result.decisions)).map { (block: $0, decision: $1) }
    }
}
