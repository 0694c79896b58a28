import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Store

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How much the record holds: articles, copies, stories, claims, figures, topics, conflicts."
    )

    @OptionGroup var state: StateOptions
    @OptionGroup(title: "Cluster") var cluster: DatabaseOptions

    @Flag(help: "One JSON object.")
    var json = false

    func run() async throws {
        let store = try await QueryStore.open(state, cluster, command: "stats")
        let stats = try QueryStore.answer { () throws(StoreError) in try store.stats() }
        try StandardOutput.write { out in
            if json { return try out.line(try CompactJSON.encode(stats)) }
            let rows: [(String, Int)] = [
                ("articles", stats.articles), ("copies", stats.copies), ("stories", stats.stories), ("claims", stats.claims),
                ("figures", stats.figures),
                ("claimants", stats.claimants), ("topics", stats.topics), ("conflicts", stats.conflicts),
            ]
            try out.line(Table.render(header: ["WHAT", "COUNT"], rows: rows.map { [$0.0, "\($0.1)"] }, width: nil))
            try out.line("(topics: with two figures or more; conflicts: topics holding a conflicting pair, as figures compares them; up to \(cluster.address() == nil ? "log seq" : "stream position") \(stats.seq))")
        }
        try Partial.check(try QueryStore.damage(store))
    }
}
