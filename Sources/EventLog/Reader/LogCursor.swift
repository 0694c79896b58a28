/// Reads the log forward from any `seq`, across segments, handing back only whole lines.
/// `next()` returns nil when it has caught up with the writer; called again later, it
/// picks up what was appended since, including in segments created since.
public final class LogCursor {
    public enum Item: Sendable, Equatable {
        case record(LogRecord)
        /// A line that is not a valid record; reading goes on after it.
        case damaged(segment: String, offset: Int64, reason: String)
    }

    private let directory: String
    private let fromSeq: UInt64
    private let verify: Bool
    private var segments: [Segment] = []
    private var current = 0
    private var scanner: SegmentScanner?
    /// Set once the end of a segment was read after a newer segment was seen: only then
    /// is the segment known to be complete.
    private var drainedAfterSeal = false
    /// Where the last record `next()` returned lies in the log, for a reader that keeps
    /// it to fetch the record again later (`LogRecordReader`).
    public private(set) var location: RecordLocation?

    public init(directory: String, from seq: UInt64 = 1, verify: Bool = true) throws(EventLogError) {
        self.directory = directory
        self.fromSeq = max(1, seq)
        self.verify = verify
        segments = try Segment.list(in: directory)
        current = Segment.index(holding: fromSeq, in: segments) ?? 0
    }

    /// A cursor that starts reading at `location`, where the record `seq` begins (or will
    /// begin: the end of a segment is fine, reading moves on to the next one). For a reader
    /// that comes back often to the place it stopped, without scanning the segment from its
    /// start each time.
    public convenience init(directory: String, from seq: UInt64, at location: RecordLocation, verify: Bool = true)
        throws(EventLogError) {
        try self.init(directory: directory, from: seq, verify: verify)
        guard let index = segments.firstIndex(where: { $0.firstSeq == location.segment }) else { return }
        current = index
        scanner = try SegmentScanner(path: segments[index].path, from: location.offset, chunkSize: 1 << 20, verify: verify)
    }

    public func next() throws(EventLogError) -> Item? {
        while true {
            guard current < segments.count else {
                segments = try Segment.list(in: directory)
                if current >= segments.count { return nil }
                continue
            }
            if scanner == nil {
                scanner = try SegmentScanner(path: segments[current].path, chunkSize: 1 << 20, verify: verify)
            }
            switch try scanner!.next() {
            case let .record(record, offset):
                if record.seq < fromSeq { continue }
                location = RecordLocation(segment: segments[current].firstSeq, offset: offset)
                return .record(record)
            case let .damaged(offset, _, reason):
                return .damaged(segment: segments[current].path, offset: offset, reason: reason)
            case let .partial(offset, length):
                guard try advanceIfSealed() else {
                    // The writer is still writing this line: leave it for the next call.
                    scanner!.resume()
                    return nil
                }
                if drainedAfterSeal { continue }
                return .damaged(segment: segments[current - 1].path, offset: offset,
                                reason: "\(length) bytes without a final newline at the end of a sealed segment")
            case nil:
                if try advanceIfSealed() { continue }
                scanner!.resume()
                return nil
            }
        }
    }

    /// Moves to the next segment once the current one is known to be sealed and fully
    /// read. Returns false while the current segment is still the newest.
    private func advanceIfSealed() throws(EventLogError) -> Bool {
        if current == segments.count - 1 {
            segments = try Segment.list(in: directory)
        }
        guard current < segments.count - 1 else { return false }
        if !drainedAfterSeal {
            // Records may have landed in this segment just before the newer one appeared.
            drainedAfterSeal = true
            scanner!.resume()
            return true
        }
        drainedAfterSeal = false
        scanner = nil
        current += 1
        return true
    }
}
