import ArgumentParser
import EventLog
import Foundation
import Logging
import Store
import Web

/// Measures `claimwatch serve` on the query bench's store: the server runs in this
/// process, on loopback, and a load of keep-alive connections asks for the topic page of
/// the topic nearest 2,000 figures, for the overview and for that topic's story. Each answer's `Server-Timing`
/// (the server's own time, from the request to the finished body) and the round trip the
/// client saw are both reported, median and p99, with the CPU the process spent per request.
struct WebBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Benchmark claimwatch serve: topic page and overview at the query bench's scale (server time and round trip, median, p99)."
    )

    @Option(help: "Claims in the synthetic log (as claimwatch-bench query).")
    var claims = 1_000_000

    @Option(help: "Folder for the log and the store, shared with claimwatch-bench query (reused when it holds them); default: a temporary one, removed after.")
    var folder: String?

    @Option(help: "Requests per page kind.")
    var requests = 300

    @Option(help: "Connections asking at once.")
    var connections = 2

    @Option(help: "Figures of the topic whose page is asked for (the topic nearest this size).")
    var topicFigures = 2000

    @Option(help: "Keep serving this many seconds after the run, for an outside load tool (wrk) on the printed addresses.")
    var hold = 0

    mutating func run() async throws {
        let root = folder ?? NSTemporaryDirectory() + "claimwatch-webbench-\(getpid())"
        defer { if folder == nil { try? FileManager.default.removeItem(atPath: root) } }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        print(BenchMachine.describe(path: root))
        print("load average before: \(Self.loadAverage())")
        let paths = WebConfiguration.Paths(log: root + "/log", store: root + "/claims.sqlite", articles: root + "/articles")
        if (try? EventLogReader(directory: paths.log).lastSeq()) == nil {
            var corpus = QueryBenchCorpus(seed: 11, claims: claims)
            try corpus.writeLog(to: paths.log)
            print("log: \(corpus.articles) articles, \(claims) claims, \(corpus.figures) figures")
        }
        let store = try ClaimStore(path: paths.store, log: paths.log)
        let wanted = topicFigures
        guard let topic = try store.database.prepare("SELECT id, label, figures FROM topics ORDER BY abs(figures - ?) LIMIT 1")
            .rows([.integer(wanted)], { ($0.text(0) ?? "", $0.text(1) ?? "", Int($0.integer(2))) }).first else {
            throw ValidationError("the store holds no topics")
        }
        let stats = try store.stats()
        print("store: \(stats.claims) claims, \(stats.figures) figures, \(stats.topics) topics; topic \(topic.0) \"\(topic.1)\", \(topic.2) figures")

        var logger = Logger(label: "claimwatch-bench.web")
        // Stopping the server by cancelling its task is reported as an error; only a
        // critical one is news here.
        logger.logLevel = .critical
        let server = WebServer(configuration: try WebConfiguration(paths: paths, listen: "127.0.0.1:0"), logger: logger)
        let (addresses, announce) = AsyncStream<String>.makeStream()
        let serving = Task { try await server.run { announce.yield($0) } }
        var iterator = addresses.makeAsyncIterator()
        guard let address = await iterator.next() else { throw ValidationError("the server did not start") }
        let port = UInt16(address.split(separator: ":").last ?? "") ?? 0
        print("serving at http://\(address)/; \(connections) connections, \(requests) requests per page, after 20 to warm up")

        var pages = [("topic page (\(topic.2) figures)", "/topics/\(topic.0)"), ("overview", "/"),
                     ("topic JSON (/api/topics/ID)", "/api/topics/\(topic.0)")]
        // The story holding the measured topic: its page lists the story's topics and articles.
        if let story = try store.database.prepare("SELECT story FROM topics WHERE id = ? AND story != ''")
            .rows([.text(topic.0)], { $0.text(0) }).first ?? nil {
            pages.append(("story page (the topic's story)", "/stories/\(story)"))
        }
        try await Self.measure(pages, port: port, requests: requests, connections: connections)
        print("load average after: \(Self.loadAverage())")
        if hold > 0 {
            print("holding for \(hold) s: wrk -t1 -c2 -d20s --latency http://\(address)/topics/\(topic.0)")
            try? await Task.sleep(for: .seconds(hold))
        }
        serving.cancel()
        _ = try? await serving.value
    }

    /// Asks for each page `requests` times after 20 to warm up, and prints the server's time
    /// and the round trip (median, p99) and the process's CPU per request.
    static func measure(_ pages: [(String, String)], port: UInt16, requests: Int, connections: Int) async throws {
        print("page                                   server p50    p99     round trip p50    p99     CPU/request   bytes")
        for (name, path) in pages {
            let load = WebLoad(port: port, path: path, connections: connections)
            _ = try await load.run(requests: 20)
            let before = BenchClock.processCPU()
            let samples = try await load.run(requests: requests)
            // The whole process's CPU (the server, and the client reading the answers), which
            // the other builds sharing the machine do not inflate as they do the times.
            let cpu = (BenchClock.processCPU() - before) / Double(max(1, samples.count)) * 1000
            let server = samples.map(\.server).sorted(), trip = samples.map(\.roundTrip).sorted()
            print(name.padding(toLength: 38, withPad: " ", startingAt: 0)
                  + String(format: " %7.2f ms %7.2f ms   %7.2f ms %7.2f ms   %7.2f ms   %d", Self.percentile(server, 0.5), Self.percentile(server, 0.99),
                           Self.percentile(trip, 0.5), Self.percentile(trip, 0.99), cpu, samples.first?.bytes ?? 0))
        }
    }

    static func percentile(_ sorted: [Double], _ share: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))]
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }
}
