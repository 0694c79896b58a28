/// Something about the watcher itself that an operator should hear about.
public enum WatcherNotice: Sendable, Hashable, CustomStringConvertible {
    /// inotify is not used; the folder is scanned every `interval` instead. `fileSystem` names
    /// the network or FUSE file system that forced it, `nil` when the configuration did.
    case polling(fileSystem: String?, interval: Duration)
    /// The kernel's event queue overflowed; a full rescan runs after `rescanDelay` (zero: now).
    case queueOverflowed(rescanDelay: Duration)
    /// A folder could not be watched or read; its files are only found by later rescans.
    case degraded(WatcherError)
    /// The watcher cannot go on; this is the stream's last event.
    case failed(WatcherError)

    public var description: String {
        switch self {
        case .polling(let fileSystem?, let interval):
            "the drop folder is on \(fileSystem), where inotify cannot see files written by other hosts: polling every \(interval)"
        case .polling(nil, let interval):
            "polling every \(interval) as configured (forcePolling)"
        case .queueOverflowed(let delay):
            delay == .zero
                ? "the inotify queue overflowed: rescanning the drop folder now"
                : "the inotify queue overflowed again: rescanning the drop folder in \(delay)"
        case .degraded(let error):
            "\(error); the watcher goes on and later rescans pick up what it misses"
        case .failed(let error):
            "the watcher stopped: \(error)"
        }
    }
}
