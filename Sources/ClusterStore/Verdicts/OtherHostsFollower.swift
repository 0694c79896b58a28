import EventLog
public import Logging
import PostgresNIO
import Synchronization

/// Follows the shared stream for the records of every host but this one that a host's
/// judgements rest on (articles, copies, claims, story merges), each with the stored text
/// it names, and hands them over in stream order. The daemon applies them to its
/// pipeline's memory; its own log never receives them.
///
/// A host's memory lives in its process, so each start must hand over every record again:
/// with a cache (`OtherHostsCache`, in the state folder) it hands over the cached ones
/// first and reads the stream only after the position they reach; without one, from the
/// stream's beginning.
///
/// The stream can go back under a follower: a server that does not wait for its commits'
/// flush (`synchronous_commit = off`, as a publisher of an older version left it) may lose
/// the last commits it answered in a crash, and hands their positions to the next records.
/// After each reconnection the follower checks that the stream still holds, at the position
/// it read through, the record it read there; when it does not, it throws its cache away and
/// reads the stream again from its beginning. The records it hands over again come with the
/// (host, seq) they had: a consumer skips those it applied (each host's records come in its
/// seq order), and the records of a lost commit come again, at new positions, once their
/// host publishes them again from its log.
public final class OtherHostsFollower: Sendable {
    /// A record of another host, with its text.
    public struct Followed: Sendable {
        public var position: Int64
        public var host: String
        public var line: String
        public var text: String?
        /// The cache holds it: `FollowedRecords` reads it back from there.
        public var kept = false
    }

    /// The stream's record at the position a follower read through, as it read it: after a
    /// reconnection, another record there (or none) says the stream went back.
    struct Witness: Equatable {
        var position: Int64
        var host: String
        var seq: Int64
    }

    /// The record types a host's memory is built from.
    static let types = ["article.ingested", "article.duplicate", "claim.extracted", "story.merged"]

    private let database: DatabaseConfiguration
    private let host: String
    private let logger: Logger
    private let batchSize: Int
    private let cache: CacheLocation?
    private let stopped = Mutex(false)
    private let wake = Doorbell()
    private let progress = Mutex(Progress())

    /// Where the followed records are kept between starts.
    public struct CacheLocation: Sendable {
        /// The cache file (`<state>/index/other-hosts.bin`).
        public var path: String
        /// The state folder's article store, where applying a record stores its text.
        public var texts: String

        public init(path: String, texts: String) {
            self.path = path
            self.texts = texts
        }
    }

    /// How far the first catch-up has come, for `STATUS=` and the journal.
    struct Progress {
        var fromCache = 0
        var fromStream = 0
        var position: Int64 = 0
        var head: Int64 = 0
        var caughtUp = false
    }

    public init(database: DatabaseConfiguration, host: String, logger: Logger, batchSize: Int = 2_000,
                cache: CacheLocation? = nil) {
        self.database = database
        self.host = host
        self.logger = logger
        self.batchSize = batchSize
        self.cache = cache
    }

    /// A clause for `STATUS=` until the other hosts' records are first read up to the
    /// stream's head; nil after (and before the stream's head is known).
    public var statusNote: String? {
        let progress = progress.withLock { $0 }
        guard !progress.caughtUp else { return nil }
        guard progress.head > 0 else { return nil }
        return "the other hosts' records read to stream position \(progress.position) of \(progress.head) "
            + "(\(progress.fromCache) from the local cache, \(progress.fromStream) from the stream)"
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
        var followed: String?
        var witness: Witness?
        var file = cache.map { OtherHostsCache(path: $0.path, texts: $0.texts) }
        while !isStopped {
            var connection: DatabaseConnection?
            do throws(ClusterStoreError) {
                let open = try await DatabaseConnection.open(database, logger: logger)
                connection = open
                try await SchemaMigrator.migrate(open)
                pause = .milliseconds(100)
                let identity = try await StreamProjection(connection: open).identity()
                // A stream that was empty when first followed names its first record now: the same stream.
                if let known = followed, OtherHostsCache.sameStream(known, identity) {
                    followed = identity
                } else {
                    if followed != nil {
                        logger.warning("the shared database is not the one this host followed so far (recreated?): the other hosts' records are read again from its beginning; restart to forget the old ones")
                    }
                    followed = identity
                    cursor = 0
                    witness = nil
                    if let opened = file {
                        (cursor, witness) = resume(opened, identity: identity, head: try await EventStream(connection: open).head(),
                                                   deliver: deliver, drop: { file = nil })
                    }
                }
                if cursor > 0, let reason = try await wentBack(open, cursor: cursor, witness: witness) {
                    logger.warning("the shared stream went back under this host (\(reason)): a server that lost its last commits in a crash gave their positions to other records; the other hosts' records are read again from the stream's beginning, the local cache made anew",
                                   metadata: ["stream-position": "\(cursor)"])
                    cursor = 0
                    witness = nil
                    progress.withLock { $0.position = 0 }
                    if let opened = file {
                        do throws(ClusterStoreError) {
                            try opened.discard(identity: identity, host: host)
                        } catch {
                            logger.warning("cannot make the local cache of the other hosts' records anew; it is left out", metadata: ["error": "\(error)"])
                            file = nil
                        }
                    }
                }
                try await follow(open, from: &cursor, witness: &witness, cache: file) { records, atHead in
                    if atHead && !announced { reportCaughtUp() }
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

    /// Checks the cache against the stream and hands over what it holds; returns the
    /// position to read the stream after, and the last record handed over as the witness
    /// that the stream still holds it. A cache that cannot be used is made anew (or, when
    /// even that fails, `drop` leaves it out): the stream is then read from its start.
    private func resume(_ file: OtherHostsCache, identity: String, head: Int64,
                        deliver: ([Followed], Bool) -> Void, drop: () -> Void) -> (Int64, Witness?) {
        do throws(ClusterStoreError) {
            switch try file.open(identity: identity, host: host, head: head) {
            case let .fresh(reason):
                if let reason {
                    logger.notice("the local cache of the other hosts' records is not used: \(reason); they are read again from the stream's beginning", metadata: ["cache": "\(file.path)"])
                }
                return (0, nil)
            case .resumed:
                let started = ContinuousClock.now
                var last: Followed?
                let replayed = try file.replay { batch in
                    progress.withLock { $0.fromCache += batch.count }
                    if !batch.isEmpty { deliver(batch, false) }
                    last = batch.last ?? last
                }
                if let cut = replayed.cut {
                    logger.notice("the local cache of the other hosts' records was cut short: \(cut); what follows is read again from the stream", metadata: ["cache": "\(file.path)"])
                }
                logger.info("other hosts' records resumed from the local cache", metadata: [
                    "records": "\(replayed.records)", "through-position": "\(replayed.through)", "stream-head": "\(head)",
                    "read-in": "\(ContinuousClock.now - started)"])
                let witness = last.flatMap { last in
                    LogRecord(line: Array(last.line.utf8)).map { Witness(position: last.position, host: last.host, seq: Int64($0.seq)) }
                }
                return (replayed.through, witness)
            }
        } catch {
            logger.warning("cannot use the local cache of the other hosts' records; they are read from the stream's beginning at each start", metadata: ["error": "\(error)"])
            drop()
            return (0, nil)
        }
    }

    private func reportCaughtUp() {
        let progress = progress.withLock { progress in
            progress.caughtUp = true
            return progress
        }
        logger.info("other hosts' records caught up", metadata: [
            "from-cache": "\(progress.fromCache)", "from-stream": "\(progress.fromStream)", "stream-position": "\(progress.position)"])
    }

    /// Reads up to the head, then waits for a notification (or a second) and reads again.
    private func follow(_ connection: DatabaseConnection, from cursor: inout Int64, witness: inout Witness?, cache: OtherHostsCache?,
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
            progress.withLock { [cursor] progress in
                progress.head = head
                progress.position = cursor
            }
            while cursor < head {
                var batch = try await records(after: cursor, through: head, on: connection)
                let through = batch.count < batchSize ? head : batch[batch.count - 1].position
                // Kept before it is applied: a crash in between leaves texts missing, which
                // the next start notices (`OtherHostsCache.replay`).
                if !batch.isEmpty, let cache, !cache.failed {
                    do {
                        try cache.append(batch, through: through)
                        for index in batch.indices { batch[index].kept = true }
                    } catch {
                        // Appending stops for good: a frame missing in the middle would skip records.
                        cache.failed = true
                        logger.warning("cannot keep the other hosts' records in the local cache; the next start reads the stream from where the cache stops", metadata: ["error": "\(error)"])
                    }
                }
                cursor = through
                witness = try await record(at: through, on: connection)
                progress.withLock { progress in
                    progress.fromStream += batch.count
                    progress.position = through
                }
                deliver(batch, through >= head)
            }
            deliver([], true)
            if connection.isClosed { throw .unreachable("the server closed the connection") }
            await wake.wait(timeout: .seconds(1))
        }
    }

    /// Why the stream is not the one read up to `cursor` any more, or nil when it is: its head
    /// is before the cursor, or the record at the position read through is another (or none).
    /// Without a witness (the cursor came from the cache) the last record the cache holds
    /// stands for it, as far as it goes.
    private func wentBack(_ connection: DatabaseConnection, cursor: Int64, witness: Witness?) async throws(ClusterStoreError) -> String? {
        let head = try await EventStream(connection: connection).head()
        if head < cursor { return "its head is position \(head), before position \(cursor) read through" }
        guard let witness else { return nil }
        let now = try await record(at: witness.position, on: connection)
        guard now != witness else { return nil }
        let was = "\(witness.host) seq \(witness.seq)"
        guard let now else { return "position \(witness.position) held \(was) and now holds nothing" }
        return "position \(witness.position) held \(was) and now holds \(now.host) seq \(now.seq)"
    }

    /// The stream's record at `position`, whichever host's and type: what a witness compares.
    private func record(at position: Int64, on connection: DatabaseConnection) async throws(ClusterStoreError) -> Witness? {
        let rows = try await connection.rows("SELECT host, seq FROM claimwatch.events WHERE position = \(position)")
        guard let row = rows.first else { return nil }
        let (host, seq) = try EventStream.decode(row, as: (String, Int64).self)
        return Witness(position: position, host: host, seq: seq)
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
