/// The container an article arrived in.
public enum ArticleFormat: String, Sendable, Codable, CaseIterable {
    case plainText = "text"
    case markdown
    case html
    case json
    case jsonLines = "jsonl"

    /// The format named by a file extension, or nil when the extension says nothing.
    public static func fromFileName(_ name: String) -> ArticleFormat? {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let ext = String(name[name.index(after: dot)...]).lowercased()
        switch ext {
        case "txt", "text": return .plainText
        case "md", "markdown": return .markdown
        case "html", "htm", "xhtml": return .html
        case "json": return .json
        case "jsonl", "ndjson": return .jsonLines
        default: return nil
        }
    }

    /// Guesses the format from the first non-blank characters, for files without a telling
    /// extension: markup starts with `<`, records with `{` or `[`.
    public static func sniff(_ text: String) -> ArticleFormat {
        var seen = 0
        var firstLineEnd = false
        var sawSecondRecord = false
        var first: UInt8 = 0
        for byte in text.utf8 {
            seen += 1
            if seen > 4096 { break }
            if first == 0 {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                first = byte
                if first != UInt8(ascii: "{") { break }
                continue
            }
            if byte == 0x0A { firstLineEnd = true; continue }
            if firstLineEnd, byte == UInt8(ascii: "{") { sawSecondRecord = true; break }
            if firstLineEnd, byte != 0x20, byte != 0x0D, byte != 0x09 { firstLineEnd = false }
        }
        switch first {
        case UInt8(ascii: "<"): return .html
        case UInt8(ascii: "["): return .json
        case UInt8(ascii: "{"): return sawSecondRecord ? .jsonLines : .json
        default: return .plainText
        }
    }
}
