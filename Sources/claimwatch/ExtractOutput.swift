import ArticleText

/// One file's extraction as `extract` prints it: a JSON object, or lines of text.
struct ExtractOutput: Encodable {
    struct Block: Encodable {
        var kept: Bool
        var reason: String
        var role: String
        var text: String
    }

    var path: String
    var error: String?
    var method: String?
    var format: String?
    var title: String?
    var outlet: String?
    var url: String?
    var published: String?
    var modified: String?
    var authors: [String]?
    var language: String?
    var words: Int?
    var text: String?
    var blocks: [Block]?

    init(path: String, report: ExtractionReport, blocks: Bool) {
        self.path = path
        error = report.error.map(\.description)
        method = report.method.map(\.description)
        if let article = report.article {
            format = article.format.rawValue
            title = article.title
            outlet = article.outlet
            url = article.url
            published = article.published
            modified = article.modified
            authors = article.authors.isEmpty ? article.byline.map { [$0] } : article.authors
            language = article.language
            words = article.wordCount
            text = article.text
        }
        if blocks {
            self.blocks = report.blocks.map {
                Block(kept: $0.kept, reason: $0.reason.rawValue, role: "\($0.role)", text: $0.text)
            }
        }
    }

    static func text(path: String, report: ExtractionReport, blocks: Bool) -> String {
        let output = ExtractOutput(path: path, report: report, blocks: blocks)
        var lines = ["file       \(path)"]
        let fields: [(String, String?)] = [
            ("error", output.error), ("title", output.title), ("outlet", output.outlet), ("published", output.published),
            ("modified", output.modified), ("authors", output.authors?.joined(separator: "; ")),
            ("language", output.language), ("url", output.url), ("format", output.format),
            ("words", output.words.map(String.init)), ("method", output.method),
        ]
        for (name, value) in fields {
            if let value { lines.append(name + String(repeating: " ", count: max(1, 11 - name.count)) + value) }
        }
        if blocks {
            lines.append("")
            for block in output.blocks ?? [] {
                let verdict = block.kept ? "KEPT   " : "DROPPED"
                let role = block.role == "paragraph" ? "" : " (\(block.role))"
                lines.append("\(verdict) \(block.reason)\(role): \(block.text)")
            }
        } else if let text = output.text {
            lines.append("")
            lines.append(text)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
