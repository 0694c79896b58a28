/// Where a record lies in the log: its segment (named by the seq of its first record) and
/// the byte offset of its line in that segment. Segments are append-only and sealed ones
/// are never rewritten, so a location stays true for as long as the log does.
public struct RecordLocation: Sendable, Hashable {
    public var segment: UInt64
    public var offset: Int64

    public init(segment: UInt64, offset: Int64) {
        self.segment = segment
        self.offset = offset
    }
}

/// A line of the log that is not a valid record: where it is and why. Readers skip such
/// lines; what they answer from the rest is then partial, and they say so.
public struct LogDamage: Sendable, Hashable, CustomStringConvertible {
    /// The segment's path.
    public var segment: String
    public var offset: Int64
    public var reason: String

    public init(segment: String, offset: Int64, reason: String) {
        self.segment = segment
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "\(segment) at byte \(offset): \(reason)" }

    /// The damage an `EventLogError.damaged` reports, nil for any other error.
    public init?(_ error: EventLogError) {
        guard case let .damaged(segment, offset, reason) = error else { return nil }
        self.init(segment: segment, offset: Int64(offset), reason: reason)
    }

    /// The first seq of the segment, read from its name.
    public var segmentFirstSeq: UInt64? {
        Segment.firstSeq(ofName: String(segment.split(separator: "/").last ?? ""))
    }
}

extension LogCursor.Item {
    /// The damage this item reports, if it is a damaged line.
    public var damage: LogDamage? {
        guard case let .damaged(segment, offset, reason) = self else { return nil }
        return LogDamage(segment: segment, offset: offset, reason: reason)
    }
}
