/// The fields of a figure row that only the figures view reads (its value and bound, what
/// it counts, who says it and how, when, and the article's outlet, date and path), packed
/// into one blob column.
///
/// A large topic's view reads tens of thousands of rows; as twelve columns, SQLite's
/// per-column work (decoding each from the record, one or two API calls to fetch it) cost
/// more than everything else in the view together. Columns that other queries filter,
/// index or update (claim, article, copies, text, the range) stay columns.
///
/// Layout, in field order: a number is a byte 0 (none) or 1 followed by its 8-byte bit
/// pattern, little-endian; a text is a length + 1 as an unsigned LEB128 varint (0 for
/// none) followed by its UTF-8 bytes.
struct FigureDisplay: Equatable {
    var low: Double?
    var high: Double?
    var bound: String
    var unit: String?
    var counted: String?
    var claimant: String?
    var cue: String?
    var stance: String
    var time: String
    var outlet: String?
    var published: String?
    var path: String?

    /// What a row shows when its blob cannot be read (a store damaged outside the
    /// program): the figure is still listed, with its display fields empty.
    static let unreadable = FigureDisplay(low: nil, high: nil, bound: "", unit: nil, counted: nil, claimant: nil, cue: nil,
                                          stance: "asserts", time: "", outlet: nil, published: nil, path: nil)

    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        func number(_ value: Double?) {
            guard let value else { return bytes.append(0) }
            bytes.append(1)
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        }
        func text(_ value: String?) {
            guard let value else { return bytes.append(0) }
            var length = UInt64(value.utf8.count) + 1
            while length >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: length) | 0x80)
                length >>= 7
            }
            bytes.append(UInt8(length))
            bytes.append(contentsOf: value.utf8)
        }
        number(low)
        number(high)
        for field in [bound, unit, counted, claimant, cue, stance, time, outlet, published, path] { text(field) }
        return bytes
    }

    /// Reads a blob `encoded()` wrote; nil when it is cut short or runs on.
    init?(decoding bytes: UnsafeBufferPointer<UInt8>) {
        var reader = Reader(bytes: bytes)
        // The bound, stance and time are never absent; a blob that says so is damaged.
        guard let low = reader.number(), let high = reader.number(), let bound = reader.text() ?? nil,
              let unit = reader.text(), let counted = reader.text(), let claimant = reader.text(), let cue = reader.text(),
              let stance = reader.text() ?? nil, let time = reader.text() ?? nil, let outlet = reader.text(),
              let published = reader.text(), let path = reader.text(), reader.offset == bytes.count
        else { return nil }
        self.init(low: low, high: high, bound: bound, unit: unit, counted: counted, claimant: claimant, cue: cue,
                  stance: stance, time: time, outlet: outlet, published: published, path: path)
    }

    init(low: Double?, high: Double?, bound: String, unit: String?, counted: String?, claimant: String?, cue: String?,
         stance: String, time: String, outlet: String?, published: String?, path: String?) {
        self.low = low
        self.high = high
        self.bound = bound
        self.unit = unit
        self.counted = counted
        self.claimant = claimant
        self.cue = cue
        self.stance = stance
        self.time = time
        self.outlet = outlet
        self.published = published
        self.path = path
    }

    /// Reads fields in order; each read is nil when the bytes run out (the outer optional),
    /// and gives nil inside for a field that is absent.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func number() -> Double?? {
            guard offset < bytes.count else { return nil }
            let tag = bytes[offset]
            offset += 1
            guard tag == 1 else { return tag == 0 ? .some(nil) : nil }
            guard bytes.count - offset >= 8 else { return nil }
            var bits: UInt64 = 0
            for place in 0..<8 { bits |= UInt64(bytes[offset + place]) << UInt64(place * 8) }
            offset += 8
            return .some(Double(bitPattern: bits))
        }

        mutating func text() -> String?? {
            var length: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard offset < bytes.count, shift < 64 else { return nil }
                let byte = bytes[offset]
                offset += 1
                length |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            guard length > 0 else { return .some(nil) }
            guard length - 1 <= UInt64(bytes.count - offset) else { return nil }
            let count = Int(length - 1)
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
            offset += count
            return .some(text)
        }
    }
}
