import ArgumentParser
import ConsoleOutput
import Foundation
import Store

struct ClaimantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimants",
        abstract: "Who asserts how much, in how many articles (one canonical name per person or body).",
        discussion: "With a filter, only the claims that pass it are counted: who denies, who spoke this week, in one outlet."
    )

    @OptionGroup var state: StateOptions
    @OptionGroup(title: "Cluster") var cluster: DatabaseOptions

    @Option(help: ArgumentHelp("Only claims from articles of this outlet.", valueName: "name"))
    var outlet: String?

    @Option(help: ArgumentHelp("Only claims that assert, or only those that deny.", valueName: "stance"))
    var stance: ClaimsCommand.Stance?

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
        let store = try await QueryStore.open(state, cluster, command: "claimants")
        try QueryStore.requireMatches(claimant: nil, outlet: outlet, in: store)
        let bounds = time.bounds
        let (since, until) = (bounds.since, bounds.until)
        let filter = ClaimFilter(outlet: outlet, stance: stance?.rawValue, since: since, until: until, published: published.published,
                                 story: try story.resolve(in: store))
        let rows = try QueryStore.answer { () throws(StoreError) in try store.claimants(limit: n, filter: filter) }
        try StandardOutput.write { out in
            switch output.format {
            case .json:
                for row in rows { try out.line(try AnswerJSON.claimant(row)) }
            case .csv:
                var csv = CSV(header: AnswerCSV.claimantsHeader)
                for row in rows { csv.append(AnswerCSV.claimantRow(row)) }
                try out.text(csv.text)
            case .table:
                guard !rows.isEmpty else { return try out.line(filter == ClaimFilter() ? "no claimants in the record" : "no claimants match") }
                try out.line(Table.render(header: ["CLAIMS", "FIGURES", "ARTICLES", "KIND", "CLAIMANT"],
                                          rows: rows.map { ["\($0.claims)", "\($0.figures)", "\($0.articles)", $0.kind, $0.claimant] },
                                          width: output.width))
            }
        }
        try Partial.check(try QueryStore.damage(store))
    }
}
