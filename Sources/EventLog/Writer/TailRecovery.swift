import Foundation

/// What opening the log found at its end, and what it repaired.
public struct TailRecovery: Sendable, Equatable {
    /// The segment new records go into.
    public var segment: Segment
    /// Its size once repaired: where the next record starts.
    public var size: Int64
    /// The `seq` the next record gets.
    public var nextSeq: UInt64
    /// Bytes cut from the end of the newest segment (a torn final record), if any.
    public var truncatedBytes: Int64
    /// Why they were cut.
    public var truncatedReason: String?

    /// Checks the newest segment in full and the seam with the one before it, and cuts a
    /// torn final record. Any other damage throws `.damaged`: the writer must not append
    /// after records it cannot vouch for, and must not guess which ones to drop.
    static func recover(directory: String) throws(EventLogError) -> TailRecovery {
        var segments = try Segment.list(in: directory)
        if segments.isEmpty {
            let first = Segment(firstSeq: 1, directory: directory)
            _ = try LogFile(path: first.path, flags: O_WRONLY | O_CREAT | O_EXCL)
            try LogFile.syncDirectory(directory)
            segments = [first]
        }
        let newest = segments[segments.count - 1]
        if segments.count > 1 {
            try checkSeam(previous: segments[segments.count - 2], next: newest)
        }

        var scanner = try SegmentScanner(path: newest.path)
        var expected = newest.firstSeq
        var goodEnd: Int64 = 0
        var torn: (offset: Int64, reason: String)?
        while let item = try scanner.next() {
            if let earlier = torn {
                // Something follows the bad record, so it was not the last write: damage.
                throw .damaged(segment: newest.path, offset: UInt64(earlier.offset), reason: earlier.reason)
            }
            switch item {
            case let .record(record, offset):
                guard record.seq == expected else {
                    throw .damaged(segment: newest.path, offset: UInt64(offset),
                                   reason: "seq \(record.seq) where \(expected) was expected")
                }
                expected += 1
                goodEnd = scanner.offset
            case let .damaged(offset, _, reason):
                torn = (offset, reason)
            case let .partial(offset, length):
                torn = (offset, "\(length) bytes without a final newline")
            }
        }
        let file = try LogFile(path: newest.path, flags: O_RDWR)
        let size = try file.size()
        var recovery = TailRecovery(segment: newest, size: goodEnd, nextSeq: expected, truncatedBytes: 0, truncatedReason: nil)
        if let torn, size > goodEnd {
            try file.truncate(to: goodEnd)
            try file.syncData()
            recovery.truncatedBytes = size - goodEnd
            recovery.truncatedReason = "torn final record at offset \(torn.offset): \(torn.reason)"
        }
        return recovery
    }

    /// The newest segment must start right after the last record of the one before it.
    private static func checkSeam(previous: Segment, next: Segment) throws(EventLogError) {
        guard let last = try lastRecord(of: previous) else {
            throw .damaged(segment: previous.path, offset: 0, reason: "a sealed segment holds no complete record")
        }
        guard last.seq + 1 == next.firstSeq else {
            throw .damaged(segment: next.path, offset: 0,
                           reason: "segment starts at seq \(next.firstSeq) but the one before ends at \(last.seq)")
        }
    }

    /// The last complete, valid record of a segment, read from its tail.
    static func lastRecord(of segment: Segment) throws(EventLogError) -> LogRecord? {
        let file = try LogFile(path: segment.path, flags: O_RDONLY)
        let size = try file.size()
        var window: Int64 = 64 << 10
        while true {
            let start = max(0, size - window)
            var bytes = [UInt8](repeating: 0, count: Int(size - start))
            let got = try bytes.withUnsafeMutableBytes { raw in
                Result { () throws(EventLogError) in try file.read(into: raw, at: start) }
            }.get()
            bytes.removeSubrange(got...)
            // Lines are only whole after the first newline of the window (or from offset 0).
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            if bytes.last == 0x0A { lines.removeLast() } else if !lines.isEmpty { lines.removeLast() }
            if start > 0, !lines.isEmpty { lines.removeFirst() }
            if let line = lines.last {
                let inspection = line.withUnsafeBytes { RecordFormat.inspect($0) }
                guard case let .valid(envelope) = inspection else {
                    let offset = UInt64(start) + UInt64(line.startIndex)
                    throw .damaged(segment: segment.path, offset: offset, reason: "last record of a sealed segment: \(inspection)")
                }
                return LogRecord(envelope: envelope, line: Array(line))
            }
            if start == 0 { return nil }
            window *= 4
        }
    }
}
