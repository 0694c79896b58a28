import CLibXML2

/// Reads the main text of an HTML page through libxml2's forgiving HTML parser: the DOM is
/// walked without recursion, furniture subtrees (scripts, navigation, asides, share bars,
/// comment sections, by tag, role or class) are skipped, and the rest is cut into blocks at
/// block-level elements with their link density, for the boilerplate remover to judge.
enum HTMLReader {
    /// libxml2 must be initialised once before concurrent use; Swift runs this exactly once.
    static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    static func read(_ html: String, maximumDepth: Int) throws(ArticleTextError) -> DocumentDraft {
        _ = libraryReady
        let bytes = Array(html.utf8)
        let attributes = HTMLAttributeBudget.load(of: bytes)
        guard attributes.load <= HTMLAttributeBudget.maximumLoad else {
            throw .malformed(format: .html, reason: "too many attributes for libxml2 to check in reasonable time"
                + " (one element has \(attributes.largest))")
        }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            } ?? nil
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
        return walker.draft()
    }
}
