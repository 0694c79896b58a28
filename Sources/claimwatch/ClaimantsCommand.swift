import ArgumentParser
import Foundation
import Store

struct ClaimantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimants",
        abstract: "Who asserts how much, in how many articles (one canonical name per person or body)."
    )

    @OptionGroup var state: StateOptions

    @Option(name: .short, help: "Show at most this many.")
    var n: Int?

    @Flag(help: "One JSON object per claimant.")
    var json = false

    func run() throws {
        let store = try QueryStore.open(state.layout)
        let rows = try QueryStore.answer { try store.claimants(limit: n) }
        if json {
            for row in rows { print(try JSONLine.encode(row)) }
            return
        }
        if rows.isEmpty {
            print("no claimants in the record")
            return
        }
        print(Table.render(header: ["CLAIMS", "FIGURES", "ARTICLES", "KIND", "CLAIMANT"],
                           rows: rows.map { ["\($0.claims)", "\($0.figures)", "\($0.articles)", $0.kind, $0.claimant] }))
    }
}
