import Synchronization

/// libinotifytools keeps one global session per process, so only one watcher may run at a
/// time. A watcher claims the slot in `start()` and its thread frees it after closing the
/// session, just before its event stream finishes.
enum InotifySlot {
    private static let taken = Mutex(false)

    static func claim() throws(WatcherError) {
        let claimed = taken.withLock { taken in
            defer { taken = true }
            return !taken
        }
        guard claimed else { throw .anotherWatcherRunning }
    }

    static func release() {
        taken.withLock { $0 = false }
    }
}
