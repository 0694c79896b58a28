import ArgumentParser
import EventLog
import Foundation
import Ingest

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one story: its fullest version's metadata and clean text, its other versions and its copies.",
        discussion: "ID may be shortened to any unique prefix. Given the id of any version or copy, shows the story it belongs to."
    )

    @OptionGroup var state: StateOptions

    @Argument(help: "The article id (or a unique prefix).")
    var id: String

    @Flag(help: "Print one JSON object: the fullest version's metadata and text, the other versions and the copies.")
    var json = false

    func run() throws {
        let layout = state.layout
        let catalog = try Catalog.load(layout)
        guard let story = catalog.story(matching: id) else {
            throw CommandFailure("no article or copy with an id starting with '\(id)'")
        }
        let entry = story.representative
        let article = entry.ingested
        let text = ArticleStore(folder: layout.articles).text(for: article.content)
        if json {
            struct Output: Encodable {
                var article: ArticleLine
                var byline: String?
                var text: String?
                var versions: [VersionLine]
                var copies: [CopyLine]
            }
            print(try JSONLine.encode(Output(article: ArticleLine(entry, copies: story.others), byline: article.byline, text: text,
                                            versions: story.versions.map(VersionLine.init), copies: story.copies.map(CopyLine.init))))
            return
        }
        if let note = Self.note(for: id, in: story, catalog: catalog) { print(note + "\n") }
        let fields: [(String, String?)] = [
            ("id", article.article), ("title", article.title), ("outlet", article.outlet), ("published", article.published),
            ("byline", article.byline), ("url", article.url), ("path", article.path), ("format", article.format),
            ("words", "\(article.words)"), ("recorded", "\(entry.time) (seq \(entry.seq))"), ("content", article.content),
        ]
        for (name, value) in fields { if let value { print("\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(value)") } }
        print("")
        print(text ?? "(the stored text is missing from \(layout.articles))")
        if !story.versions.isEmpty {
            print("\nother versions:")
            for version in story.versions { print("  " + VersionLine(version).summary) }
        }
        if !story.copies.isEmpty {
            print("\ncopies:")
            for copy in story.copies { print("  " + CopyLine(copy).summary) }
        }
    }

    /// Says which version the id asked for, when it is not the one shown.
    static func note(for id: String, in story: ArticleCatalog.Story, catalog: ArticleCatalog) -> String? {
        let shown = story.representative.ingested
        if let version = catalog.article(matching: id), version.ingested.article != shown.article {
            return "\(version.ingested.article) (\(version.ingested.path)) is an earlier version of this story; the fullest is shown"
        }
        if let (copy, _) = catalog.copy(matching: id) {
            return "\(copy.duplicate.article) (\(copy.duplicate.path)) is a \(copy.duplicate.kind.rawValue) copy in this story"
        }
        return nil
    }
}

/// Another version of a story, as `show` and `dupes` print it: a shorter article the fuller
/// one contains, or a later version that updates one.
struct VersionLine: Encodable {
    var article: String
    var path: String
    var words: Int
    /// The fuller article it lies inside, if that is how it joined the story.
    var within: String?
    /// The article it updates, if it is a later version.
    var updates: String?
    var time: String

    init(_ entry: ArticleCatalog.Entry) {
        article = entry.ingested.article
        path = entry.ingested.path
        words = entry.ingested.words
        within = entry.within?.within
        updates = entry.ingested.updates
        time = entry.time
    }

    var summary: String {
        let relation = within.map { "contained in \($0)" } ?? updates.map { "updates \($0)" } ?? "version"
        return "\(article)  \(relation)  \(words) words  \(path)"
    }
}

/// A copy as `show` and `dupes` print it.
struct CopyLine: Encodable {
    var article: String
    var path: String
    var kind: String
    var similarity: Double
    var containment: Double?
    /// The article of the story it copies.
    var of: String
    var time: String

    init(_ copy: ArticleCatalog.Copy) {
        of = copy.duplicate.of
        article = copy.duplicate.article
        path = copy.duplicate.path
        kind = copy.duplicate.kind.rawValue
        similarity = copy.duplicate.similarity
        containment = copy.duplicate.containment
        time = copy.time
    }

    var summary: String {
        let contained = containment.map { String(format: ", containment %.2f", $0) } ?? ""
        return "\(article)  \(kind) copy of \(of)  similarity \(String(format: "%.2f", similarity))\(contained)  \(path)"
    }
}
