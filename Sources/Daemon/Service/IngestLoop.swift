import EventLog
import Foundation
import Ingest
import Logging
import Synchronization
import Watcher

/// The thread that runs the pipeline: it takes watcher events from a queue, processes
/// files, and is the heartbeat systemd's watchdog listens to — a hung loop stops the pings.
final class IngestLoop: @unchecked Sendable {
    // @unchecked: `pipeline` is used only on the loop's own thread; the rest is immutable
    // or thread-safe (`queue`, `finished`, the notifier, the writer).
    enum Work: Sendable {
        case watch(WatchEvent)
        /// A scan the daemon names itself (`reload`: the first scan after SIGHUP).
        case rescanned(reason: String, files: Int)
        case reconfigure(IngestConfiguration)
        /// Other hosts' records to learn (the cluster mode); `caughtUp` ends the first backlog.
        case shared([SharedRecord], caughtUp: Bool)
        /// Forget this host's reservations its log never recorded (the cluster mode, at start).
        case releaseReservations
        /// Finish the file in hand and everything queued for the log, then end.
        case stop
    }

    let queue = WorkQueue<Work>()
    private let pipeline: IngestPipeline
    private let writer: EventLogWriter
    private let notifier: SystemdNotifier
    private let logger: Logger
    private let finished = DispatchSemaphore(value: 0)
    private let onReady: @Sendable () -> Void
    private let requestRescan: @Sendable () -> Void
    private let onFatal: @Sendable (String) -> Void
    /// The log sharer's clause for `STATUS=` (the shared database away), if any.
    private let statusNote: @Sendable () -> String?
    private let counters = CountersBox()
    /// Set once the other hosts' first backlog is applied.
    let sharedCaughtUp = Mutex(false)

    init(pipeline: IngestPipeline, writer: EventLogWriter, notifier: SystemdNotifier, logger: Logger,
         statusNote: @escaping @Sendable () -> String? = { nil }, onReady: @escaping @Sendable () -> Void, requestRescan: @escaping @Sendable () -> Void,
         onFatal: @escaping @Sendable (String) -> Void) {
        self.requestRescan = requestRescan
        self.onFatal = onFatal
        self.statusNote = statusNote
        self.pipeline = pipeline
        self.writer = writer
        self.notifier = notifier
        self.logger = logger
        self.onReady = onReady
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "claimwatch-ingest"
        thread.start()
    }

    /// Blocks until the loop has ended after `.stop`.
    func join() { finished.wait() }

    var latestCounters: IngestCounters { counters.value }

    private func run() {
        let watchdogEvery = notifier.watchdogInterval
        var lastPing = ContinuousClock.now
        var lastStatus = ""
        loop: while true {
            let idle = !pipeline.hasPendingWork
            let idleWait: Duration = idle ? min(watchdogEvery ?? .seconds(1), .seconds(1)) : .zero
            let work = queue.next(timeout: idleWait)
            do {
                switch work {
                case let .watch(event)?:
                    try handle(event)
                case let .rescanned(reason, files)?:
                    try pipeline.commit()
                    _ = try writer.enqueue(WatchRescan(reason: reason, files: files))
                case let .shared(records, caughtUp)?:
                    pipeline.applyShared(records, atHead: caughtUp)
                    if caughtUp {
                        sharedCaughtUp.withLock { $0 = true }
                        learning = nil
                    } else if !sharedCaughtUp.withLock({ $0 }) {
                        learning = (learning ?? 0) + records.count
                    }
                case .releaseReservations?:
                    pipeline.releaseStaleReservations()
                case let .reconfigure(configuration)?:
                    // Applied even when the log refuses the batch: a reload is never lost.
                    defer { pipeline.reconfigure(configuration) }
                    try pipeline.drain()
                case .stop?:
                    do {
                        try pipeline.drain()
                    } catch {
                        // No retrying on the way out: what the log refused stays in the drop folder.
                        logger.error("stopping with files the log refused; they stay in the drop folder",
                                     metadata: ["error": "\(error)"])
                    }
                    if let shared = pipeline.sharingSummary {
                        logger.info("shared verdicts", metadata: [
                            "other-hosts-articles": "\(shared.appliedArticles)", "other-hosts-copies": "\(shared.appliedCopies)",
                            "other-hosts-claims": "\(shared.appliedClaims)", "reserved": "\(shared.reserved)",
                            "learned-from-reservations": "\(shared.learnedFromReservations)",
                            "unreserved": "\(shared.unreserved)", "late-verdicts": "\(shared.reconciled)"])
                    }
                    break loop
                case nil:
                    try pipeline.commit()
                    try pipeline.settle(waiting: true)
                    // Nothing came for a whole wait: bring the query store nearer the log, a
                    // slice at a time, off the path of any file (a burst never gets here).
                    if idle { pipeline.refreshStore(maximum: 500) }
                }
                try pipeline.settle(waiting: false)
                if pipeline.reconciliationDue { try pipeline.reconcile() }
                if let trouble = outage, writer.durableSeq > trouble.durableSeq {
                    outage = nil
                    logger.notice("the event log takes records again; resuming", metadata: [
                        "paused-for": "\(ContinuousClock.now - trouble.since)"])
                    // The files refused while it was paused wait in the drop folder with no new
                    // event to announce them.
                    requestRescan()
                }
            } catch {
                if Self.needsRestart(error) {
                    // Retrying cannot help: end, and let the supervisor restart the daemon,
                    // whose log recovery then settles what is on disk.
                    logger.critical("the event log cannot take records until it is reopened", metadata: ["error": "\(error)"])
                    onFatal("\(error)")
                    break loop
                }
                pause(after: error)
            }
            counters.value = pipeline.counters
            let now = ContinuousClock.now
            if let watchdogEvery, now - lastPing >= watchdogEvery {
                _ = try? notifier.watchdog()
                lastPing = now
            }
            var status = outage.map { "paused, files wait in the drop folder: \($0.reason) (\(pipeline.counters.summary))" }
                ?? pipeline.counters.summary
            // The first catch-up can take a while: say how far applying it has come.
            if let learning { status += "; learning the other hosts' records: \(learning) applied" }
            if let note = statusNote() { status += "; " + note }
            if status != lastStatus {
                _ = try? notifier.status(status)
                lastStatus = status
            }
        }
        counters.value = pipeline.counters
        finished.signal()
    }

    /// Set while the log refuses records (a full disk, say). Files are then taken one at a
    /// time, each written and waited for, so the first that goes through ends the pause.
    private struct Outage {
        var since: ContinuousClock.Instant
        var failures: Int
        var reason: String
        /// What was durable when it began: the pause ends once more is.
        var durableSeq: UInt64
    }

    private var outage: Outage?

    /// The other hosts' records applied so far while the first catch-up lasts; nil outside
    /// the cluster mode, before its first batch and after the catch-up.
    private var learning: Int?

    /// The log could not take a batch: its files stay in the drop folder. Waits with a
    /// growing pause (up to 30 s), keeping the watchdog fed, then offers the folder's
    /// files again if nothing is queued, so the daemon resumes on its own once space
    /// returns, without waiting for a new file to arrive.
    private func pause(after error: any Error) {
        var trouble = outage ?? Outage(since: .now, failures: 0, reason: "", durableSeq: writer.durableSeq)
        trouble.failures += 1
        trouble.reason = "\(error)"
        outage = trouble
        let pause = Duration.milliseconds(min(30_000, 250 << min(trouble.failures - 1, 7)))
        logger.error("cannot record files in the log; they stay in the drop folder, will retry", metadata: [
            "error": "\(error)", "retry-in": "\(pause)", "attempt": "\(trouble.failures)"])
        _ = try? notifier.status("paused, files wait in the drop folder: \(error) (retry in \(pause))")
        let until = ContinuousClock.now + pause
        while ContinuousClock.now < until {
            let step = min(until - ContinuousClock.now, notifier.watchdogInterval ?? .seconds(1), .seconds(1))
            Thread.sleep(forTimeInterval: Double(step.components.seconds) + Double(step.components.attoseconds) / 1e18)
            _ = try? notifier.watchdog()
        }
        if queue.count == 0 { requestRescan() }
    }

    private static func needsRestart(_ error: any Error) -> Bool {
        if let error = error as? IngestError { return error.needsRestart }
        if let error = error as? EventLogError { return IngestError.log(error).needsRestart }
        return false
    }

    private func handle(_ event: WatchEvent) throws {
        switch event {
        case .ready:
            onReady()
        case let .file(file):
            try pipeline.take(file)
            // While the log refuses records, each file is a probe: written and waited for
            // on its own, so no batch of files is read only to be refused.
            if outage != nil { try pipeline.drain() }
        case let .rescanned(reason, files):
            try pipeline.commit()
            _ = try writer.enqueue(WatchRescan(reason: reason.eventName, files: files))
        case let .notice(notice):
            logger.notice("watcher: \(notice)")
        }
    }
}

/// The counters as last published by the loop, for other threads.
final class CountersBox: @unchecked Sendable {
    // @unchecked: `stored` is only touched with `lock` held.
    private let lock = NSLock()
    private var stored = IngestCounters()

    var value: IngestCounters {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

extension RescanReason {
    /// The spelling used in `watch.rescan` events.
    var eventName: String {
        switch self {
        case .newDirectory: "new-directory"
        default: rawValue
        }
    }
}
