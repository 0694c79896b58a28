import Logging
import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// What the caller's side and the watcher thread share: the request flags, the event channel
/// and the wake-up file that interrupts the thread's blocking wait.
final class WatcherControl: Sendable {
    struct Requests {
        var stop = false
        var rescan = false
    }

    let channel: EventChannel
    /// `wakeDirectory/.claimwatch-wake-PID`: a dotfile, so even a wake directory placed inside
    /// the drop folder would never be reported, and one per process, since libinotifytools
    /// allows only one watcher per process anyway.
    let wakeFile: [UInt8]
    private let requests = Mutex(Requests())
    private let logger: Logger

    init(channel: EventChannel, wakeFile: [UInt8], logger: Logger) {
        self.channel = channel
        self.wakeFile = wakeFile
        self.logger = logger
    }

    /// Sets the flag first, then touches the file: the thread creates the file and its watch
    /// before it first reads the flags, so either it sees the flag or the touch wakes it.
    func requestStop() {
        let first = requests.withLock { requests in
            defer { requests.stop = true }
            return !requests.stop
        }
        channel.close()
        if first { wake() }
    }

    func requestRescan() {
        requests.withLock { $0.rescan = true }
        wake()
    }

    /// The consuming task was cancelled: nobody listens, so the watcher stops.
    func consumerCancelled() {
        channel.abandon()
        requestStop()
    }

    /// Called by the watcher thread before each wait; a rescan request is consumed.
    func takeRequests() -> Requests {
        requests.withLock { requests in
            defer { requests.rescan = false }
            return requests
        }
    }

    private func wake() {
        do {
            try Posix.touch(wakeFile)
        } catch {
            // ENOENT: the thread has not made the file yet (it reads the flags once it has)
            // or is already gone. Anything else leaves the thread asleep until its next timer.
            if error.rawValue != ENOENT {
                logger.warning("cannot touch the watcher's wake-up file", metadata: [
                    "path": "\(DropPath(kernelBytes: wakeFile))", "error": "\(WatcherError.explain(error))",
                ])
            }
        }
    }
}
