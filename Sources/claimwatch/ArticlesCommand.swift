import ArgumentParser
import EventLog
import Foundation
import Ingest

struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List the stories in the record, newest first: each one's fullest version, with how many other versions and copies it has."
    )

    @OptionGroup var state: StateOptions

    @Option(name: .short, help: "Show at most this many.")
    var n: Int?

    @Flag(help: "One JSON object per line: the fullest version's article.ingested fields plus seq, time, and copies (the story's other versions and copies).")
    var json = false

    func run() throws {
        let catalog = try Catalog.load(state.layout)
        var stories = catalog.stories.sorted { $0.representative.seq > $1.representative.seq }
        if let n { stories = Array(stories.prefix(n)) }
        if json {
            for story in stories {
                print(try JSONLine.encode(ArticleLine(story.representative, copies: story.others)))
            }
            return
        }
        let rows = stories.map { story -> [String] in
            let entry = story.representative
            let article = entry.ingested
            return [article.article, String(entry.time.prefix(16)).replacingOccurrences(of: "T", with: " "), article.format,
                    "\(article.words)", "\(story.others)", article.outlet ?? "", article.title ?? article.path]
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

    init(_ entry: ArticleCatalog.Entry, copies: Int? = nil) {
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
        self.copies = copies ?? entry.copies.count
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
