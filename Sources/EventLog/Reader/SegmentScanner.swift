import Foundation

/// Walks one segment line by line, checking each record. It reads large chunks and
/// hands back only whole lines: a last line without its newline is reported as
/// `.partial`, never as a record.
struct SegmentScanner: ~Copyable {
    enum Item {
        case record(LogRecord, offset: Int64)
        /// A whole line that fails its checksum or is not a record.
        case damaged(offset: Int64, length: Int, reason: String)
        /// Bytes after the last newline: a record still being written, or torn by a crash.
        case partial(offset: Int64, length: Int)
    }

    private let file: LogFile
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// File offset of `buffer[0]`.
    private var bufferOffset: Int64 = 0
    private var atEnd = false
    private var partialReported = false
    private let verify: Bool

    init(path: String, from offset: Int64 = 0, chunkSize: Int = 4 << 20, verify: Bool = true) throws(EventLogError) {
        file = try LogFile(path: path, flags: O_RDONLY)
        buffer = [UInt8](repeating: 0, count: chunkSize)
        bufferOffset = offset
        self.verify = verify
    }

    /// After the end was reached, looks again for bytes appended since.
    mutating func resume() {
        atEnd = false
        partialReported = false
    }

    /// The file offset just past the last whole line returned.
    var offset: Int64 { bufferOffset + Int64(start) }

    mutating func next() throws(EventLogError) -> Item? {
        while true {
            if let newline = findNewline() {
                let lineStart = start
                start = newline + 1
                return item(lineStart..<newline)
            }
            if atEnd {
                // The unfinished line stays in the buffer: `resume` may find the rest of it.
                guard start < end, !partialReported else { return nil }
                partialReported = true
                return .partial(offset: bufferOffset + Int64(start), length: end - start)
            }
            try refill()
        }
    }

    private func findNewline() -> Int? {
        guard start < end else { return nil }
        return buffer.withUnsafeBytes { raw in
            guard let found = memchr(raw.baseAddress! + start, 0x0A, end - start) else { return nil }
            return raw.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }

    private mutating func refill() throws(EventLogError) {
        // Keep the unfinished line, and grow the buffer if one line fills it.
        let leftover = end - start
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in
                if leftover > 0 { memmove(raw.baseAddress!, raw.baseAddress! + start, leftover) }
            }
            bufferOffset += Int64(start)
            start = 0
            end = leftover
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let fileOffset = bufferOffset + Int64(end)
        let capacity = buffer.count - end
        let got = try buffer.withUnsafeMutableBytes { raw in
            Result { () throws(EventLogError) in
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end..<(end + capacity)]), at: fileOffset)
            }
        }.get()
        end += got
        if got == 0 { atEnd = true }
    }

    private func item(_ range: Range<Int>) -> Item {
        let offset = bufferOffset + Int64(range.lowerBound)
        return buffer.withUnsafeBytes { raw in
            let line = UnsafeRawBufferPointer(rebasing: raw[range])
            if verify {
                switch RecordFormat.inspect(line) {
                case let .valid(envelope):
                    return .record(LogRecord(envelope: envelope, line: Array(line)), offset: offset)
                case let .badChecksum(stored, computed):
                    return .damaged(offset: offset, length: range.count,
                                    reason: "checksum mismatch (stored \(hex(stored)), computed \(hex(computed)))")
                case let .malformed(reason):
                    return .damaged(offset: offset, length: range.count, reason: reason)
                }
            }
            guard let envelope = Envelope(line) else {
                return .damaged(offset: offset, length: range.count, reason: "no seq/type envelope")
            }
            return .record(LogRecord(envelope: envelope, line: Array(line)), offset: offset)
        }
    }
}

func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
}
