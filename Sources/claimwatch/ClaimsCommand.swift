import ArgumentParser
import Foundation
import Store

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List claims, newest first: who asserts what, with which figures."
    )

    @OptionGroup var state: StateOptions

    @Option(help: ArgumentHelp("Only this claimant: the canonical name or whole words of it (\"Zelensky\").", valueName: "name"))
    var claimant: String?

    @Option(help: ArgumentHelp("Only claims of this article (an id or a unique prefix; a copy's id gives its original's).", valueName: "id"))
    var article: String?

    @Option(help: ArgumentHelp("Only claims whose sentence holds all these words.", valueName: "words"))
    var contains: String?

    @Option(help: ArgumentHelp("Only claims recorded since then: an RFC 3339 time or date, or an age (90m, 24h, 7d).", valueName: "time"))
    var since: String?

    @Option(name: .short, help: "Show at most this many.")
    var n: Int?

    @Flag(help: "One JSON object per claim.")
    var json = false

    func validate() throws {
        if let since, SinceTime.parse(since) == nil {
            throw ValidationError("--since takes an RFC 3339 time or date (2026-11-12, 2026-11-12T08:00) or an age (90m, 24h, 7d)")
        }
    }

    func run() throws {
        let store = try QueryStore.open(state.layout)
        let filter = ClaimFilter(claimant: claimant, article: article, contains: contains,
                                 since: since.flatMap { SinceTime.parse($0) }, limit: n)
        let rows = try QueryStore.answer { try store.claims(filter) }
        if json {
            for row in rows { print(try JSONLine.encode(row)) }
            return
        }
        if rows.isEmpty {
            print("no claims match")
            return
        }
        let table = rows.map { row -> [String] in
            let who = row.canonical ?? row.claimant ?? "(unattributed)"
            let cue = row.stance == "denies" ? "denies" : (row.cue ?? "")
            let flags = [row.quote ? "quote" : nil, row.hedges.isEmpty ? nil : row.hedges, row.repeats.map { "repeats \($0)" },
                         row.updates.map { "updates \($0)" }].compactMap { $0 }.joined(separator: "; ")
            return [String(row.time.prefix(16)).replacingOccurrences(of: "T", with: " "), row.article, who, cue,
                    row.figures.joined(separator: "; "), "\(row.reports)", flags, row.text]
        }
        print(Table.render(header: ["RECORDED", "ARTICLE", "CLAIMANT", "CUE", "FIGURES", "REPORTS", "FLAGS", "TEXT"], rows: table))
    }
}
