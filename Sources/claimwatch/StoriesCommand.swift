import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Store

struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "The stories in the record, the most recently told first: articles, outlets, days, topics, conflicts.",
        discussion: """
            Articles that tell the same event are one story: close in time (7 days), sharing at least two distinctive \
            names, and worded alike. A copy is in its original's story. Figures are compared only within a story. \
            FIRST and LAST are the days its articles speak for: published dates, or, marked "rec", the day the log \
            recorded an article that gives none. TOPICS counts the topics with two figures or more, CONFLICTS those \
            holding a conflicting pair, as the figures command compares them. Give a story's id to other commands with --story.
            """
    )

    @OptionGroup var state: StateOptions
    @OptionGroup(title: "Cluster") var cluster: DatabaseOptions
    @OptionGroup var story: StoryOption

    @Option(help: ArgumentHelp("Only stories with articles of this outlet, counted over those articles.", valueName: "name"))
    var outlet: String?

    @OptionGroup var time: TimeOptions
    @OptionGroup var published: PublishedOption

    @Option(name: .short, help: "Show at most this many.")
    var n: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try SearchOption.validate("--outlet", outlet)
    }

    func run() async throws {
        let store = try await QueryStore.open(state, cluster, command: "stories")
        try QueryStore.requireMatches(claimant: nil, outlet: outlet, in: store)
        let bounds = time.bounds
        let filter = StoryFilter(story: try story.resolve(in: store), outlet: outlet, since: bounds.since, until: bounds.until,
                                 published: published.published, limit: n)
        let stories = try QueryStore.answer { () throws(StoreError) in try store.stories(filter) }
        try StandardOutput.write { out in
            switch output.format {
            case .json:
                for story in stories { try out.line(try CompactJSON.encode(story)) }
            case .csv:
                var csv = CSV(header: Self.csvHeader)
                for story in stories { csv.append(Self.csvRow(story)) }
                try out.text(csv.text)
            case .table:
                guard !stories.isEmpty else { return try out.line("no stories match") }
                try out.line(Self.table(stories, width: output.width))
            }
        }
        try Partial.check(try QueryStore.damage(store))
    }

    static let csvHeader = ["story", "title", "articles", "copies", "outlets", "first", "firstDated", "last", "lastDated",
                            "topics", "conflicts", "merged"]

    static func csvRow(_ story: StoryReport) -> [String?] {
        [story.story, story.title, "\(story.articles)", "\(story.copies)", story.outlets.joined(separator: "; "), story.first,
         story.firstDated, story.last, story.lastDated, "\(story.topics)", "\(story.conflicts)", story.merged.joined(separator: "; ")]
    }

    static func table(_ stories: [StoryReport], width: Int?) -> String {
        let rows = stories.map { story -> [String] in
            let outlets = story.outlets.count > 3
                ? story.outlets.prefix(3).joined(separator: ", ") + ", +\(story.outlets.count - 3)"
                : story.outlets.joined(separator: ", ")
            return [String(story.story.prefix(12)), "\(story.articles)", "\(story.copies)", outlets.isEmpty ? "-" : outlets,
                    day(story.first, story.firstDated), day(story.last, story.lastDated), "\(story.topics)",
                    story.conflicts == 0 ? "0" : "✗ \(story.conflicts)", story.title ?? "(untitled)"]
        }
        return Table.render(header: ["STORY", "ARTICLES", "COPIES", "OUTLETS", "FIRST", "LAST", "TOPICS", "CONFLICTS", "TITLE"],
                            rows: rows, width: width)
    }

    /// A day for a table, marked when it is the day the log recorded it rather than a
    /// published date.
    static func day(_ day: String, _ dated: String) -> String {
        dated == "recorded" ? day + " rec" : day
    }
}
