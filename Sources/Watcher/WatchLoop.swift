import Logging
import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The watcher thread's whole life: set up, watch, tear down.
///
/// Deliberately not `Sendable`: it is created on the watcher thread and never leaves it, so
/// its state needs no locks, and every libinotifytools call happens on that one thread.
final class WatchLoop {
    typealias Instant = ContinuousClock.Instant

    enum Outcome {
        case keepGoing
        case stop
        case fail(WatcherError)
    }

    let configuration: WatcherConfiguration
    let control: WatcherControl
    let logger: Logger
    let filter: DropNameFilter
    /// The drop folder's path bytes, without a trailing slash.
    let root: [UInt8]
    let clock = ContinuousClock()

    var session: InotifySession?
    var wakeWatch: Int32?
    var wakeFileCreated = false
    var watched = WatchedDirectories()
    var isPolling = false
    var pollingFileSystem: String?
    var pollTracker = PollTracker()
    var backoff: OverflowBackoff
    var nextPeriodicRescan: Instant
    var nextPoll: Instant?
    /// Problems already told, so an unreadable folder is not reported on every poll.
    var reportedProblems: Set<WatcherError> = []
    /// Notices raised before `start()` returned, when nobody could read the stream yet.
    var deferredNotices: [WatcherNotice]? = []

    init(configuration: WatcherConfiguration, control: WatcherControl, logger: Logger) {
        self.configuration = configuration
        self.control = control
        var logger = logger
        logger[metadataKey: "drop-folder"] = "\(configuration.dropFolder)"
        self.logger = logger
        self.filter = DropNameFilter(patterns: configuration.ignorePatterns)
        var root = Array(configuration.dropFolder.utf8)
        while root.count > 1, root.last == UInt8(ascii: "/") { root.removeLast() }
        self.root = root
        self.backoff = OverflowBackoff(configuration.overflowBackoff)
        self.nextPeriodicRescan = clock.now + configuration.rescanInterval
    }

    /// Runs on the watcher thread until stopped. `started` is called once, when the watches
    /// are in place or setting up failed.
    func run(started: (Result<Void, WatcherError>) -> Void) {
        do throws(WatcherError) {
            try setUp()
        } catch {
            logger.error("the drop-folder watcher cannot start: \(error)")
            tearDown()
            started(.failure(error))
            return
        }
        started(.success(()))
        if case .fail(let error) = watch() {
            let notice = WatcherNotice.failed(error)
            logger.error("\(notice)")
            _ = control.channel.send(.notice(notice))
        }
        tearDown()
    }

    private func setUp() throws(WatcherError) {
        let session = try InotifySession()
        self.session = session
        try prepareWakeFile(in: session)
        let rootIdentity: FileIdentity
        do {
            let fd = try Posix.openDirectory(root)
            defer { Posix.closeDescriptor(fd) }
            rootIdentity = try Posix.identity(ofOpen: fd)
        } catch {
            throw .cannotOpenDirectory(path: configuration.dropFolder, errno: error)
        }
        let remote: RemoteFileSystem?
        do {
            remote = try RemoteFileSystem.holding(root)
        } catch {
            throw .cannotOpenDirectory(path: configuration.dropFolder, errno: error)
        }
        if configuration.forcePolling || remote != nil {
            isPolling = true
            pollingFileSystem = remote?.name
        } else if configuration.recursive {
            // Every folder's watch goes in before `.ready`, so an exhausted watch limit fails
            // the start loudly instead of leaving part of the tree unwatched.
            _ = try walk(from: [], signatures: false) { (relative, identity) throws(WatcherError) in
                try placeWatch(on: relative, identity: identity)
            } found: { _, _ in true }
        } else {
            try placeWatch(on: [], identity: rootIdentity)
        }
    }

    private func prepareWakeFile(in session: InotifySession) throws(WatcherError) {
        let wakeFile = control.wakeFile
        let remote: RemoteFileSystem?
        do {
            remote = try RemoteFileSystem.holding(Array(configuration.wakeDirectory.utf8))
        } catch {
            throw .wakeFileUnusable(path: "\(DropPath(kernelBytes: wakeFile))", errno: error)
        }
        if let remote {
            throw .wakeDirectoryNotLocal(path: configuration.wakeDirectory, fileSystem: remote.name)
        }
        do {
            try Posix.createPrivateFile(wakeFile)
            wakeFileCreated = true
        } catch {
            throw .wakeFileUnusable(path: "\(DropPath(kernelBytes: wakeFile))", errno: error)
        }
        do {
            wakeWatch = try session.watch(wakeFile, mask: InotifySession.closeWrite)
        } catch {
            throw watchError(error, path: wakeFile)
        }
    }

    /// The main loop: the startup scan, then events and timers until stopped.
    private func watch() -> Outcome {
        for notice in deferredNotices ?? [] { _ = control.channel.send(.notice(notice)) }
        deferredNotices = nil
        if isPolling { tell(.polling(fileSystem: pollingFileSystem, interval: configuration.pollInterval)) }
        guard control.channel.send(.ready), rescan(.startup) else { return .stop }
        nextPeriodicRescan = clock.now + configuration.rescanInterval
        nextPoll = isPolling ? clock.now + configuration.pollInterval : nil
        while true {
            if case .stop = runDueWork() { return .stop }
            guard let session else { return .stop }
            switch session.next(timeoutSeconds: secondsUntilNextDeadline()) {
            case .nothing, .interrupted:
                continue
            case .failed(let error):
                return .fail(.readFailed(errno: error))
            case .event(let event):
                let outcome = handle(event)
                guard case .keepGoing = outcome else { return outcome }
            }
        }
    }

    /// Requests and timers, checked before every wait.
    private func runDueWork() -> Outcome {
        let requests = control.takeRequests()
        if requests.stop { return .stop }
        if requests.rescan, !rescan(.requested) { return .stop }
        if clock.now >= nextPeriodicRescan {
            reportedProblems.removeAll()
            guard rescan(.periodic) else { return .stop }
            nextPeriodicRescan = clock.now + configuration.rescanInterval
        }
        if backoff.isDue(at: clock.now) {
            guard rescan(.overflow) else { return .stop }
            backoff.rescanned(at: clock.now)
        }
        if let due = nextPoll, clock.now >= due {
            guard poll() else { return .stop }
            nextPoll = clock.now + configuration.pollInterval
        }
        return .keepGoing
    }

    private func secondsUntilNextDeadline() -> Int {
        var deadline = nextPeriodicRescan
        if let nextPoll { deadline = min(deadline, nextPoll) }
        if let pending = backoff.pendingRescan { deadline = min(deadline, pending) }
        let (seconds, attoseconds) = (deadline - clock.now).components
        return Int(clamping: max(1, seconds + (attoseconds > 0 ? 1 : 0)))
    }

    private func tearDown() {
        session?.close(watches: watched.watches, wakeWatch: wakeWatch)
        session = nil
        if wakeFileCreated { Posix.unlinkFile(control.wakeFile) }
        InotifySlot.release()
        control.channel.finish()
    }

    /// Logs a notice and hands it to the consumer (or keeps it until the stream is handed out).
    func tell(_ notice: WatcherNotice) {
        switch notice {
        case .degraded, .failed: logger.error("\(notice)")
        case .polling, .queueOverflowed: logger.warning("\(notice)")
        }
        if deferredNotices != nil {
            deferredNotices?.append(notice)
        } else {
            _ = control.channel.send(.notice(notice))
        }
    }

    /// Reports a problem that does not stop the watcher, once per periodic rescan.
    func degrade(_ error: WatcherError) {
        guard reportedProblems.insert(error).inserted else { return }
        tell(.degraded(error))
    }

    func absolutePath(_ relative: [UInt8]) -> [UInt8] {
        relative.isEmpty ? root : (root == [UInt8(ascii: "/")] ? root + relative : DropPath.join(root, relative))
    }

    func watchError(_ error: Errno, path: [UInt8]) -> WatcherError {
        let display = "\(DropPath(kernelBytes: path))"
        return error.rawValue == ENOSPC
            ? .inotifyWatchLimit(path: display, limit: session?.maxUserWatches)
            : .watchFailed(path: display, errno: error)
    }
}
