import ClusterStore
import EventLog
import Foundation
import Logging
import PostgresTestSupport

/// A host's log in a temporary folder, written by the real writer, and a publisher for it.
final class TestHost: @unchecked Sendable {
    // @unchecked: `writer` is set once in init; the publisher and its task are touched
    // only by the test's own task.
    let name: String
    let folder: String
    var log: String { folder + "/log" }
    let writer: EventLogWriter
    private let bell = DurableBell()

    init(_ name: String) throws {
        self.name = name
        folder = NSTemporaryDirectory() + "cluster-host-\(name)-\(UUID().uuidString.prefix(8))"
        var configuration = EventLogConfiguration(directory: folder + "/log", segmentBytes: 64 << 10)
        let bell = bell
        configuration.onDurable = { _ in bell.ring() }
        writer = try EventLogWriter(configuration: configuration)
    }

    /// Appends `count` records of varied types, durable when it returns.
    func append(_ count: Int, note: String = "") async throws {
        var payloads: [any EventPayload] = []
        for index in 0..<count {
            switch index % 3 {
            case 0: payloads.append(WatchRescan(reason: "periodic", files: index))
            case 1: payloads.append(FileRejected(path: "p\(index)\(note).txt", reason: "empty", message: "the file is empty \(note)",
                                                 quarantined: "q/p\(index).txt", file: nil))
            default: payloads.append(DaemonStopped(reason: "test \(note) \(index)", processed: index, rejected: 0))
            }
        }
        try await writer.append(payloads)
    }

    /// Appends `count` story merges (a type the other hosts' followers hand over), durable when it returns.
    func appendMerges(_ count: Int, note: String) async throws {
        try await writer.append((0..<count).map { StoryMerged(story: "\(name)-\(note)-\($0)", into: "\(name)-\(note)", article: "a\($0)") })
    }

    /// The log's records in seq order.
    func records() throws -> [LogRecord] {
        let cursor = try EventLogReader(directory: log).cursor()
        var records: [LogRecord] = []
        while let item = try cursor.next() {
            if case let .record(record) = item { records.append(record) }
        }
        return records
    }

    /// The log's lines by seq.
    func lines() throws -> [UInt64: String] {
        let cursor = try EventLogReader(directory: log).cursor()
        var lines: [UInt64: String] = [:]
        while let item = try cursor.next() {
            if case let .record(record) = item { lines[record.seq] = record.json }
        }
        return lines
    }

    func publisher(_ database: DatabaseConfiguration, retry: Duration = .milliseconds(50)) throws -> LogPublisher {
        var configuration = LogPublisher.Configuration(database: database, host: name, logDirectory: log)
        configuration.retry = (retry, retry * 4)
        configuration.refusedRetry = .milliseconds(200)
        configuration.batchRecords = 100
        let publisher = try LogPublisher(configuration: configuration, durableSeq: { [writer] in writer.durableSeq },
                                         logger: Self.quiet)
        bell.publisher = publisher
        return publisher
    }

    static var quiet: Logger {
        var logger = Logger(label: "cluster-test")
        logger.logLevel = ProcessInfo.processInfo.environment["CLUSTER_TEST_LOG"] == "1" ? .debug : .critical
        return logger
    }

    func remove() {
        try? writer.close()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// Passes the writer's durable notices to whichever publisher is current.
private final class DurableBell: @unchecked Sendable {
    // @unchecked: `publisher` is guarded by `lock`.
    private let lock = NSLock()
    private weak var current: LogPublisher?
    var publisher: LogPublisher? {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    func ring() { publisher?.logAdvanced() }
}

/// A database of the test's own on a server, and connections to it.
struct TestDatabase {
    let server: PostgresServer
    let name: String

    init(_ server: PostgresServer, _ label: String) throws {
        self.server = server
        name = try server.makeDatabase(label)
    }

    var configuration: DatabaseConfiguration {
        get throws { DatabaseConfiguration(address: try DatabaseAddress(parsing: server.socketAddress(name))) }
    }

    func connect() async throws -> DatabaseConnection {
        try await DatabaseConnection.open(try configuration, logger: TestHost.quiet)
    }

    /// `(host, seq, line)` of every published record, in stream order, and the positions.
    func published() throws -> [(position: Int64, host: String, seq: UInt64, line: String)] {
        let text = try server.psql("SELECT position, host, seq, line FROM claimwatch.events ORDER BY position", database: name)
        return text.split(separator: "\n").map { row in
            let fields = row.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false)
            return (Int64(fields[0]) ?? -1, String(fields[1]), UInt64(fields[2]) ?? 0, String(fields[3]))
        }
    }

    /// Off the cooperative pool: psql is waited for with a blocking waitpid, and tests that
    /// poll it on the pool's two threads (on two cores) starved the publishers they watch.
    func count() async -> Int {
        let server = server, name = name
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Int((try? server.psql("SELECT count(*) FROM claimwatch.events", database: name)) ?? "0") ?? 0)
            }
        }
    }
}

/// Polls `condition` until it holds or `timeout` passes; bounds a hang, asserts no speed
/// (under make test on two shared cores, a publisher in this process waited over 60 s for a
/// thread of the cooperative pool, which the other suites keep busy).
func eventually(timeout: Duration = .seconds(240), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
