public import Foundation

/// How a log is laid out and written. Components take this value; only executables read
/// flags and files to fill it.
public struct EventLogConfiguration: Sendable {
    /// The folder holding the segments (`<state>/log`).
    public var directory: String
    /// A segment is sealed and a new one begun once it would grow past this size.
    public var segmentBytes: Int
    /// Wall-clock time for each record's `time`; tests inject their own.
    public var now: @Sendable () -> Date
    /// A fault seam for tests of a full disk: while a file exists at this path, every
    /// write to the log fails with `ENOSPC`, exactly as a full file system makes it fail.
    /// Only executables set it, from an environment variable that is meant for tests.
    public var diskFullWhileExists: String?
    /// Called on the writer's thread each time more records are durable, with the last
    /// durable `seq`: for a reader that passes records on (a cluster host publishing its
    /// log) and must never pass on one a rolled-back write could still take back.
    public var onDurable: (@Sendable (UInt64) -> Void)?

    public init(directory: String, segmentBytes: Int = 64 << 20, now: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory
        self.segmentBytes = segmentBytes
        self.now = now
    }
}
