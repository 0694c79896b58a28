import ArgumentParser
import Foundation
import Store

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How much the record holds: articles, copies, claims, figures, topics, conflicts."
    )

    @OptionGroup var state: StateOptions

    @Flag(help: "One JSON object.")
    var json = false

    func run() throws {
        let store = try QueryStore.open(state.layout)
        let stats = try QueryStore.answer { try store.stats() }
        if json {
            print(try JSONLine.encode(stats))
            return
        }
        let rows: [(String, Int)] = [
            ("articles", stats.articles), ("copies", stats.copies), ("claims", stats.claims), ("figures", stats.figures),
            ("claimants", stats.claimants), ("topics", stats.topics), ("conflicts", stats.conflicts),
        ]
        print(Table.render(header: ["WHAT", "COUNT"], rows: rows.map { [$0.0, "\($0.1)"] }))
        print("(topics: with two figures or more; conflicts: topics holding disjoint figures; up to log seq \(stats.seq))")
    }
}
