import Foundation
public import Logging
import Synchronization

/// Watches the drop folder and reports files that are ready to take in.
///
/// One dedicated thread (never the Swift cooperative pool) makes every libinotifytools call,
/// copies each event into a Swift value at once and hands it on through ``WatchEvents``.
///
/// ```swift
/// let watcher = DropFolderWatcher(configuration: configuration, logger: logger)
/// for await event in try await watcher.start() {
///     if case .file(let file) = event { await intake.take(file) }
/// }
/// ```
public final class DropFolderWatcher: Sendable {
    private enum Phase {
        case idle
        case started(WatcherControl)
        case stopped
    }

    public let configuration: WatcherConfiguration
    private let logger: Logger
    private let phase = Mutex(Phase.idle)

    public init(configuration: WatcherConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    deinit {
        stop()
    }

    /// Starts the watcher thread and returns once the watches are in place; the stream then
    /// opens with `.ready` and the startup scan. Throws for a bad configuration, a missing
    /// drop folder, exhausted inotify limits, or when another watcher runs in this process.
    public func start() async throws(WatcherError) -> WatchEvents {
        let configuration = try configuration.validated()
        let wakeFile = Array("\(configuration.wakeDirectory)/.claimwatch-wake-\(ProcessInfo.processInfo.processIdentifier)".utf8)
        let control = WatcherControl(
            channel: EventChannel(capacity: configuration.eventBufferCapacity), wakeFile: wakeFile, logger: logger
        )
        try phase.withLock { (phase) throws(WatcherError) in
            guard case .idle = phase else { throw .alreadyStarted }
            try InotifySlot.claim()
            phase = .started(control)
        }
        let logger = self.logger
        let outcome = await withCheckedContinuation { (started: CheckedContinuation<Result<Void, WatcherError>, Never>) in
            let thread = Thread {
                WatchLoop(configuration: configuration, control: control, logger: logger).run { started.resume(returning: $0) }
            }
            thread.name = "claimwatch-watcher"
            thread.start()
        }
        try outcome.get()
        return WatchEvents(control: control)
    }

    /// Asks for a full rescan (reported as `.scan(.requested)`), e.g. on SIGHUP.
    public func requestRescan() {
        guard case .started(let control) = phase.withLock({ $0 }) else { return }
        control.requestRescan()
    }

    /// Stops the watcher without waiting: the thread wakes at once, lets go of
    /// libinotifytools and exits, and then the event stream finishes. Safe to call repeatedly.
    public func stop() {
        let control: WatcherControl? = phase.withLock { phase in
            switch phase {
            case .idle:
                phase = .stopped
                return nil
            case .started(let control):
                return control
            case .stopped:
                return nil
            }
        }
        control?.requestStop()
    }
}
