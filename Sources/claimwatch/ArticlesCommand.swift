import ArgumentParser
import EventLog
import Foundation
import Ingest

struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List the articles in the record, newest first, with how many copies each has."
    )

    @OptionGroup var state: StateOptions

    @Option(name: .short, help: "Show at most this many.")
    var n: Int?

    @Flag(help: "One JSON object per line: the article.ingested fields plus seq, time and copies.")
    var json = false

    func run() throws {
        let catalog = try Catalog.load(state.layout)
        var entries = Array(catalog.articles.reversed())
        if let n { entries = Array(entries.prefix(n)) }
        if json {
            for entry in entries {
                print(try JSONLine.encode(ArticleLine(entry)))
            }
            return
        }
        let rows = entries.map { entry -> [String] in
            let article = entry.ingested
            return [article.article, String(entry.time.prefix(16)).replacingOccurrences(of: "T", with: " "), article.format,
                    "\(article.words)", "\(entry.copies.count)", article.outlet ?? "", article.title ?? article.path]
        }
        print(Table.render(header: ["ID", "RECORDED", "FORMAT", "WORDS", "COPIES", "OUTLET", "TITLE"], rows: rows))
    }
}

/// An article as `articles --json` prints it.
struct ArticleLine: Encodable {
    var seq: UInt64
    var time: String
    var article: String
    var path: String
    var content: String
    var format: String
    var title: String?
    var outlet: String?
    var url: String?
    var published: String?
    var words: Int
    var copies: Int

    init(_ entry: ArticleCatalog.Entry) {
        let article = entry.ingested
        seq = entry.seq
        time = entry.time
        self.article = article.article
        path = article.path
        content = article.content
        format = article.format
        title = article.title
        outlet = article.outlet
        url = article.url
        published = article.published
        words = article.words
        copies = entry.copies.count
    }
}

enum Catalog {
    static func load(_ layout: StateLayout) throws -> ArticleCatalog {
        do {
            return try ArticleCatalog(log: layout.log)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

/// One value as a JSON line, keys in the order the type declares them.
enum JSONLine {
    static func encode(_ value: some Encodable) throws -> String {
        try CompactJSON.encode(value)
    }
}
