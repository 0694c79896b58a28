import ArgumentParser
import EventLog
import Foundation
import SeededRandom
import Store

/// Measures the query store at scale: writes a log of synthetic claims (many claimants,
/// articles with copies, figures in many topics), builds the store from it through the
/// real catch-up path, then times each kind of query the CLI runs.
struct QueryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Benchmark the query store: build it from a log of N claims, then time each query kind (median, p99)."
    )

    @Option(help: "Claims in the synthetic log.")
    var claims = 1_000_000

    @Option(help: "Repetitions of each query kind.")
    var repetitions = 200

    @Option(help: "Folder for the log and the store (kept, and reused when it already holds them); default: a temporary one, removed after.")
    var folder: String?

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 11

    @Option(help: "Time only the query kinds whose name contains this text (e.g. \"figures -n\"); default: all.")
    var only: String?

    mutating func run() throws {
        let root = folder ?? NSTemporaryDirectory() + "claimwatch-querybench-\(getpid())"
        defer { if folder == nil { try? FileManager.default.removeItem(atPath: root) } }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        print(BenchMachine.describe(path: root))
        let log = root + "/log", database = root + "/claims.sqlite"
        var corpus = QueryBenchCorpus(seed: seed, claims: claims)
        let clock = ContinuousClock()

        if (try? EventLogReader(directory: log).lastSeq()) == nil {
            let written = try clock.measure { try corpus.writeLog(to: log) }
            print("log: \(corpus.articles) articles, \(corpus.copies) copies, \(claims) claims, \(corpus.figures) figures in \(Self.seconds(written)) s")
        }
        var store: ClaimStore?
        let built = try clock.measure { store = try ClaimStore(path: database, log: log) }
        guard let store else { return }
        let stats = try store.stats()
        let size = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
        print("store: \(stats.claims) claims, \(stats.figures) figures, \(stats.claimants) claimants, \(stats.topics) topics "
              + "(\(stats.conflicts) in conflict); caught up in \(Self.seconds(built)) s; \(size / 1_048_576) MiB")

        var random = SplitMix64(seed: seed ^ 0xABCD)
        // Articles to query by, spread over the whole store (also when it was built before).
        let articleIDs = try store.database.prepare("SELECT id FROM articles WHERE rowid % 97 = 0 LIMIT 2000").rows { $0.text(0) ?? "" }
        guard !articleIDs.isEmpty else { throw ValidationError("the store holds no articles") }
        // The store's last hour, not the clock's: a folder built earlier holds nothing from
        // the hour before now, which would time an empty answer.
        let newest = try store.database.prepare("SELECT max(time) FROM claims").rows { $0.text(0) }.first ?? nil
        let lastHour = try TimeSpan.parse("1h", now: newest.flatMap(Timestamp.parse) ?? Date()).startStamp
        let kinds: [(String, (inout SplitMix64) throws -> Int)] = [
            ("open + catch-up check", { _ in _ = try ClaimStore(path: database, log: log); return 0 }),
            ("claims --claimant SURNAME -n 100", { random in
                try store.claims(ClaimFilter(claimant: QueryBenchCorpus.surnames[random.below(QueryBenchCorpus.surnames.count)], limit: 100)).count
            }),
            ("claims --claimant \"FULL NAME\"", { random in
                try store.claims(ClaimFilter(claimant: QueryBenchCorpus.fullName(random.below(QueryBenchCorpus.claimantCount)))).count
            }),
            ("claims --article ID", { random in
                try store.claims(ClaimFilter(article: articleIDs[random.below(articleIDs.count)])).count
            }),
            ("claims --contains \"TWO WORDS\" -n 100", { random in
                let words = QueryBenchCorpus.vocabulary
                return try store.claims(ClaimFilter(contains: words[random.below(words.count)] + " " + words[random.below(words.count)],
                                                    limit: 100)).count
            }),
            ("claims --since (last hour) -n 100", { _ in
                try store.claims(ClaimFilter(since: lastHour, limit: 100)).count
            }),
            ("figures --about \"REGION PEOPLE\"", { random in
                let about = QueryBenchCorpus.regions[random.below(QueryBenchCorpus.regions.count)] + " "
                    + QueryBenchCorpus.peoples[random.below(QueryBenchCorpus.peoples.count)]
                return try store.figures(about: about).reduce(0) { $0 + $1.figures.count }
            }),
            ("figures -n 20", { _ in try store.figures(limit: 20).count }),
            ("claimants -n 50", { _ in try store.claimants(limit: 50).count }),
            ("stats", { _ in try store.stats().claims }),
        ]
        // Wall time is what a user waits; the thread's CPU time beside it leaves out the
        // slices other processes ran in, so runs on a shared machine can be compared.
        print("query (\(repetitions) runs each)                median      p99   cpu median   rows (mean)")
        for (name, query) in kinds where only.map(name.contains) ?? true {
            var times: [Double] = []
            var cpuTimes: [Double] = []
            var rows = 0
            for _ in 0..<max(1, repetitions) {
                var found = 0
                var elapsed = Duration.zero
                let cpu = try BenchClock.cpuTime { elapsed = try clock.measure { found = try query(&random) } }
                rows += found
                times.append(Self.seconds(elapsed) * 1000)
                cpuTimes.append(cpu * 1000)
            }
            times.sort()
            cpuTimes.sort()
            let median = times[times.count / 2], p99 = times[min(times.count - 1, times.count * 99 / 100)]
            print(name.padding(toLength: 42, withPad: " ", startingAt: 0)
                  + String(format: "%7.2f ms %7.2f ms   %7.2f ms   %d", median, p99, cpuTimes[cpuTimes.count / 2],
                           rows / max(1, repetitions)))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
