import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Ingest
import Store

struct ClaimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List claims, newest first: who asserts what, with which figures."
    )

    enum Stance: String, ExpressibleByArgument, CaseIterable {
        case asserts, denies
    }

    @OptionGroup var state: StateOptions
    @OptionGroup(title: "Cluster") var cluster: DatabaseOptions

    @Option(help: ArgumentHelp("Only this claimant: the canonical name or whole words of it (\"Zelensky\"), ignoring case and accents.", valueName: "name"))
    var claimant: String?

    @Option(help: ArgumentHelp("Only claims of this article (an id or a unique prefix; a copy's id gives its original's).", valueName: "id"))
    var article: String?

    @Option(help: ArgumentHelp("Only claims whose sentence holds all these words.", valueName: "words"))
    var contains: String?

    @Option(help: ArgumentHelp("Only claims from articles of this outlet (whole words of its name, ignoring case and accents).", valueName: "name"))
    var outlet: String?

    @Option(help: ArgumentHelp("Only claims that assert, or only those that deny.", valueName: "stance"))
    var stance: Stance?

    @Flag(help: "Only direct quotes.")
    var quotes = false

    @OptionGroup var story: StoryOption
    @OptionGroup var time: TimeOptions
    @OptionGroup var published: PublishedOption

    @Option(name: .short, help: "Show at most this many.")
    var n: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try SearchOption.validate("--claimant", claimant)
        try SearchOption.validate("--contains", contains)
        try SearchOption.validate("--outlet", outlet)
        if let article, article.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--article is empty") }
    }

    func run() async throws {
        let store = try await QueryStore.open(state, cluster, command: "claims")
        try QueryStore.requireMatches(claimant: claimant, outlet: outlet, in: store)
        let original = try article.map { try QueryStore.lookup($0, in: store).original }
        let bounds = time.bounds
        let (since, until) = (bounds.since, bounds.until)
        let filter = ClaimFilter(claimant: claimant, article: original ?? nil, contains: contains, outlet: outlet,
                                 stance: stance?.rawValue, quotesOnly: quotes, since: since, until: until,
                                 published: published.published, limit: n, story: try story.resolve(in: store))
        let rows = try QueryStore.answer { () throws(StoreError) in try store.claims(filter) }
        var damage = try QueryStore.damage(store)
        try StandardOutput.write { out in
            switch output.format {
            case .json:
                let reader = store.recordReader()
                for row in rows {
                    guard let record = Self.record(of: row, reader: reader, damage: &damage) else { continue }
                    try out.line(try AnswerJSON.claim(record, row: row))
                }
            case .csv:
                let reader = store.recordReader()
                var csv = CSV(header: AnswerCSV.claimsHeader)
                for row in rows {
                    guard let record = Self.record(of: row, reader: reader, damage: &damage) else { continue }
                    let claim = try record.decode(ClaimExtracted.self)
                    for fields in AnswerCSV.claimRows(claim, row: row) { csv.append(fields) }
                }
                try out.text(csv.text)
            case .table:
                guard !rows.isEmpty else { return try out.line("no claims match") }
                let table = rows.map { row -> [String] in
                    let who = row.canonical ?? row.claimant ?? "(unattributed)"
                    let flags = [row.quote ? "quote" : nil, row.hedges.isEmpty ? nil : row.hedges, row.repeats.map { "repeats \($0)" },
                                 row.updates.map { "updates \($0)" }].compactMap { $0 }.joined(separator: "; ")
                    return [ArticlesCommand.minutes(row.time), row.article, who, Self.cue(row), row.figures.joined(separator: "; "),
                            "\(row.reports)", flags, row.text]
                }
                try out.line(Table.render(header: ["RECORDED", "ARTICLE", "CLAIMANT", "CUE", "FIGURES", "REPORTS", "FLAGS", "TEXT"],
                                          rows: table, width: output.width))
            }
        }
        try Partial.check(damage)
    }

    /// A claim's record from the log; nil, with the damage noted, when it cannot be read.
    static func record(of row: ClaimRow, reader: some RecordReading, damage: inout [LogDamage]) -> LogRecord? {
        do {
            return try reader.record(at: row.location, seq: UInt64(row.seq))
        } catch {
            damage.append(LogDamage(error) ?? LogDamage(segment: "the record of claim \(row.claim)", offset: row.offset, reason: "\(error)"))
            return nil
        }
    }

    /// The cue column: "denies" for a denial, else the cue as written.
    static func cue(_ row: ClaimRow) -> String {
        row.stance == "denies" ? "denies" : (row.cue ?? "")
    }
}
