/// Reads the article of an HTML page: `PageTreeBuilder` tokenizes the page and builds its
/// `PageTree` (block elements with their hints, text blocks, metadata) in one pass, and
/// `PageReadings` finds the main content, cleans inside it, and falls back to the whole
/// page or the declared JSON-LD body when that reads better.
enum HTMLReader {
    /// `describeBlocks`: name each block's box (`p in div.entry-content`), for `--explain`.
    static func read(_ html: String, maximumDepth: Int, describeBlocks: Bool = false) throws(ArticleTextError) -> DocumentDraft {
        var html = html
        var result = Result<DocumentDraft, ArticleTextError>.failure(.noText)
        html.withUTF8 { bytes in
            do throws(ArticleTextError) {
                result = .success(try read(bytes, maximumDepth: maximumDepth, describeBlocks: describeBlocks))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, describeBlocks: Bool = false
    ) throws(ArticleTextError) -> DocumentDraft {
        var builder = PageTreeBuilder(bytes, maximumDepth: maximumDepth)
        try builder.build()
        let readings = PageReadings(
            tree: builder.tree, metadata: builder.metadata.articleMetadata, declaredBody: builder.metadata.linkedData.body)
        var draft = readings.best(describe: builder.describe)
        if describeBlocks, draft.blocks.count == builder.tree.blocks.count {
            draft.boxes = builder.tree.owners.map { builder.describeBox(Int($0)) }
        }
        return draft
    }
}
