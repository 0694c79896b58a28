import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Ingest
import Store

struct ArticlesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List the articles in the record, newest first: each by its fullest version, with how many other versions and copies it has."
    )

    @OptionGroup var state: StateOptions
    @OptionGroup(title: "Cluster") var cluster: DatabaseOptions

    @Option(help: ArgumentHelp("Only articles of this outlet (whole words of its name, ignoring case and accents).", valueName: "name"))
    var outlet: String?

    @OptionGroup var story: StoryOption
    @OptionGroup var time: TimeOptions
    @OptionGroup var published: PublishedOption

    @Option(name: .short, help: "Show at most this many.")
    var n: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try SearchOption.validate("--outlet", outlet)
    }

    func run() async throws {
        let (catalog, store) = try await Catalog.load(state, cluster, command: "articles")
        try Catalog.requireOutlet(outlet, in: catalog)
        let bounds = time.bounds
        let members = try story.story == nil ? nil : story.articles(in: store ?? QueryStore.open(state))
        // A story is listed by its fullest version, and filtered by it.
        var stories = catalog.stories.sorted { $0.representative.seq > $1.representative.seq }.filter { story in
            let entry = story.representative
            return Catalog.outlet(outlet, matches: entry.ingested)
                && members.map { $0.contains(entry.ingested.article) } ?? true
                && bounds.contains(published.published ? PublishedOption.stamp(entry.ingested.published) : entry.time)
        }
        if let n { stories = Array(stories.prefix(n)) }
        try StandardOutput.write { out in
            switch output.format {
            case .json:
                for story in stories { try out.line(Catalog.json(story).build()) }
            case .csv:
                var csv = CSV(header: AnswerCSV.articlesHeader)
                for story in stories {
                    let entry = story.representative
                    csv.append(AnswerCSV.articleRow(entry.ingested, seq: entry.seq, time: entry.time, copies: story.others))
                }
                try out.text(csv.text)
            case .table:
                guard !stories.isEmpty else { return try out.line("no articles match") }
                let rows = stories.map { story -> [String] in
                    let entry = story.representative
                    let article = entry.ingested
                    return [article.article, Self.minutes(entry.time), article.format, "\(article.words)", "\(story.others)",
                            article.outlet ?? "", article.title ?? article.path]
                }
                try out.line(Table.render(header: ["ID", "RECORDED", "FORMAT", "WORDS", "COPIES", "OUTLET", "TITLE"], rows: rows,
                                          width: output.width))
            }
        }
        try Partial.check(catalog.damage)
    }

    /// A record time to the minute, for tables: `2026-11-12 08:00`.
    static func minutes(_ time: String) -> String {
        String(time.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
