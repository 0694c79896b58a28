/// How a ``DropFolderWatcher`` watches. Only the executables read flags and files; they build
/// this value and hand it in.
public struct WatcherConfiguration: Sendable {
    /// The folder where articles land.
    public var dropFolder: String
    /// A private local directory (e.g. `/run/claimwatch`) for the watcher's wake-up file:
    /// touching that file is what interrupts libinotifytools' blocking wait on `stop()`.
    public var wakeDirectory: String
    /// Also watch subfolders, reporting paths relative to the drop folder.
    public var recursive: Bool = false
    /// Names (one path component) to skip; see ``DropNameFilter``.
    public var ignorePatterns: [String] = DropNameFilter.defaultPatterns
    /// The safety-net rescan of the whole folder.
    public var rescanInterval: Duration = .seconds(300)
    /// The pass interval when polling. libinotifytools waits in whole seconds, so sub-second
    /// values are rounded up.
    public var pollInterval: Duration = .seconds(2)
    /// Poll even on a local file system (tests use it; so can odd set-ups like overlay mounts).
    public var forcePolling: Bool = false
    /// How often a queue overflow may trigger a full rescan.
    public var overflowBackoff: OverflowBackoff = .init()
    /// Events held for a slow consumer before the watcher thread waits for it. While it waits,
    /// the kernel queues events; if that queue overflows, a rescan recovers.
    public var eventBufferCapacity: Int = 256

    public init(dropFolder: String, wakeDirectory: String) {
        self.dropFolder = dropFolder
        self.wakeDirectory = wakeDirectory
    }

    /// Rescans after `IN_Q_OVERFLOW` run at most once per window; each overflow inside the
    /// window doubles it up to `maximum`, and it falls back to `initial` after `quietPeriod`
    /// without overflows.
    public struct OverflowBackoff: Sendable, Hashable {
        public var initial: Duration = .seconds(1)
        public var maximum: Duration = .seconds(60)
        public var quietPeriod: Duration = .seconds(300)

        public init() {}

        public init(initial: Duration, maximum: Duration, quietPeriod: Duration) {
            self.initial = initial
            self.maximum = maximum
            self.quietPeriod = quietPeriod
        }
    }

    func validated() throws(WatcherError) -> WatcherConfiguration {
        guard !dropFolder.isEmpty, !dropFolder.utf8.contains(0) else {
            throw .invalidConfiguration("the drop folder path is empty or holds a NUL byte")
        }
        guard !wakeDirectory.isEmpty, !wakeDirectory.utf8.contains(0) else {
            throw .invalidConfiguration("the wake-up directory path is empty or holds a NUL byte")
        }
        guard rescanInterval > .zero, pollInterval > .zero else {
            throw .invalidConfiguration("rescanInterval and pollInterval must be positive")
        }
        guard overflowBackoff.initial > .zero, overflowBackoff.maximum >= overflowBackoff.initial else {
            throw .invalidConfiguration("overflowBackoff needs 0 < initial <= maximum")
        }
        guard eventBufferCapacity > 0 else {
            throw .invalidConfiguration("eventBufferCapacity must be at least 1")
        }
        return self
    }
}
