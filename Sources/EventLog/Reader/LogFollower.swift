import Foundation

/// Follows a growing log: hands back each record as it lands, across rotations, and
/// blocks in between. Meant for a thread of its own (a CLI's main thread, say);
/// `cancel()` from any thread ends the wait at once.
///
/// It waits on the kernel's inotify directly rather than through libinotifytools: that
/// library keeps process-wide state, which belongs to the daemon's watcher thread.
public final class LogFollower: @unchecked Sendable {
    // @unchecked: `cursor` is used only by the one thread that calls `next()`; the two
    // descriptors are fixed at init and `cancel()` only writes to the eventfd.
    private let cursor: LogCursor
    private let directory: String
    private let inotify: Int32
    /// A pipe: `cancel()` writes a byte into the second, which stays unread so the first
    /// remains readable and every later wait ends at once.
    private let wakeup: (read: Int32, write: Int32)
    private let pollInterval: Int32

    /// - Parameter pollInterval: the longest wait between looks at the log, a safety net
    ///   where inotify misses writes (network file systems) or could not be set up.
    public init(directory: String, from seq: UInt64 = 1, pollInterval: Duration = .seconds(1)) throws(EventLogError) {
        self.directory = directory
        try LogFile.makeDirectory(directory)
        cursor = try LogCursor(directory: directory, from: seq)
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .io(operation: "pipe", path: directory, errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        wakeup = (ends[0], ends[1])
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if descriptor >= 0 {
            let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)
            if inotify_add_watch(descriptor, directory, mask) < 0 {
                close(descriptor)
                inotify = -1
            } else {
                inotify = descriptor
            }
        } else {
            inotify = -1
        }
        let milliseconds = pollInterval.components.seconds * 1000 + pollInterval.components.attoseconds / 1_000_000_000_000_000
        self.pollInterval = Int32(clamping: max(10, milliseconds))
    }

    deinit {
        if inotify >= 0 { close(inotify) }
        close(wakeup.read)
        close(wakeup.write)
    }

    /// The next record or damage notice, waiting for one as long as it takes; nil once
    /// cancelled.
    public func next() throws(EventLogError) -> LogCursor.Item? {
        while true {
            if isCancelled { return nil }
            if let item = try cursor.next() { return item }
            waitForChange()
        }
    }

    /// The next record or damage notice already in the log, without waiting: nil when the
    /// follower has caught up (or was cancelled). A reader that handles records in batches
    /// (a catch-up, a broadcast) takes what is there after each `next()`.
    public func nextIfAvailable() throws(EventLogError) -> LogCursor.Item? {
        if isCancelled { return nil }
        return try cursor.next()
    }

    /// Where the last record handed back lies in the log (see `LogCursor.location`).
    public var location: RecordLocation? { cursor.location }

    /// Ends a `next()` that is waiting, and every later one.
    public func cancel() {
        var byte: UInt8 = 1
        _ = write(wakeup.write, &byte, 1)
    }

    private var isCancelled: Bool {
        var descriptor = pollfd(fd: wakeup.read, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    private func waitForChange() {
        var descriptors = [pollfd(fd: wakeup.read, events: Int16(POLLIN), revents: 0)]
        if inotify >= 0 { descriptors.append(pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&descriptors, nfds_t(descriptors.count), pollInterval)
        if ready > 0, inotify >= 0, descriptors[1].revents != 0 { drainNotifications() }
    }

    private func drainNotifications() {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while buffer.withUnsafeMutableBytes({ read(inotify, $0.baseAddress, $0.count) }) > 0 {}
    }
}
