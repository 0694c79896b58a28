/// What the extractor would read from a file, and why: the article (or the reason there is
/// none), how the text was found, and every block the reader saw with its verdict. Recording
/// nothing, it answers "why is this paragraph missing?".
public struct ExtractionReport: Sendable {
    public struct Block: Sendable, Equatable {
        public var text: String
        public var role: TextBlock.Role
        public var kept: Bool
        public var reason: BlockDecision.Reason
        /// The element the block sat in (`p in div.entry-content`), for web pages.
        public var box: String?
    }

    public var article: Article?
    public var error: ArticleTextError?
    public var method: ExtractionMethod?
    public var blocks: [Block]
}

extension ArticleExtractor {
    /// The report for the file's first article (JSON Lines: its first record).
    public func explain(bytes: [UInt8], fileName: String) -> ExtractionReport {
        let drafts: [DocumentDraft]
        let format: ArticleFormat
        let encoding: SourceEncoding
        do {
            (drafts, format, encoding) = try self.drafts(bytes: bytes, fileName: fileName, limit: 1, describeBlocks: true)
        } catch {
            return ExtractionReport(article: nil, error: error, method: nil, blocks: [])
        }
        guard let draft = drafts.first else {
            return ExtractionReport(article: nil, error: .noText, method: nil, blocks: [])
        }
        let result = draft.judged ?? BoilerplateRemover.classify(draft.blocks)
        let blocks = draft.blocks.indices.map { index in
            ExtractionReport.Block(
                text: draft.blocks[index].text, role: draft.blocks[index].role, kept: result.decisions[index].kept,
                reason: result.decisions[index].reason,
                box: index < draft.boxes.count && !draft.boxes[index].isEmpty ? draft.boxes[index] : nil)
        }
        var report = ExtractionReport(article: nil, error: nil, method: draft.method, blocks: blocks)
        do {
            report.article = try ArticleAssembler.assemble(draft, format: format, encoding: encoding)
        } catch {
            report.error = error
        }
        return report
    }
}
