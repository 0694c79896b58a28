/// The module's entry point: file bytes and name in, an `Article` out.
///
/// Pure: no files, clocks or global state.
public struct ArticleExtractor: Sendable {
    public struct Configuration: Sendable {
        /// Inputs larger than this are refused unread.
        public var maximumBytes: Int = TextDecoder.defaultMaximumBytes
        /// Deepest HTML element or JSON value nesting accepted; deeper input is rejected.
        public var maximumDepth: Int = 256
        /// Most records read from one JSON Lines file.
        public var maximumRecords: Int = 100_000

        public init() {}
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Extracts the article in `bytes`; the format comes from `fileName`'s extension, or from
    /// the content when the extension says nothing. For JSON Lines, the first record.
    public func extract(bytes: [UInt8], fileName: String) throws(ArticleTextError) -> Article {
        let articles = try extractAll(bytes: bytes, fileName: fileName, limit: 1)
        guard let first = articles.first else { throw .noText }
        return first
    }

    /// Every article in the file: one for most formats, one per record for JSON Lines.
    public func extractAll(bytes: [UInt8], fileName: String) throws(ArticleTextError) -> [Article] {
        try extractAll(bytes: bytes, fileName: fileName, limit: configuration.maximumRecords)
    }

    func extractAll(bytes: [UInt8], fileName: String, limit: Int) throws(ArticleTextError) -> [Article] {
        let (drafts, format, encoding) = try drafts(bytes: bytes, fileName: fileName, limit: limit)
        var articles = [Article]()
        var lastError = ArticleTextError.noText
        for draft in drafts {
            do {
                articles.append(try ArticleAssembler.assemble(draft, format: format, encoding: encoding))
            } catch {
                lastError = error
            }
        }
        guard !articles.isEmpty else { throw lastError }
        return articles
    }

    func drafts(
        bytes: [UInt8], fileName: String, limit: Int, describeBlocks: Bool = false
    ) throws(ArticleTextError) -> ([DocumentDraft], ArticleFormat, SourceEncoding) {
        let (text, encoding) = try TextDecoder.decode(bytes, maximumBytes: configuration.maximumBytes)
        let format = ArticleFormat.fromFileName(fileName) ?? ArticleFormat.sniff(text)
        switch format {
        case .plainText, .markdown:
            let blocks = PlainTextReader.blocks(from: text, markdown: format == .markdown)
            return ([DocumentDraft(blocks: blocks)], format, encoding)
        case .html:
            let draft = try HTMLReader.read(text, maximumDepth: configuration.maximumDepth, describeBlocks: describeBlocks)
            return ([draft], format, encoding)
        case .json, .jsonLines:
            let drafts = try JSONRecordReader.read(
                text, lines: format == .jsonLines, limit: limit, maximumDepth: min(configuration.maximumDepth, 64)
            )
            return (drafts, format, encoding)
        }
    }

    /// `extract` with the default configuration.
    public static func extract(bytes: [UInt8], fileName: String) throws(ArticleTextError) -> Article {
        try ArticleExtractor().extract(bytes: bytes, fileName: fileName)
    }
}
