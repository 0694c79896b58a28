public import SystemPackage

/// Everything that can go wrong in the watcher, with the path and the `errno` that caused it,
/// worded so an operator reading the daemon's log knows what to do next.
public enum WatcherError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration asks for something impossible (an empty path, a zero interval…).
    case invalidConfiguration(String)
    /// `start()` was called twice on the same watcher.
    case alreadyStarted
    /// libinotifytools keeps global state, so a process can run only one watcher at a time.
    case anotherWatcherRunning
    /// The drop folder (or a subfolder) could not be opened or is not a directory.
    case cannotOpenDirectory(path: String, errno: Errno)
    /// `inotify_init` failed because the user has too many inotify instances (EMFILE).
    case inotifyInstanceLimit(limit: Int?)
    /// `inotify_init` failed for another reason.
    case inotifyUnavailable(errno: Errno)
    /// Adding a watch failed because the user's watch budget is spent (ENOSPC).
    case inotifyWatchLimit(path: String, limit: Int?)
    /// Adding a watch failed for another reason.
    case watchFailed(path: String, errno: Errno)
    /// Waiting for events failed; the watcher cannot go on.
    case readFailed(errno: Errno)
    /// The private wake-up file used to interrupt the blocking wait could not be used.
    case wakeFileUnusable(path: String, errno: Errno)
    /// The wake-up directory is on a file system where inotify cannot be trusted.
    case wakeDirectoryNotLocal(path: String, fileSystem: String)
    /// The drop folder itself went away (deleted, renamed away or unmounted).
    case dropFolderGone(path: String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let reason):
            "invalid watcher configuration: \(reason)"
        case .alreadyStarted:
            "the watcher was already started; create a new DropFolderWatcher to watch again"
        case .anotherWatcherRunning:
            "another drop-folder watcher is running in this process (libinotifytools allows only one); stop it and wait for its event stream to finish first"
        case .cannotOpenDirectory(let path, let code):
            "cannot open directory \(path): \(Self.explain(code))"
        case .inotifyInstanceLimit(let limit):
            "cannot create an inotify instance: the per-user limit fs.inotify.max_user_instances\(Self.current(limit)) is reached (EMFILE); raise it with `sysctl -w fs.inotify.max_user_instances=512` and make it permanent in /etc/sysctl.d/"
        case .inotifyUnavailable(let code):
            "cannot create an inotify instance: \(Self.explain(code))"
        case .inotifyWatchLimit(let path, let limit):
            "cannot watch \(path): the per-user inotify watch limit fs.inotify.max_user_watches\(Self.current(limit)) is exhausted (ENOSPC); raise it with `sysctl -w fs.inotify.max_user_watches=524288` and make it permanent in /etc/sysctl.d/"
        case .watchFailed(let path, let code):
            "cannot watch \(path): \(Self.explain(code))"
        case .readFailed(let code):
            "waiting for inotify events failed: \(Self.explain(code))"
        case .wakeFileUnusable(let path, let code):
            "cannot use the watcher's wake-up file \(path): \(Self.explain(code))"
        case .wakeDirectoryNotLocal(let path, let fileSystem):
            "the wake-up directory \(path) is on \(fileSystem), where inotify misses changes; use a local directory such as /run/claimwatch"
        case .dropFolderGone(let path):
            "the drop folder \(path) was deleted, moved away or unmounted"
        }
    }

    /// "No space left on device (errno 28)": the words for people, the number for searches.
    static func explain(_ code: Errno) -> String {
        "\(code) (errno \(code.rawValue))"
    }

    private static func current(_ limit: Int?) -> String {
        limit.map { " (now \($0))" } ?? ""
    }
}

extension WatcherError {
    // The same, from `errno` as C gives it.
    public static func cannotOpenDirectory(path: String, errno: Int32) -> Self {
        .cannotOpenDirectory(path: path, errno: Errno(rawValue: errno))
    }

    public static func inotifyUnavailable(errno: Int32) -> Self { .inotifyUnavailable(errno: Errno(rawValue: errno)) }

    public static func watchFailed(path: String, errno: Int32) -> Self { .watchFailed(path: path, errno: Errno(rawValue: errno)) }

    public static func readFailed(errno: Int32) -> Self { .readFailed(errno: Errno(rawValue: errno)) }

    public static func wakeFileUnusable(path: String, errno: Int32) -> Self {
        .wakeFileUnusable(path: path, errno: Errno(rawValue: errno))
    }
}
