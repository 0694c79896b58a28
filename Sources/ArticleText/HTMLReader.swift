import CLibXML2

/// Reads the article of an HTML page: libxml2's forgiving parser builds the DOM, one walk
/// turns it into a `PageTree` (block elements with their hints, text blocks, metadata),
/// and `PageReadings` finds the main content, cleans inside it, and falls back to the whole
/// page or the declared JSON-LD body when that reads better.
enum HTMLReader {
    /// libxml2 must be initialised once before concurrent use; Swift runs this exactly once.
    static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    static func read(_ html: String, maximumDepth: Int) throws(ArticleTextError) -> DocumentDraft {
        _ = libraryReady
        var html = html
        var result = Result<DocumentDraft, ArticleTextError>.failure(.noText)
        html.withUTF8 { bytes in
            do throws(ArticleTextError) {
                result = .success(try read(bytes, maximumDepth: maximumDepth))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) throws(ArticleTextError) -> DocumentDraft {
        let compacted = HTMLAttributeBudget.compacted(bytes)
        guard compacted.load <= HTMLAttributeBudget.maximumLoad else {
            throw .malformed(format: .html, reason: "too many attributes for libxml2 to check in reasonable time"
                + " (one element has \(compacted.largest))")
        }
        return try compacted.bytes.withUnsafeBufferPointer { page throws(ArticleTextError) in
            try parse(page, maximumDepth: maximumDepth)
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) throws(ArticleTextError) -> DocumentDraft {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed = bytes.baseAddress.flatMap { base in
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlReadMemory($0, Int32(bytes.count), nil, "UTF-8", options)
            }
        }
        guard let document = parsed else {
            throw .malformed(format: .html, reason: "libxml2 could not parse the document")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw .malformed(format: .html, reason: "no root element")
        }
        var walker = HTMLWalker(maximumDepth: maximumDepth)
        try walker.walk(root)
        let readings = PageReadings(
            tree: walker.tree, metadata: walker.metadata.articleMetadata, declaredBody: walker.metadata.linkedData.body)
        return readings.best(describe: walker.describe)
    }
}
