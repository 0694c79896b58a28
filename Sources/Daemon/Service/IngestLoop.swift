import EventLog
import Foundation
import Ingest
import Logging
import Watcher

/// The thread that runs the pipeline: it takes watcher events from a queue, processes
/// files, and is the heartbeat systemd's watchdog listens to — a hung loop stops the pings.
final class IngestLoop: @unchecked Sendable {
    // @unchecked: `pipeline` is used only on the loop's own thread; the rest is immutable
    // or thread-safe (`queue`, `finished`, the notifier, the writer).
    enum Work: Sendable {
        case watch(WatchEvent)
        case reconfigure(IngestConfiguration)
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
    private let counters = CountersBox()

    init(pipeline: IngestPipeline, writer: EventLogWriter, notifier: SystemdNotifier, logger: Logger,
         onReady: @escaping @Sendable () -> Void, requestRescan: @escaping @Sendable () -> Void,
         onFatal: @escaping @Sendable (String) -> Void) {
        self.requestRescan = requestRescan
        self.onFatal = onFatal
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
        var failures = 0
        loop: while true {
            let idle = !pipeline.hasPendingWork
            let idleWait: Duration = idle ? min(watchdogEvery ?? .seconds(1), .seconds(1)) : .zero
            let work = queue.next(timeout: idleWait)
            do {
                switch work {
                case let .watch(event)?:
                    try handle(event)
                case let .reconfigure(configuration)?:
                    try pipeline.drain()
                    pipeline.reconfigure(configuration)
                case .stop?:
                    try pipeline.drain()
                    break loop
                case nil:
                    try pipeline.commit()
                    try pipeline.settle(waiting: true)
                    // Nothing came for a whole wait: bring the query store nearer the log, a
                    // slice at a time, off the path of any file (a burst never gets here).
                    if idle { pipeline.refreshStore(maximum: 500) }
                }
                try pipeline.settle(waiting: false)
                failures = 0
            } catch {
                if Self.needsRestart(error) {
                    // Retrying cannot help: end, and let the supervisor restart the daemon,
                    // whose log recovery then settles what is on disk.
                    logger.critical("the event log cannot take records until it is reopened", metadata: ["error": "\(error)"])
                    onFatal("\(error)")
                    break loop
                }
                // The log could not take the batch (a full disk, say): the files stay in
                // the drop folder and the next rescan offers them again.
                failures += 1
                let pause = Duration.milliseconds(min(30_000, 250 << min(failures, 7)))
                logger.error("cannot record files in the log; will retry", metadata: ["error": "\(error)", "retry-in": "\(pause)"])
                _ = try? notifier.status("log unavailable, retrying: \(error)")
                Thread.sleep(forTimeInterval: Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18)
                requestRescan()
            }
            counters.value = pipeline.counters
            let now = ContinuousClock.now
            if let watchdogEvery, now - lastPing >= watchdogEvery {
                _ = try? notifier.watchdog()
                lastPing = now
            }
            let status = pipeline.counters.summary
            if status != lastStatus {
                _ = try? notifier.status(status)
                lastStatus = status
            }
        }
        counters.value = pipeline.counters
        finished.signal()
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
