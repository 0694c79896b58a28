#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Byte-level helpers shared by the scanners; working on UTF-8 keeps the hot paths free of
/// grapheme breaking and bridging.
package enum UTF8Bytes {
    /// The number of Unicode scalars in a string, counted on its UTF-8 without decoding.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// How many well-formed multi-byte sequences and how many broken bytes `bytes` holds.
    static func sequenceCounts(_ bytes: ArraySlice<UInt8>) -> (valid: Int, invalid: Int) {
        var valid = 0
        var invalid = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            guard lead >= 0x80 else { index += 1; continue }
            let length = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            if length > 0, index + length <= bytes.endIndex,
               bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                valid += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return (valid, invalid)
    }

    /// The first `byte` at or after `start`, found with memchr.
    @inline(__always)
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always)
    static func isASCIIDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func lowerASCII(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// Decodes the scalar starting at `index` (the bytes are valid UTF-8) and its length.
    package static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var value: UInt32
        var length: Int
        if lead >= 0xF0 { value = UInt32(lead & 0x07); length = 4 }
        else if lead >= 0xE0 { value = UInt32(lead & 0x0F); length = 3 }
        else { value = UInt32(lead & 0x1F); length = 2 }
        let end = min(index + length, bytes.count)
        var position = index + 1
        while position < end {
            value = value << 6 | UInt32(bytes[position] & 0x3F)
            position += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", max(1, end - index))
    }

    /// Whether the scalar at `index` is whitespace to collapse, and its byte length.
    /// Covers ASCII space and controls, NBSP, the U+2000 block spaces, and ideographic space.
    @inline(__always)
    static func spaceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte <= 0x20 || byte == 0x7F { return 1 }
        if byte == 0xC2, index + 1 < bytes.count {
            let next = bytes[index + 1]
            return next == 0xA0 || next == 0x85 || (next >= 0x80 && next < 0xA0) ? 2 : 0
        }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
            let last = bytes[index + 2]
            if last <= 0x8A || last == 0xA8 || last == 0xA9 || last == 0xAF { return 3 }
        }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x81, bytes[index + 2] == 0x9F {
            return 3
        }
        if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
            return 3
        }
        return 0
    }

    /// Invisible characters that only get in the way of matching: zero-width space/joiners,
    /// word joiner, BOM, soft hyphen. Returns their byte length, or 0.
    @inline(__always)
    static func invisibleLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xAD { return 2 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
            let last = bytes[index + 2]
            if last >= 0x8B && last <= 0x8D { return 3 }
        }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x81, bytes[index + 2] == 0xA0 {
            return 3
        }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
            return 3
        }
        return 0
    }
}
