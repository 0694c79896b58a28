import Foundation

/// Reads single records at known locations (see `LogCursor.location`): a query store
/// keeps where each record lies and reads it back whole, so what it prints is the record
/// the log holds, new fields included, not a copy of some of its columns.
///
/// Each line is checked as a scan checks it (checksum, envelope) and must carry the seq
/// asked for; anything else is `EventLogError.damaged`.
public final class LogRecordReader {
    public let directory: String
    /// Open segments by first seq; a query reads from a handful.
    private var files: [UInt64: LogFileBox] = [:]
    private var buffer = [UInt8](repeating: 0, count: 4096)
    /// Bytes read at a time: most records are shorter, and the kernel copies all it is asked for.
    private static let chunk = 1024

    public init(directory: String) {
        self.directory = directory
    }

    public func record(at location: RecordLocation, seq: UInt64) throws(EventLogError) -> LogRecord {
        let offset = UInt64(max(0, location.offset))
        // The segment's path is spelt out only for a message: most reads need none.
        var segment: Segment { Segment(firstSeq: location.segment, directory: directory) }
        guard let length = try line(in: location.segment, at: location.offset) else {
            throw .damaged(segment: segment.path, offset: offset, reason: "no whole record where seq \(seq) was")
        }
        let inspection = buffer.withUnsafeBytes { RecordFormat.inspect(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
        switch inspection {
        case let .valid(envelope):
            guard envelope.seq == seq else {
                throw .damaged(segment: segment.path, offset: offset, reason: "seq \(envelope.seq) where seq \(seq) was")
            }
            return LogRecord(envelope: envelope, line: Array(buffer[0..<length]))
        case let .badChecksum(stored, computed):
            throw .damaged(segment: segment.path, offset: offset,
                           reason: "checksum mismatch (stored \(hex(stored)), computed \(hex(computed)))")
        case let .malformed(reason):
            throw .damaged(segment: segment.path, offset: offset, reason: reason)
        }
    }

    /// What a line once found damaged holds now.
    public enum LineState: Sendable, Equatable {
        /// Still not a valid record.
        case damaged
        /// A valid record: the writer's recovery cut a damaged last line and wrote this one
        /// in its place, or someone repaired the line by hand.
        case record(seq: UInt64)
        /// No whole line there any more (cut, or the segment is gone).
        case gone
    }

    public func state(ofLineIn firstSeq: UInt64, at offset: Int64) -> LineState {
        guard let length = try? line(in: firstSeq, at: offset) else { return .gone }
        let inspection = buffer.withUnsafeBytes { RecordFormat.inspect(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
        if case let .valid(envelope) = inspection { return .record(seq: envelope.seq) }
        return .damaged
    }

    /// Reads the line at `offset` into `buffer`; its length, or nil when the file ends
    /// before a newline.
    private func line(in firstSeq: UInt64, at offset: Int64) throws(EventLogError) -> Int? {
        let file: LogFileBox
        if let open = files[firstSeq] {
            file = open
        } else {
            file = LogFileBox(try LogFile(path: Segment(firstSeq: firstSeq, directory: directory).path, flags: O_RDONLY))
            files[firstSeq] = file
        }
        var filled = 0
        while true {
            if filled + Self.chunk > buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let start = filled
            let got = try buffer.withUnsafeMutableBytes { raw in
                Result { () throws(EventLogError) in
                    try file.file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[start..<(start + Self.chunk)]),
                                       at: offset + Int64(start))
                }
            }.get()
            filled += got
            if let end = buffer[start..<filled].firstIndex(of: 0x0A) { return end }
            if got == 0 { return nil }
        }
    }
}

/// `LogFile` is move-only; a class holds it in the reader's dictionary.
private final class LogFileBox {
    let file: LogFile
    init(_ file: consuming LogFile) { self.file = file }
}
