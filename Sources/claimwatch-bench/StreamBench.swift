import ArgumentParser
import ClusterStore
import EventLog
import Foundation
import Logging
import Store
import Web

/// Measures the readers of a cluster's stream (`--database`): publishes the query bench's
/// synthetic log to a PostgreSQL database as one host, then, interleaved, builds the query
/// store from the log and the stream's projection from the database, each from nothing;
/// times what a command pays once caught up (open, the catch-up check, a query) on each;
/// and serves the stream's projection as `serve --database` does, timing the topic page and
/// the overview as `claimwatch-bench web` does.
struct StreamBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Benchmark the cluster stream's readers: the projection built from PostgreSQL beside the query store built from the log, caught-up queries, and serve --database."
    )

    @Option(help: "The PostgreSQL database to publish into and read from (a password from $CLAIMWATCH_DATABASE_PASSWORD or $PGPASSWORD).")
    var database: String

    @Option(help: "Claims in the synthetic log (as claimwatch-bench query); 450,000 make about 500,000 records.")
    var claims = 450_000

    @Option(help: "Folder for the log and both stores (the log is reused when it is there); default: a temporary one, removed after.")
    var folder: String?

    @Option(help: "Builds of each store from nothing, interleaved.")
    var runs = 2

    @Option(help: "Repetitions of the caught-up query on each store.")
    var repetitions = 40

    @Option(help: "Requests per page kind for the server.")
    var requests = 200

    @Option(help: "Connections asking the server at once.")
    var connections = 1

    @Option(help: "Figures of the topic whose page is asked for (the topic nearest this size).")
    var topicFigures = 2000

    mutating func run() async throws {
        let root = folder ?? NSTemporaryDirectory() + "claimwatch-streambench-\(getpid())"
        defer { if folder == nil { try? FileManager.default.removeItem(atPath: root) } }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        print(BenchMachine.describe(path: root))
        print("load average before: \(WebBench.loadAverage())")
        let log = root + "/log", local = root + "/claims.sqlite", cache = root + "/stream-cache"
        let clock = ContinuousClock()
        if (try? EventLogReader(directory: log).lastSeq()) == nil {
            var corpus = QueryBenchCorpus(seed: 11, claims: claims)
            try corpus.writeLog(to: log)
            print("log: \(corpus.articles) articles, \(claims) claims, \(corpus.figures) figures")
        }
        let last = try EventLogReader(directory: log).lastSeq() ?? 0
        var logger = Logger(label: "claimwatch-bench.stream")
        logger.logLevel = .critical
        let settings = try DatabaseConfiguration.resolve(address: database, passwordFile: nil,
                                                         environment: ProcessInfo.processInfo.environment,
                                                         applicationName: "claimwatch-bench")
        let connection = try await DatabaseConnection.open(settings, logger: logger)
        defer { Task { await connection.close() } }
        let head = (try? await EventStream(connection: connection).head()) ?? 0
        if head < Int64(last) {
            var publishing = LogPublisher.Configuration(database: settings, host: "bench", logDirectory: log)
            publishing.batchRecords = 5_000
            let publisher = try LogPublisher(configuration: publishing, durableSeq: { last }, logger: logger)
            let started = clock.now
            let running = Task { await publisher.run() }
            while publisher.status.publishedSeq < last { try await Task.sleep(for: .milliseconds(50)) }
            publisher.finish()
            await running.value
            print("published \(last) records to the stream in \(Self.seconds(clock.now - started)) s")
        }

        print("first build from nothing (\(last) records), \(runs) interleaved runs:")
        for run in 1...max(1, runs) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: local + suffix) }
            let fromLog = try clock.measure { _ = try ClaimStore(path: local, log: log) }
            try? FileManager.default.removeItem(atPath: cache)
            let started = clock.now
            let store = try StreamCache.open(folder: cache)
            let applied = try await StreamProjection(connection: connection).catchUp(store)
            let fromStream = clock.now - started
            print("  run \(run): from the local log \(Self.seconds(fromLog)) s; from the stream \(Self.seconds(fromStream)) s (\(applied) records)")
        }

        // What a command pays once caught up: open the store, check for new records, answer.
        var localTimes: [Double] = [], streamTimes: [Double] = []
        for _ in 0..<max(1, repetitions) {
            localTimes.append(Self.milliseconds(try clock.measure {
                let store = try ClaimStore(path: local, log: log)
                _ = try store.claims(ClaimFilter(limit: 20))
            }))
            let started = clock.now
            let store = try StreamCache.open(folder: cache)
            let reader = try await DatabaseConnection.open(settings, logger: logger)
            _ = try await StreamProjection(connection: reader).catchUp(store)
            await reader.close()
            _ = try store.claims(ClaimFilter(limit: 20))
            streamTimes.append(Self.milliseconds(clock.now - started))
        }
        localTimes.sort()
        streamTimes.sort()
        print(String(format: "caught up, open + catch-up check + claims -n 20, median / p99 of %d: local log %.1f / %.1f ms; stream (with connecting) %.1f / %.1f ms",
                     repetitions, WebBench.percentile(localTimes, 0.5), WebBench.percentile(localTimes, 0.99),
                     WebBench.percentile(streamTimes, 0.5), WebBench.percentile(streamTimes, 0.99)))

        let store = try StreamCache.open(folder: cache)
        guard let topic = try store.database.prepare("SELECT id, label, figures FROM topics ORDER BY abs(figures - ?) LIMIT 1")
            .rows([.integer(topicFigures)], { ($0.text(0) ?? "", $0.text(1) ?? "", Int($0.integer(2))) }).first else {
            throw ValidationError("the store holds no topics")
        }
        let paths = WebConfiguration.Paths(streamStore: cache + "/claims.sqlite", articles: StreamCache.articles(in: cache))
        let feed = RecordFeed { [store = paths.store, logger] applied in
            try await StreamProjection.follow(settings, store: store, logger: logger, applied: applied)
        }
        let server = WebServer(configuration: try WebConfiguration(paths: paths, feed: feed, listen: "127.0.0.1:0"), logger: logger)
        let (addresses, announce) = AsyncStream<String>.makeStream()
        let serving = Task { try await server.run { announce.yield($0) } }
        var iterator = addresses.makeAsyncIterator()
        guard let address = await iterator.next() else { throw ValidationError("the server did not start") }
        let port = UInt16(address.split(separator: ":").last ?? "") ?? 0
        print("serve --database at http://\(address)/; topic \(topic.0) \"\(topic.1)\", \(topic.2) figures; \(connections) connections, \(requests) requests per page")
        try await WebBench.measure([("topic page (\(topic.2) figures)", "/topics/\(topic.0)"), ("overview", "/")],
                                   port: port, requests: requests, connections: connections)
        print("load average after: \(WebBench.loadAverage())")
        serving.cancel()
        _ = try? await serving.value
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
