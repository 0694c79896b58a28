import EventLog
import Foundation
import Ingest
public import Logging
public import ServiceLifecycle
import Synchronization
import UnixSignals
import Watcher

/// claimwatchd as a `Service`: opens the log, rebuilds state from it, watches the drop
/// folder, and runs the pipeline until a graceful shutdown. SIGHUP reloads the
/// configuration file without closing the log.
public final class DaemonService: Service, Sendable {
    private let initial: DaemonConfiguration
    private let reload: @Sendable () throws(DaemonError) -> DaemonConfiguration
    private let notifier: SystemdNotifier
    private let logger: Logger
    private let version: String
    private let logLevels: LogLevelSwitch?
    private let sharing: LogSharingFactory?
    private let current = Mutex<Session>(Session())

    private struct Session: Sendable {
        var watcher: DropFolderWatcher?
        var stopping = false
        var pending: DaemonConfiguration?
        /// Why the ingest loop gave up, when it did: the daemon then exits with a failure.
        var fatal: String?
    }

    /// - Parameter reload: reads the configuration again (flags, environment and file) on SIGHUP.
    /// - Parameter logLevels: set to the reloaded configuration's `log-level` on SIGHUP.
    public init(configuration: DaemonConfiguration, version: String, notifier: SystemdNotifier, logger: Logger,
                logLevels: LogLevelSwitch? = nil, sharing: LogSharingFactory? = nil,
                reload: @escaping @Sendable () throws(DaemonError) -> DaemonConfiguration) {
        initial = configuration
        self.sharing = sharing
        self.logLevels = logLevels
        self.version = version
        self.notifier = notifier
        self.logger = logger
        self.reload = reload
    }

    public func run() async throws {
        let configuration = initial
        try Self.prepareFolders(configuration)
        let writer: EventLogWriter
        let relay = LogSharingRelay()
        do {
            var log = configuration.log
            if sharing != nil { log.onDurable = { _ in relay.logAdvanced() } }
            writer = try EventLogWriter(configuration: log)
        } catch {
            throw DaemonError.startup(error.description)
        }
        do {
            relay.sharing = try sharing?({ writer.durableSeq })
        } catch {
            try? writer.close()
            throw DaemonError.startup("\(error)")
        }
        // Publishing runs beside the pipeline and ends after the last record is written.
        let sharingRun = relay.sharing.map { sharing in Task { await sharing.run() } }
        if writer.recovery.truncatedBytes > 0 {
            logger.warning("cut a torn final record from the log", metadata: [
                "segment": "\(writer.recovery.segment.name)", "bytes": "\(writer.recovery.truncatedBytes)",
                "reason": "\(writer.recovery.truncatedReason ?? "")"])
        }
        let pipeline: IngestPipeline
        do {
            pipeline = try IngestPipeline(configuration: configuration.ingest(), writer: writer, logger: logger)
            try pipeline.rebuild()
            if let originals = relay.sharing?.originals { pipeline.shareOriginals(originals) }
            if let archive = relay.sharing?.sharedRecords { pipeline.keepSharedRecords(in: archive) }
        } catch {
            try? writer.close()
            throw DaemonError.startup(error.description)
        }
        try await writer.append(DaemonStarted(version: version, pid: getpid(), host: ProcessInfo.processInfo.hostName,
                                              config: configuration.summary))
        logger.info("claimwatchd started", metadata: ["inbox": "\(configuration.dropFolder)", "state": "\(configuration.state.root)",
                                                      "next-seq": "\(writer.nextSeq)"])

        let notifier = notifier
        let logger = logger
        let loop = IngestLoop(
            pipeline: pipeline, writer: writer, notifier: notifier, logger: logger,
            statusNote: { relay.sharing?.statusNote },
            onReady: { _ = try? notifier.ready(status: "watching") },
            requestRescan: { self.current.withLock { $0.watcher?.requestRescan() } },
            onFatal: { reason in
                self.current.withLock { session in
                    session.fatal = reason
                    session.stopping = true
                    session.watcher?.stop()
                }
            })
        loop.start()
        let followingRun = await Self.followOthers(relay.sharing, loop: loop, logger: logger)

        var stopReason = "shutdown"
        do {
            try await withGracefulShutdownHandler {
                try await withThrowingDiscardingTaskGroup { group in
                    group.addTask { await self.listenForReloads() }
                    try await self.watch(configuration, loop: loop)
                    group.cancelAll()
                }
            } onGracefulShutdown: {
                _ = try? notifier.stopping(status: "stopping: finishing the file in hand")
                self.current.withLock { session in
                    session.stopping = true
                    session.watcher?.stop()
                }
            }
        } catch {
            stopReason = "error: \(error)"
            logger.error("watching stopped", metadata: ["error": "\(error)"])
            loop.queue.push(.stop)
            await Self.join(loop)
            _ = try? await writer.append(DaemonStopped(reason: stopReason, processed: loop.latestCounters.processed,
                                                   rejected: loop.latestCounters.rejected))
            try? writer.close()
            await Self.finish(relay, sharingRun, followingRun)
            throw error
        }
        loop.queue.push(.stop)
        await Self.join(loop)
        if let fatal = current.withLock({ $0.fatal }) {
            try? writer.close()
            await Self.finish(relay, sharingRun, followingRun)
            throw DaemonError.startup("stopped: \(fatal)")
        }
        let counters = loop.latestCounters
        try await writer.append(DaemonStopped(reason: stopReason, processed: counters.processed, rejected: counters.rejected))
        await Self.finish(relay, sharingRun, followingRun)
        try writer.close()
        logger.info("claimwatchd stopped", metadata: ["articles": "\(counters.ingested)", "copies": "\(counters.duplicates)",
                                                      "rejected": "\(counters.rejected)"])
    }

    /// Runs watcher sessions: one per configuration, a new one after each reload.
    private func watch(_ first: DaemonConfiguration, loop: IngestLoop) async throws {
        var configuration = first
        var reloads = 0
        while true {
            let watcher = DropFolderWatcher(configuration: configuration.watcher, logger: logger)
            let proceed = current.withLock { session -> Bool in
                guard !session.stopping else { return false }
                session.watcher = watcher
                return true
            }
            guard proceed else { return }
            let events: WatchEvents
            do {
                events = try await watcher.start()
            } catch {
                throw DaemonError.startup(error.description)
            }
            for await event in events {
                if case let .notice(.failed(error)) = event { throw DaemonError.startup(error.description) }
                // A session after a reload opens with the same catch-up scan as at startup:
                // the log calls it what it is.
                if reloads > 0, case let .rescanned(.startup, files) = event {
                    loop.queue.push(.rescanned(reason: "reload", files: files))
                } else {
                    loop.queue.push(.watch(event))
                }
            }
            let next = current.withLock { session -> DaemonConfiguration? in
                defer { session.pending = nil }
                return session.stopping ? nil : session.pending
            }
            guard let next else { return }
            configuration = next
            reloads += 1
            loop.queue.push(.reconfigure(next.ingest()))
            logger.info("configuration reloaded", metadata: ["config": "\(next.configFile ?? "(none)")"])
        }
    }

    private func listenForReloads() async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            _ = try? notifier.reloading(status: "reloading the configuration")
            do {
                let next = try reload()
                guard next.state == initial.state, next.segmentBytes == initial.segmentBytes else {
                    logger.warning("the state folder and segment size change only on restart; keeping the old ones")
                    _ = try? notifier.ready(status: "reload refused: restart to change the state folder")
                    continue
                }
                logLevels?.level = next.logLevel
                current.withLock { session in
                    session.pending = next
                    session.watcher?.stop()
                }
            } catch {
                logger.error("reload failed; keeping the running configuration", metadata: ["error": "\(error)"])
                _ = try? notifier.ready(status: "reload failed: \(error)")
            }
        }
    }

    /// Lets the sharer pass on what is durable (at once when its database is away: the
    /// next start catches up from the database's cursor) and waits for it.
    private static func finish(_ relay: LogSharingRelay, _ run: Task<Void, Never>?, _ following: Task<Void, Never>?) async {
        relay.sharing?.finish()
        await run?.value
        await following?.value
    }

    /// In the cluster mode: forgets reservations a crash left, then learns the other hosts'
    /// records (those its cache kept, then what the stream holds past them), waiting (up to
    /// a minute) for their backlog before the first file is taken, so files are judged
    /// against every host's record from the start. The reservations close the window that
    /// remains.
    private static func followOthers(_ sharing: (any LogSharing)?, loop: IngestLoop, logger: Logger) async -> Task<Void, Never>? {
        guard let sharing, sharing.originals != nil else { return nil }
        loop.queue.push(.releaseReservations)
        let queue = loop.queue
        // Ahead of the files queued: a file is judged against every host's record the pipeline has.
        let run = Task { await sharing.followOthers { records, caughtUp in queue.push(.shared(records, caughtUp: caughtUp), ahead: true) } }
        let started = ContinuousClock.now
        while !loop.sharedCaughtUp.withLock({ $0 }), ContinuousClock.now - started < .seconds(60) {
            try? await Task.sleep(for: .milliseconds(20))
        }
        logger.info("other hosts' records learned", metadata: ["took": "\(ContinuousClock.now - started)"])
        return run
    }

    private static func join(_ loop: IngestLoop) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                loop.join()
                continuation.resume()
            }
        }
    }

    static func prepareFolders(_ configuration: DaemonConfiguration) throws(DaemonError) {
        do {
            try configuration.state.createFolders(extra: [configuration.runtimeDirectory ?? configuration.state.run,
                                                          configuration.dropFolder])
        } catch {
            throw .startup("cannot create the state folders: \(error)")
        }
    }
}
