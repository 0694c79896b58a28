import ArgumentParser
import EventLog
import Foundation

struct DropBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop",
        abstract: "Run the real claimwatchd: latency from rename-into-folder to the event in the log, and a burst drained."
    )

    @Option(help: "Single drops at idle for the latency figures.")
    var singles = 500

    @Option(help: "Files in the burst.")
    var burst = 20_000

    @Option(help: "The claimwatchd executable (default: the one beside this benchmark).")
    var daemon: String?

    func run() async throws {
        print(BenchMachine.describe(path: NSTemporaryDirectory()))
        let executable = daemon ?? URL(fileURLWithPath: CommandLine.executablePath).deletingLastPathComponent().appendingPathComponent("claimwatchd").path
        let root = NSTemporaryDirectory() + "/claimwatch-bench-drop-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let inbox = root + "/inbox", staging = root + "/staging"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--state", root, "--log-level", "warning"]
        try process.run()
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }
        let follower = try LogFollower(directory: root + "/log", pollInterval: .milliseconds(200))
        _ = try next(follower, matching: WatchRescan.eventType)

        var latencies: [Double] = []
        for index in 0..<singles {
            let name = "single-\(index).txt"
            try Data(BenchArticle.text(index).utf8).write(to: URL(fileURLWithPath: staging + "/" + name))
            let start = ContinuousClock.now
            guard rename(staging + "/" + name, inbox + "/" + name) == 0 else { throw ValidationError("rename failed: \(errno)") }
            _ = try next(follower, matching: nil) { $0.type.hasPrefix("article.") }
            latencies.append(milliseconds(ContinuousClock.now - start))
        }
        latencies.sort()
        print(String(format: "drop → log latency, %d single drops: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                     singles, percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.last ?? 0))

        for index in 0..<burst {
            try Data(BenchArticle.text(100_000 + index).utf8).write(to: URL(fileURLWithPath: staging + "/burst-\(index).txt"))
        }
        let burstStart = ContinuousClock.now
        for index in 0..<burst {
            guard rename(staging + "/burst-\(index).txt", inbox + "/burst-\(index).txt") == 0 else {
                throw ValidationError("rename failed: \(errno)")
            }
        }
        var seen = Set<String>()
        while seen.count < burst {
            guard case let .record(record)? = try follower.next() else { throw ValidationError("the log ended") }
            guard record.type.hasPrefix("article.") || record.type == FileRejected.eventType,
                  let path = try? record.decode(PathOnly.self, as: record.type).path, path.hasPrefix("burst-") else { continue }
            seen.insert(path)
        }
        let drained = ContinuousClock.now - burstStart
        let left = try FileManager.default.contentsOfDirectory(atPath: inbox).count
        print(String(format: "burst of %d files: drained in %.2f s, %.0f files/s; %d recorded, %d still in the drop folder",
                     burst, milliseconds(drained) / 1000, Double(burst) / (milliseconds(drained) / 1000), seen.count, left))
        process.interrupt()
        process.waitUntilExit()
    }

    private struct PathOnly: Decodable { var path: String }

    private func next(_ follower: LogFollower, matching type: String?, where include: (LogRecord) -> Bool = { _ in true }) throws -> LogRecord {
        while let item = try follower.next() {
            if case let .record(record) = item, type == nil || record.type == type, include(record) { return record }
        }
        throw ValidationError("the log ended")
    }

    private func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    private func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }
}

/// Distinct ~5 KB invented articles whose words follow a Zipf-like spread over a large
/// vocabulary, as prose does: unrelated articles share common words but few 5-word runs.
enum BenchArticle {
    private static let syllables = ["ka", "lo", "mer", "tin", "sa", "vel", "dor", "ri", "an", "pe", "sto", "ul", "ben", "qua", "zi", "hor"]
    /// 4,096 pseudo-words, most common first.
    private static let vocabulary: [String] = (0..<4096).map { index in
        var rest = index + 16
        var word = ""
        while rest > 0 {
            word += syllables[rest % syllables.count]
            rest /= syllables.count
        }
        return word
    }
    /// Cumulative weights ∝ 1 / (rank + 8).
    private static let cumulative: [Double] = {
        var total = 0.0
        return vocabulary.indices.map { rank in
            total += 1 / Double(rank + 8)
            return total
        }
    }()

    static func text(_ index: Int) -> String {
        var state = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func word() -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let target = Double(state >> 11) / Double(1 << 53) * cumulative[cumulative.count - 1]
            var low = 0, high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < target { low = middle + 1 } else { high = middle }
            }
            return vocabulary[low]
        }
        var text = "Report \(index): \(word()) \(word()) \(word())\n\n"
        for _ in 0..<8 {
            for _ in 0..<7 {
                text += (0..<12).map { _ in word() }.joined(separator: " ") + ". "
            }
            text += "\n\n"
        }
        return text
    }
}

extension LogRecord {
    func decode<T: Decodable>(_: T.Type, as _: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(line))
    }
}

extension CommandLine {
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
    }
}
