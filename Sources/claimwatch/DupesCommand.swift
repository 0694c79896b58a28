import ArgumentParser
import EventLog
import Foundation
import Ingest

struct DupesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dupes",
        abstract: "List each article that has copies, with its copies and how similar they are."
    )

    @OptionGroup var state: StateOptions

    @Flag(help: "One JSON object per original: the article and its copies.")
    var json = false

    func run() throws {
        let catalog = try Catalog.load(state.layout)
        let originals = catalog.articles.filter { !$0.copies.isEmpty }
        if json {
            struct Output: Encodable {
                var article: ArticleLine
                var copies: [CopyLine]
            }
            for entry in originals {
                print(try JSONLine.encode(Output(article: ArticleLine(entry), copies: entry.copies.map(CopyLine.init))))
            }
            return
        }
        if originals.isEmpty {
            print("no copies in the record")
            return
        }
        for entry in originals {
            print("\(entry.ingested.article)  \(entry.ingested.title ?? entry.ingested.path)  (\(entry.ingested.path))")
            for copy in entry.copies { print("  └ " + CopyLine(copy).summary) }
        }
        let copies = originals.reduce(0) { $0 + $1.copies.count }
        print("\n\(originals.count) article\(originals.count == 1 ? "" : "s") with \(copies) cop\(copies == 1 ? "y" : "ies")")
    }
}
