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
        var damage: [LogDamage] = []
        return try lastRecords(count, where: include, damage: &damage)
    }

    /// The same, and the damaged lines among those records (from the first one returned
    /// on), which the answer leaves out.
    public func lastRecords(_ count: Int, where include: (String) -> Bool = { _ in true },
                            damage: inout [LogDamage]) throws(EventLogError) -> [LogRecord] {
        guard count > 0 else { return [] }
        var collected: [LogRecord] = []
        var damaged: [LogDamage] = []
        for segment in try segments().reversed() {
            var found: [(record: LogRecord, offset: Int64)] = []
            var bad: [LogDamage] = []
            var scanner = try SegmentScanner(path: segment.path, chunkSize: 1 << 20)
            while let item = try scanner.next() {
                switch item {
                case let .record(record, offset) where include(record.type):
                    found.append((record, offset))
                    if found.count > count { found.removeFirst(found.count - count) }
                case let .damaged(offset, _, reason):
                    bad.append(LogDamage(segment: segment.path, offset: offset, reason: reason))
                default:
                    continue
                }
            }
            // Damage before this segment's first kept record lies outside the answer,
            // unless the answer reaches into older segments (then it is inside).
            let needed = count - collected.count
            let kept = found.suffix(needed)
            let from = kept.count == needed ? kept.first?.offset ?? Int64.max : 0
            damaged = bad.filter { $0.offset >= from } + damaged
            collected = kept.map(\.record) + collected
            if collected.count >= count { break }
        }
        damage += damaged
        return collected
    }

    /// The seq of the first record at or after `time` (in the log's format), or nil when
    /// there is none. Times rise with seqs, so the search starts in the last segment
    /// whose first record is older.
    public func firstSeq(since time: String) throws(EventLogError) -> UInt64? {
        let segments = try segments()
        var start = 0
        for (index, segment) in segments.enumerated() {
            var scanner = try SegmentScanner(path: segment.path, chunkSize: 1 << 16)
            guard let first = try Self.firstRecord(&scanner) else { continue }
            if first.time < time { start = index } else { break }
        }
        for segment in segments[start...] {
            var scanner = try SegmentScanner(path: segment.path, chunkSize: 1 << 20)
            while let item = try scanner.next() {
                if case let .record(record, _) = item, record.time >= time { return record.seq }
            }
        }
        return nil
    }

    private static func firstRecord(_ scanner: inout SegmentScanner) throws(EventLogError) -> LogRecord? {
        while let item = try scanner.next() {
            if case let .record(record, _) = item { return record }
        }
        return nil
    }
}
