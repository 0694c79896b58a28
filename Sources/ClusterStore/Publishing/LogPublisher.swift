import EventLog
public import Logging
import PostgresNIO
import Synchronization

/// Publishes a host's log to the shared database, record by record in order, as the
/// records become durable. The log stays the host's journal and its truth: when the
/// database is away the host goes on taking files, and this catches up when it returns,
/// from the cursor the database keeps (so nothing is published twice or skipped).
public final class LogPublisher: Sendable {
    public struct Configuration: Sendable {
        public var database: DatabaseConfiguration
        /// The name this host's records are published under.
        public var host: String
        /// The host's log folder (`<state>/log`).
        public var logDirectory: String
        /// The host's stored article texts (`<state>/articles`), published with their records.
        public var textsDirectory: String?
        /// Records per transaction, and about how many bytes of them.
        public var batchRecords = 2_000
        public var batchBytes = 4 << 20
        /// Pauses between attempts while the database is unreachable, growing from the
        /// first to the second: short, so a returning database is noticed within seconds.
        public var retry: (first: Duration, last: Duration) = (.milliseconds(100), .seconds(2))
        /// The pause after a refusal (a password, a missing database), which only a person fixes.
        public var refusedRetry: Duration = .seconds(30)

        public init(database: DatabaseConfiguration, host: String, logDirectory: String, textsDirectory: String? = nil) {
            self.database = database
            self.host = host
            self.logDirectory = logDirectory
            self.textsDirectory = textsDirectory
        }
    }

    private let configuration: Configuration
    private let publication: HostPublication
    private let reader: LogBatchReader
    private let durableSeq: @Sendable () -> UInt64
    private let logger: Logger
    /// Rung when more of the log is durable.
    private let logBell = Doorbell()
    /// Rung by `finish()`, which cuts a pause between attempts short.
    private let stopBell = Doorbell()
    private let state = Mutex(State())

    private struct State {
        var status = PublishStatus()
        var finishing = false
        /// When the database came back after an outage, and how much waited then: the
        /// catch-up is reported once it is done.
        var catchingUp: (since: ContinuousClock.Instant, records: UInt64)?
    }

    /// - Parameter durableSeq: the last durable seq of the log (`EventLogWriter.durableSeq`).
    public init(configuration: Configuration, durableSeq: @escaping @Sendable () -> UInt64, logger: Logger) throws(ClusterStoreError) {
        self.configuration = configuration
        publication = try HostPublication(host: configuration.host)
        reader = LogBatchReader(directory: configuration.logDirectory, texts: configuration.textsDirectory)
        self.durableSeq = durableSeq
        self.logger = logger
    }

    /// More of the log is durable (`EventLogConfiguration.onDurable`); any thread.
    public func logAdvanced() {
        logBell.ring()
    }

    /// Ends `run()` once every durable record is published, or at once while the database
    /// is away (the next start catches up).
    public func finish() {
        state.withLock { $0.finishing = true }
        logBell.ring()
        stopBell.ring()
    }

    public var status: PublishStatus { state.withLock { $0.status } }

    /// The status line's clause about publishing; nil when all is well.
    public var statusNote: String? { status.note(durableSeq: durableSeq()) }

    private var finishing: Bool { state.withLock { $0.finishing } }

    /// Publishes until `finish()`: connects, checks the database's copy of this host's
    /// records against the log, then follows the log. Never throws: every failure is
    /// reported, waited out and retried.
    public func run() async {
        var pause = configuration.retry.first
        while true {
            var connection: DatabaseConnection?
            do throws(ClusterStoreError) {
                let open = try await DatabaseConnection.open(configuration.database, logger: logger)
                connection = open
                // A follower may read a commit the moment it is made, and moves its cursor past it.
                // A commit the server then loses in a crash (a server whose default is
                // `synchronous_commit = off`, as the tests' is) gives its stream positions to other
                // hosts' records, which such a follower would skip. Waiting for the flush here
                // keeps every position a reader saw, whatever the server's default; it also flushes
                // whatever the reserver committed before it.
                try await open.rows("SET synchronous_commit = on")
                try await SchemaMigrator.migrate(open)
                try await follow(open)
                await open.close()
                return
            } catch {
                await connection?.close()
                if finishing { return }
                failed(error)
                if error.isTransient {
                    await stopBell.wait(timeout: pause)
                    pause = min(pause * 2, configuration.retry.last)
                } else {
                    await stopBell.wait(timeout: configuration.refusedRetry)
                }
                if finishing { return }
            }
        }
    }

    /// Publishes on one connection until `finish()` and caught up, or a failure.
    private func follow(_ connection: DatabaseConnection) async throws(ClusterStoreError) {
        var cursor = try await publication.cursor(connection)
        try await reader.resume(after: cursor.publishedSeq, databaseLine: cursor.lastLine, host: publication.host)
        connected(publishedSeq: cursor.publishedSeq)
        var emptyReads = 0
        while true {
            let durable = durableSeq()
            if durable > cursor.publishedSeq {
                let batch = try await reader.batch(upTo: durable, maximum: configuration.batchRecords,
                                                   maximumBytes: configuration.batchBytes)
                guard let last = batch.records.last else {
                    // A durable record is on disk, so a log that does not hold it lost its folder
                    // (deleted or moved away under the daemon, whose writer still holds the files
                    // open). Reading again at once spun a host at 70% CPU for half an hour, its
                    // shutdown waiting for this loop; a short pause first rules out a race.
                    emptyReads += 1
                    guard emptyReads >= Self.emptyReadsBeforeGivingUp else {
                        await logBell.wait(timeout: .milliseconds(100))
                        continue
                    }
                    throw .log("the log in \(configuration.logDirectory) does not hold record \(cursor.publishedSeq + 1), "
                        + "though the writer made records up to \(durable) durable: was the state folder deleted or moved?")
                }
                emptyReads = 0
                switch try await publication.publish(batch.records, texts: batch.texts, after: cursor.publishedSeq, on: connection) {
                case .published:
                    await reader.advance(past: batch)
                    cursor.publishedSeq = last.seq
                    published(through: last.seq, durable: durable)
                case .cursorMoved:
                    // Start over from what the database says; `resume` refuses another log.
                    cursor = try await publication.cursor(connection)
                    try await reader.resume(after: cursor.publishedSeq, databaseLine: cursor.lastLine, host: publication.host)
                    published(through: cursor.publishedSeq, durable: durable)
                }
                continue
            }
            if finishing { return }
            // The timeout is a safety net only: the writer rings at every durable batch.
            await logBell.wait(timeout: .seconds(5))
        }
    }

    /// Reads of the log that find none of its durable records before publishing gives up on it.
    static let emptyReadsBeforeGivingUp = 3
}

extension LogPublisher {
    private func connected(publishedSeq: UInt64) {
        let durable = durableSeq()
        let (previous, outageStart) = state.withLock { state -> (PublishStatus.Phase, ContinuousClock.Instant?) in
            let previous = state.status.phase
            state.status.phase = .connected
            state.status.publishedSeq = publishedSeq
            state.status.failedAttempts = 0
            state.status.problem = nil
            var since: ContinuousClock.Instant?
            if case let .unreachable(start) = previous { since = start }
            if case let .refused(start) = previous { since = start }
            if since != nil { state.catchingUp = (.now, durable > publishedSeq ? durable - publishedSeq : 0) }
            return (previous, since)
        }
        let metadata: Logger.Metadata = [
            "database": "\(configuration.database.address)", "host": "\(configuration.host)",
            "published-seq": "\(publishedSeq)", "to-publish": "\(durable > publishedSeq ? durable - publishedSeq : 0)",
        ]
        if let outageStart {
            logger.notice("the database is back; publishing the records taken meanwhile",
                          metadata: metadata.merging(["away-for": "\(ContinuousClock.now - outageStart)"]) { $1 })
        } else if previous == .connecting {
            logger.info("publishing the event log to the database", metadata: metadata)
        }
    }

    private func published(through seq: UInt64, durable: UInt64) {
        let finishedCatchUp = state.withLock { state -> (ContinuousClock.Instant, UInt64)? in
            state.status.publishedSeq = seq
            guard let catchingUp = state.catchingUp, seq >= durable, durableSeq() <= seq else { return nil }
            state.catchingUp = nil
            return catchingUp
        }
        if let (since, records) = finishedCatchUp {
            logger.notice("caught up: every record taken while the database was away is published",
                          metadata: ["records": "\(records)", "took": "\(ContinuousClock.now - since)", "published-seq": "\(seq)"])
        }
    }

    private func failed(_ error: ClusterStoreError) {
        let (newOutage, changed, waiting) = state.withLock { state -> (Bool, Bool, UInt64) in
            var newOutage = false
            switch (state.status.phase, error.isTransient) {
            case (.unreachable, true), (.refused, false):
                break
            case (_, true):
                state.status.phase = .unreachable(since: .now)
                state.status.outages += 1
                newOutage = true
            case (_, false):
                state.status.phase = .refused(since: .now)
                state.status.outages += 1
                newOutage = true
            }
            let changed = state.status.problem != error.description
            state.status.problem = error.description
            state.status.failedAttempts += 1
            state.catchingUp = nil
            let durable = durableSeq()
            return (newOutage, changed, durable > state.status.publishedSeq ? durable - state.status.publishedSeq : 0)
        }
        let metadata: Logger.Metadata = ["error": "\(error)", "to-publish": "\(waiting)", "database": "\(configuration.database.address)"]
        if case .log = error {
            // Not the database's doing: the local log cannot be read (its folder gone, say).
            if newOutage || changed {
                logger.error("cannot read this host's event log to publish it", metadata: metadata)
            }
        } else if error.isTransient {
            if newOutage {
                logger.warning("cannot reach the database; files are still taken and recorded in the local log, and will be published when it returns",
                               metadata: metadata)
            } else {
                logger.debug("the database is still unreachable", metadata: metadata)
            }
        } else if newOutage || changed {
            logger.error("the database refuses this host's records; files are still taken and recorded in the local log",
                         metadata: metadata)
        }
    }
}
