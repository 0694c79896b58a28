import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Ingest
import Store

struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List the articles in the record, newest first, with how many copies each has."
    )

    @OptionGroup var state: StateOptions

    @Option(help: ArgumentHelp("Only articles of this outlet (whole words of its name, ignoring case and accents).", valueName: "name"))
    var outlet: String?

    @OptionGroup var time: TimeOptions
    @OptionGroup var published: PublishedOption

    @Option(name: .short, help: "Show at most this many.")
    var n: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try SearchOption.validate("--outlet", outlet)
    }

    func run() throws {
        let catalog = try Catalog.load(state)
        try Catalog.requireOutlet(outlet, in: catalog)
        let bounds = time.bounds
        var entries = catalog.articles.reversed().filter { entry in
            Catalog.outlet(outlet, matches: entry.ingested)
                && bounds.contains(published.published ? PublishedOption.stamp(entry.ingested.published) : entry.time)
        }
        if let n { entries = Array(entries.prefix(n)) }
        try StandardOutput.write { out in
            switch output.format {
            case .json:
                for entry in entries {
                    try out.line(AnswerJSON.article(entry.record, copies: entry.copies.map(\.record)).build())
                }
            case .csv:
                var csv = CSV(header: AnswerCSV.articlesHeader)
                for entry in entries {
                    csv.append(AnswerCSV.articleRow(entry.ingested, seq: entry.seq, time: entry.time, copies: entry.copies.count))
                }
                try out.text(csv.text)
            case .table:
                guard !entries.isEmpty else { return try out.line("no articles match") }
                let rows = entries.map { entry -> [String] in
                    let article = entry.ingested
                    return [article.article, Self.minutes(entry.time), article.format, "\(article.words)", "\(entry.copies.count)",
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
