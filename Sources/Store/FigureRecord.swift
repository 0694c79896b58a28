import EventLog
import Ledger

/// All the figures view reads of a figure row, packed into one blob column: the range it
/// is compared by, its source and article as interned numbers (see `SourceCounter`), and
/// what it shows (the figure's `claim#index`, its text, value and bound, what it counts,
/// who says it and how, when, and the article with its outlet, date and path).
///
/// A large topic's view reads tens of thousands of rows; as twenty columns, SQLite's
/// per-column work (decoding each from the row, one or two API calls to fetch it) cost
/// more than everything else in the view together. What other statements filter, index or
/// update (the claim, the article, the copies, the text) is also kept in columns; the
/// copies, which change as copies arrive, are read from theirs.
///
/// Layout, in field order: the range's two ends as 8-byte bit patterns; the source and
/// article numbers as 8 bytes each; then each display number as a byte 0 (none) or 1
/// followed by its 8-byte bit pattern, and each text as a length + 1 in an unsigned
/// LEB128 varint (0 for none) followed by its UTF-8 bytes; last, the range of the value
/// the figure says it changed from, as two display numbers. All little-endian.
struct FigureRecord: Equatable {
    var range: FigureRange
    var source: Int64
    var articleNumber: Int64
    /// `claim#index`.
    var figure: String
    var text: String
    var low: Double?
    var high: Double?
    var bound: FigureBound
    var unit: String?
    var counted: String?
    var claimant: String?
    var cue: String?
    var stance: String
    var article: String
    var time: String
    var outlet: String?
    var published: String?
    var path: String?
    /// The range of the value it says it changed from ("up from 14").
    var earlier: FigureRange? = nil

    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160)
        func fixed(_ bits: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        }
        func number(_ value: Double?) {
            guard let value else { return bytes.append(0) }
            bytes.append(1)
            fixed(value.bitPattern)
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
        fixed(range.low.bitPattern)
        fixed(range.high.bitPattern)
        fixed(UInt64(bitPattern: source))
        fixed(UInt64(bitPattern: articleNumber))
        text(figure)
        text(self.text)
        number(low)
        number(high)
        for field in [bound.rawValue, unit, counted, claimant, cue, stance, article, time, outlet, published, path] { text(field) }
        number(earlier?.low)
        number(earlier?.high)
        return bytes
    }

    /// Reads a record straight onto the end of the view's lines and the numbers their
    /// sources are counted by: no intermediate record whose strings would be copied and
    /// released. False, with nothing added, when the bytes are cut short or run on (a
    /// store damaged outside the program).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, copies: Int, into lines: inout [TopicReport.Line],
                     _ keyed: inout [SourceCounter.Keyed]) -> Bool {
        var reader = Reader(bytes: bytes)
        // Only the optional display fields may be absent; a record that says otherwise is damaged.
        guard let lo = reader.fixed(), let hi = reader.fixed(), let source = reader.fixed(), let number = reader.fixed(),
              let figure = reader.text() ?? nil, let text = reader.text() ?? nil, let low = reader.number(),
              let high = reader.number(), let bound = reader.text() ?? nil, let unit = reader.text(),
              let counted = reader.text(), let claimant = reader.text(), let cue = reader.text(),
              let stance = reader.text() ?? nil, let article = reader.text() ?? nil, let time = reader.text() ?? nil,
              let outlet = reader.text(), let published = reader.text(), let path = reader.text(),
              let earlierLow = reader.number(), let earlierHigh = reader.number(), reader.offset == bytes.count
        else { return false }
        lines.append(TopicReport.Line(
            figure: figure, text: text, low: low, high: high, bound: FigureBound(rawValue: bound), unit: unit, counted: counted, claimant: claimant,
            cue: cue, stance: stance, article: article, path: path, outlet: outlet, published: published, time: time,
            copies: copies, sources: 0, reports: 0, conflicting: 0, conflicts: []))
        keyed.append(SourceCounter.Keyed(range: FigureRange(low: Double(bitPattern: lo), high: Double(bitPattern: hi)),
                                         source: Int64(bitPattern: source), article: Int64(bitPattern: number), copies: copies,
                                         earlier: earlierLow.flatMap { low in earlierHigh.map { FigureRange(low: low, high: $0) } }))
        return true
    }

    /// Reads fields in order; each read is nil when the bytes run out or are malformed (the
    /// outer optional), and an optional field gives nil inside when it is absent.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func fixed() -> UInt64? {
            guard bytes.count - offset >= 8 else { return nil }
            defer { offset += 8 }
            return UInt64(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        mutating func number() -> Double?? {
            guard offset < bytes.count else { return nil }
            let tag = bytes[offset]
            offset += 1
            guard tag == 1 else { return tag == 0 ? .some(nil) : nil }
            return fixed().map { .some(Double(bitPattern: $0)) }
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
