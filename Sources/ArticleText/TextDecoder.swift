/// Turns raw file bytes into a Swift string, or says why they are not text.
///
/// Order matters: a BOM is authoritative; then strict UTF-8; bytes that are not valid UTF-8
/// are read in the legacy charset the file declares (`LegacyCharset`), else fall back to
/// Windows-1252 (every byte sequence decodes, so it must come last).
public enum TextDecoder {
    /// Files larger than this are refused before any work is done on them.
    public static let defaultMaximumBytes = 16 << 20

    public static func decode(
        _ bytes: [UInt8], maximumBytes: Int = defaultMaximumBytes
    ) throws(ArticleTextError) -> (text: String, encoding: SourceEncoding) {
        guard bytes.count <= maximumBytes else {
            throw .tooLarge(reason: "\(bytes.count) bytes exceeds the limit of \(maximumBytes)")
        }
        if bytes.count >= 2 {
            if bytes[0] == 0xFF, bytes[1] == 0xFE {
                return (try decodeUTF16(bytes, bigEndian: false), .utf16LittleEndian)
            }
            if bytes[0] == 0xFE, bytes[1] == 0xFF {
                return (try decodeUTF16(bytes, bigEndian: true), .utf16BigEndian)
            }
        }
        var body = bytes[...]
        var encoding = SourceEncoding.utf8
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            body = bytes[3...]
            encoding = .utf8WithBOM
        }
        let nulls = try rejectBinary(body)
        if nulls > 0 { body = body.filter { $0 != 0 }[...] }
        if let text = String(validating: body, as: UTF8.self) {
            return (text, encoding)
        }
        if let label = LegacyCharset.declared(in: body), !LegacyCharset.isWindows1252(label),
           let text = LegacyCharset.decode(body, from: label) {
            return (text, .legacyCharset)
        }
        // UTF-8 with a stray broken byte (a page cut and pasted together) stays UTF-8, the
        // broken bytes replaced; Windows-1252 text has few or no valid multi-byte sequences.
        let (valid, invalid) = UTF8Bytes.sequenceCounts(body)
        if valid >= 4 * invalid { return (String(decoding: body, as: UTF8.self), encoding) }
        return (Windows1252.decode(body), .windows1252)
    }

    /// NUL bytes hardly occur in text files (a saved page may carry a stray one, which is
    /// dropped: at most one per 4 KiB); other C0 controls (bar tab, newlines, form feed, and
    /// the escape that some terminals leave in logs) are rare, so a high share means binary.
    /// Returns how many NUL bytes there are.
    @discardableResult
    static func rejectBinary(_ bytes: ArraySlice<UInt8>) throws(ArticleTextError) -> Int {
        var controls = 0
        var nulls = 0
        for byte in bytes.withUnsafeBufferPointer(controlBytes) {
            switch byte {
            case 0x00:
                nulls += 1
                if nulls > bytes.count / 4096 { throw .notText(reason: "contains NUL bytes") }
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1B:
                continue
            default:
                controls += 1
            }
        }
        if controls > 8, controls * 100 > bytes.count {
            throw .notText(reason: "\(controls) control bytes in \(bytes.count) bytes")
        }
        return nulls
    }

    /// The bytes below 0x20 and the 0x7F bytes, found eight at a time: a word of text has
    /// none, and is skipped with two bit tests.
    static func controlBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var found = [UInt8]()
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let below = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let isDelete = (delete &- 0x0101_0101_0101_0101) & ~delete & 0x8080_8080_8080_8080
                if below | isDelete != 0 {
                    for offset in 0..<8 where bytes[index + offset] < 0x20 || bytes[index + offset] == 0x7F {
                        found.append(bytes[index + offset])
                    }
                }
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] < 0x20 || bytes[index] == 0x7F { found.append(bytes[index]) }
            index += 1
        }
        return found
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) throws(ArticleTextError) -> String {
        guard bytes.count % 2 == 0 else {
            throw .notText(reason: "UTF-16 input with an odd number of bytes")
        }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
        var controls = 0
        while index + 1 < bytes.count {
            let unit = bigEndian
                ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
            if unit == 0 { throw .notText(reason: "contains NUL characters") }
            if unit < 0x20, unit != 0x09, unit != 0x0A, unit != 0x0C, unit != 0x0D { controls += 1 }
            units.append(unit)
            index += 2
        }
        if controls > 8, controls * 100 > units.count {
            throw .notText(reason: "\(controls) control characters in \(units.count)")
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .notText(reason: "invalid UTF-16 (unpaired surrogate)")
        }
        return text
    }
}
