import ArgumentParser
import EventLog
import Foundation
import Ingest

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one article: its metadata, its clean text, and its copies.",
        discussion: "ID may be shortened to any unique prefix. Given a copy's id, shows the article it copies."
    )

    @OptionGroup var state: StateOptions

    @Argument(help: "The article id (or a unique prefix).")
    var id: String

    @Flag(help: "Print one JSON object: the metadata, the text and the copies.")
    var json = false

    func run() throws {
        let layout = state.layout
        let catalog = try Catalog.load(layout)
        var note: String?
        let entry: ArticleCatalog.Entry
        if let found = catalog.article(matching: id) {
            entry = found
        } else if let (copy, original) = catalog.copy(matching: id) {
            entry = original
            note = "\(copy.duplicate.article) (\(copy.duplicate.path)) is a \(copy.duplicate.kind.rawValue) copy of this article"
        } else {
            throw CommandFailure("no article or copy with an id starting with '\(id)'")
        }
        let article = entry.ingested
        let text = ArticleStore(folder: layout.articles).text(for: article.content)
        if json {
            struct Output: Encodable {
                var article: ArticleLine
                var byline: String?
                var text: String?
                var copies: [CopyLine]
            }
            print(try JSONLine.encode(Output(article: ArticleLine(entry), byline: article.byline, text: text,
                                            copies: entry.copies.map(CopyLine.init))))
            return
        }
        if let note { print(note + "\n") }
        let fields: [(String, String?)] = [
            ("id", article.article), ("title", article.title), ("outlet", article.outlet), ("published", article.published),
            ("byline", article.byline), ("url", article.url), ("path", article.path), ("format", article.format),
            ("words", "\(article.words)"), ("recorded", "\(entry.time) (seq \(entry.seq))"), ("content", article.content),
        ]
        for (name, value) in fields { if let value { print("\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(value)") } }
        print("")
        print(text ?? "(the stored text is missing from \(layout.articles))")
        if !entry.copies.isEmpty {
            print("\ncopies:")
            for copy in entry.copies { print("  " + CopyLine(copy).summary) }
        }
    }
}

/// A copy as `show` and `dupes` print it.
struct CopyLine: Encodable {
    var article: String
    var path: String
    var kind: String
    var similarity: Double
    var containment: Double?
    var time: String

    init(_ copy: ArticleCatalog.Copy) {
        article = copy.duplicate.article
        path = copy.duplicate.path
        kind = copy.duplicate.kind.rawValue
        similarity = copy.duplicate.similarity
        containment = copy.duplicate.containment
        time = copy.time
    }

    var summary: String {
        let contained = containment.map { String(format: ", containment %.2f", $0) } ?? ""
        return "\(article)  \(kind)  similarity \(String(format: "%.2f", similarity))\(contained)  \(path)"
    }
}
