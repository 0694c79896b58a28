import ArgumentParser
import Foundation
import Ingest
import SeededRandom

/// Measures that no claim is lost whatever order a folder's files arrive in: each claim a
/// file yields when ingested alone must be in the log after a run over the whole folder
/// (`ClaimsKept`). Runs the folder in name order, in reverse, and in seeded shuffles.
struct KeptBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kept",
        abstract: "Claims kept / claims expected, for every article of a folder, in several arrival orders."
    )

    @Argument(help: ArgumentHelp("A folder of article files (an overlap corpus, examples/articles).", valueName: "dir"))
    var folder: String

    @Option(help: "Arrival orders: name order, reverse, then seeded shuffles.")
    var orders = 3

    @Option(help: "Seed of the shuffles.")
    var seed: UInt64 = 15

    @Option(help: "Where the runs' state folders go (each removed after its run).")
    var scratch = NSTemporaryDirectory()

    @Option(help: "Lost claims listed per order.")
    var show = 5

    func run() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { !$0.hasPrefix(".") && $0 != "labels.json" }.sorted()
        print(BenchMachine.describe(path: scratch))
        print("\(names.count) files in \(folder)")
        var random = SplitMix64(seed: seed)
        var total = ClaimsKept.Result()
        for order in 0..<orders {
            var sequence = names
            if order == 1 { sequence.reverse() }
            if order >= 2 {
                for index in stride(from: sequence.count - 1, to: 0, by: -1) { sequence.swapAt(index, random.below(index + 1)) }
            }
            let state = scratch + "/claimwatch-kept-\(getpid())-\(order)"
            let started = Date()
            defer { try? FileManager.default.removeItem(atPath: state) }
            let result = try ClaimsKept.measure(folder: folder, order: sequence, state: state)
            let label = order == 0 ? "name order" : order == 1 ? "reverse order" : "shuffle \(order - 1)"
            print(String(format: "%@: claims kept %d / %d = %.4f (%d articles, %d copies), %.1f s", label, result.kept,
                         result.expected, result.share, result.articles, result.copies, Date().timeIntervalSince(started)))
            for lost in result.lost.prefix(show) { print("  lost: \(lost.prefix(160))") }
            total.expected += result.expected
            total.kept += result.kept
        }
        print(String(format: "all orders: claims kept %d / %d = %.4f", total.kept, total.expected, total.share))
    }
}
