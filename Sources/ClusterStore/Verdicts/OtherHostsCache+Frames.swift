import EventLog

extension OtherHostsCache {
    /// One frame: the records of one fetch and the position it read through.
    struct Frame {
        struct Record {
            var position: Int64
            var host: String
            var line: String
            /// The content id of the text the record came with; nil when it came without one.
            var content: String?
            var textBytes: Int
        }

        var through: Int64
        var records: [Record]
    }

    /// Reads frames one after another; stops at the first that is torn or damaged (a bad
    /// checksum, a length past the end, positions that do not rise).
    struct FrameReader {
        let bytes: [UInt8]
        private var offset: Int
        /// The end of the last frame accepted: where the file is whole up to.
        private(set) var accepted: Int
        private var pending: Int?
        private var lastPosition: Int64 = 0
        /// Why reading stopped before the end, when it was damage rather than a torn tail.
        private(set) var damage: String?

        /// `after`: the position the frames before `offset` read through (their positions
        /// only rise).
        init(bytes: [UInt8], offset: Int, after: Int64 = 0) {
            self.bytes = bytes
            self.offset = offset
            accepted = offset
            lastPosition = after
        }

        /// The next frame, or nil at the end or at damage. `accept()` marks it whole and used.
        mutating func next() -> Frame? {
            offset = accepted
            guard offset < bytes.count else { return nil }
            var reader = ByteReader(bytes: bytes, offset: offset)
            guard let length = reader.uint32(), let crc = reader.uint32() else { return nil }
            let start = reader.offset, end = start + Int(length)
            guard Int(length) <= OtherHostsCache.largestFrame, end <= bytes.count else { return nil }
            guard bytes.withUnsafeBytes({ CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }) == crc else {
                damage = "a damaged frame at byte \(offset)"
                return nil
            }
            guard let frame = Self.decode(ByteReader(bytes: bytes, offset: start), end: end, after: lastPosition) else {
                damage = "a frame at byte \(offset) that does not read"
                return nil
            }
            pending = end
            lastPosition = max(lastPosition, frame.through)
            return frame
        }

        mutating func accept() {
            if let pending { accepted = pending }
            pending = nil
        }

        private static func decode(_ start: ByteReader, end: Int, after last: Int64) -> Frame? {
            var reader = start
            guard let through = reader.uint64().map(Int64.init(bitPattern:)), let count = reader.uint32(), through >= last
            else { return nil }
            var records: [Frame.Record] = []
            records.reserveCapacity(Int(min(count, 100_000)))
            var previous = last
            for _ in 0..<count {
                guard let position = reader.uint64().map(Int64.init(bitPattern:)), position > previous, position <= through,
                      let hostLength = reader.uint16(), let host = reader.string(Int(hostLength)),
                      let lineLength = reader.uint32(), let line = reader.string(Int(lineLength)),
                      let contentLength = reader.uint8(), let content = reader.string(Int(contentLength)),
                      let textBytes = reader.uint32() else { return nil }
                previous = position
                records.append(Frame.Record(position: position, host: host, line: line,
                                            content: content.isEmpty ? nil : content, textBytes: Int(textBytes)))
            }
            guard reader.offset == end else { return nil }
            return Frame(through: through, records: records)
        }
    }

    /// Little-endian fields read from a byte array; nil past its end.
    struct ByteReader {
        let bytes: [UInt8]
        private(set) var offset: Int

        init(bytes: [UInt8], offset: Int) {
            self.bytes = bytes
            self.offset = offset
        }

        mutating func uint8() -> UInt8? { integer() }
        mutating func uint16() -> UInt16? { integer() }
        mutating func uint32() -> UInt32? { integer() }
        mutating func uint64() -> UInt64? { integer() }

        mutating func string(_ length: Int) -> String? {
            guard length >= 0, offset + length <= bytes.count else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
        }

        private mutating func integer<T: FixedWidthInteger>() -> T? {
            let size = MemoryLayout<T>.size
            guard offset + size <= bytes.count else { return nil }
            var value: T = 0
            for index in 0..<size { value |= T(bytes[offset + index]) << (8 * index) }
            offset += size
            return value
        }
    }
}
