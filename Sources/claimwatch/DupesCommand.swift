import ArgumentParser
import EventLog
import Foundation
import Ingest

struct DupesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dupes",
        abstract: "List each story that has more than one version: its fullest version, with its other versions and copies."
    )

    @OptionGroup var state: StateOptions

    @Flag(help: "One JSON object per story: the fullest version, the other versions and the copies.")
    var json = false

    func run() throws {
        let catalog = try Catalog.load(state.layout)
        let stories = catalog.stories.filter { $0.others > 0 }
        if json {
            struct Output: Encodable {
                var article: ArticleLine
                var versions: [VersionLine]
                var copies: [CopyLine]
            }
            for story in stories {
                print(try JSONLine.encode(Output(article: ArticleLine(story.representative, copies: story.others),
                                                 versions: story.versions.map(VersionLine.init), copies: story.copies.map(CopyLine.init))))
            }
            return
        }
        if stories.isEmpty {
            print("no copies in the record")
            return
        }
        for story in stories {
            let article = story.representative.ingested
            print("\(article.article)  \(article.title ?? article.path)  (\(article.path))")
            for version in story.versions { print("  └ " + VersionLine(version).summary) }
            for copy in story.copies { print("  └ " + CopyLine(copy).summary) }
        }
        let others = stories.reduce(0) { $0 + $1.others }
        print("\n\(stories.count) stor\(stories.count == 1 ? "y" : "ies") with \(others) other version\(others == 1 ? "" : "s") or cop\(others == 1 ? "y" : "ies")")
    }
}
