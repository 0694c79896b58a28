/// Reads what the log holds now: from a `seq`, or the last records of some types.
public struct EventLogReader: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func segments() throws(EventLogError) -> [Segment] {
        try Segment.list(in: directory)
    }

    /// A cursor from `seq` on; see `LogFollower` to keep reading as the log grows.
    public func cursor(from seq: UInt64 = 1) throws(EventLogError) -> LogCursor {
        try LogCursor(directory: directory, from: seq)
    }

    /// The `seq` of the last complete record, or nil for an empty log.
    public func lastSeq() throws(EventLogError) -> UInt64? {
        for segment in try segments().reversed() {
            if let record = try TailRecovery.lastRecord(of: segment) { return record.seq }
        }
        return nil
    }

    /// The last `count` records whose type passes `include`, oldest first. Reads
    /// segments from the newest back until it has enough.
    public func lastRecords(_ count: Int, where include: (String) -> Bool = { _ in true }) throws(EventLogError) -> [LogRecord] {
        guard count > 0 else { return [] }
        var collected: [LogRecord] = []
        for segment in try segments().reversed() {
            var found: [LogRecord] = []
            var scanner = try SegmentScanner(path: segment.path, chunkSize: 1 << 20)
            while let item = try scanner.next() {
                if case let .record(record, _) = item, include(record.type) {
                    found.append(record)
                    if found.count > count { found.removeFirst(found.count - count) }
                }
            }
            collected = found + collected
            if collected.count >= count { break }
        }
        return Array(collected.suffix(count))
    }
}
