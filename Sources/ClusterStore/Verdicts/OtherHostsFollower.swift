public import Logging
import PostgresNIO
import Synchronization

/// Follows the shared stream for the records of every host but this one that a host's
/// judgements rest on (articles, copies, claims, story merges), each with the stored text
/// it names, and hands them over in stream order. The daemon applies them to its
/// pipeline's memory; its own log never receives them.
///
/// It keeps no cursor of its own: a host's memory lives in its process, so each start
/// reads the other hosts' records from the stream's beginning.
public final class OtherHostsFollower: Sendable {
    /// A record of another host, with its text.
    public struct Followed: Sendable {
        public var position: Int64
        public var host: String
        public var line: String
        public var text: String?
    }

    /// The record types a host's memory is built from.
    static let types = ["article.ingested", "article.duplicate", "claim.extracted", "story.merged"]

    private let database: DatabaseConfiguration
    private let host: String
    private let logger: Logger
    private let batchSize: Int
    private let stopped = Mutex(false)
    private let wake = Doorbell()

    public init(database: DatabaseConfiguration, host: String, logger: Logger, batchSize: Int = 2_000) {
        self.database = database
        self.host = host
        self.logger = logger
        self.batchSize = batchSize
    }

    /// Ends `run()` at its next pause.
    public func finish() {
        stopped.withLock { $0 = true }
        wake.ring()
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    /// Delivers the other hosts' records until `finish()`: the backlog first, then each
    /// batch as hosts publish. `caughtUp` is true on each delivery that reaches the stream's
    /// head (and once when the first connection fails: the host then starts on what it has).
    public func run(deliver: @escaping @Sendable (_ records: [Followed], _ caughtUp: Bool) -> Void) async {
        var cursor: Int64 = 0
        var announced = false
        var pause = Duration.milliseconds(100)
        while !isStopped {
            var connection: DatabaseConnection?
            do throws(ClusterStoreError) {
                let open = try await DatabaseConnection.open(database, logger: logger)
                connection = open
                try await SchemaMigrator.migrate(open)
                pause = .milliseconds(100)
                try await follow(open, from: &cursor) { records, atHead in
                    announced = announced || atHead
                    // Empty, once a pause: the head is reached (and nothing new came).
                    if !records.isEmpty || atHead { deliver(records, atHead) }
                }
                await open.close()
            } catch {
                await connection?.close()
                if !announced {
                    announced = true
                    deliver([], true)
                }
                logger.debug("cannot follow the other hosts' records; retrying", metadata: ["error": "\(error)"])
                await wake.wait(timeout: pause)
                pause = min(pause * 2, .seconds(2))
            }
        }
    }

    /// Reads up to the head, then waits for a notification (or a second) and reads again.
    private func follow(_ connection: DatabaseConnection, from cursor: inout Int64,
                        deliver: ([Followed], _ atHead: Bool) -> Void) async throws(ClusterStoreError) {
        let stream = EventStream(connection: connection)
        let listener = Task { [wake] in
            // Notifications only ring the bell; the reads below do the work.
            try? await connection.listening(on: HostPublication.channel) { notifications throws(ClusterStoreError) in
                do {
                    for try await _ in notifications { wake.ring() }
                } catch {
                    throw ClusterStoreError(translating: error)
                }
            }
            wake.ring()
        }
        defer { listener.cancel() }
        while !isStopped {
            let head = try await stream.head()
            while cursor < head {
                let batch = try await records(after: cursor, through: head, on: connection)
                cursor = batch.count < batchSize ? head : batch[batch.count - 1].position
                deliver(batch, cursor >= head)
            }
            deliver([], true)
            if connection.isClosed { throw .unreachable("the server closed the connection") }
            await wake.wait(timeout: .seconds(1))
        }
    }

    private func records(after: Int64, through: Int64, on connection: DatabaseConnection) async throws(ClusterStoreError) -> [Followed] {
        let rows = try await connection.rows("""
            SELECT e.position, e.host, e.line, t.text FROM claimwatch.events e
            LEFT JOIN claimwatch.texts t
                ON e.type IN ('article.ingested', 'article.duplicate') AND t.content = (e.line::json ->> 'content')
            WHERE e.position > \(after) AND e.position <= \(through) AND e.host <> \(host) AND e.type = ANY(\(Self.types)::text[])
            ORDER BY e.position LIMIT \(Int64(batchSize))
            """)
        var records: [Followed] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            let (position, host, line, text) = try EventStream.decode(row, as: (Int64, String, String, String?).self)
            records.append(Followed(position: position, host: host, line: line, text: text))
        }
        return records
    }
}
