import Foundation

/// The normalization of stored text: one paragraph at a time, whitespace runs become one
/// space, invisible characters go, the result is NFC. Quotes and dashes stay as written:
/// the claims stage needs to see which quote marks an article used.
public enum TextNormalizer {
    /// Collapses whitespace and drops invisible characters in one paragraph of text.
    public static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapse($0) }
    }

    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        var onlyLowScalars = true
        while index < bytes.count {
            let space = UTF8Bytes.spaceLength(in: bytes, at: index)
            if space > 0 {
                pendingSpace = !output.isEmpty
                index += space
                continue
            }
            let invisible = UTF8Bytes.invisibleLength(in: bytes, at: index)
            if invisible > 0 {
                index += invisible
                continue
            }
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            let byte = bytes[index]
            // Scalars below U+0300 are all NFC-stable; lead bytes from 0xCC up start higher ones.
            if byte >= 0xCC { onlyLowScalars = false }
            output.append(byte)
            index += 1
        }
        let collapsed = String(decoding: output, as: UTF8.self)
        return onlyLowScalars || isKnownNFC(collapsed) ? collapsed : nfc(collapsed)
    }

    /// True when every scalar lies in ranges where no scalar decomposes or composes, so the
    /// text is already NFC. News text (curly quotes, dashes, currency, Cyrillic, CJK) stays on
    /// this fast path; anything else, combining marks included, goes to the full algorithm.
    static func isKnownNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0..<0x300: continue
            case 0x374, 0x37E, 0x387, 0x483...0x489: return false
            case 0x370..<0x530: continue
            case 0x2002...0x206F, 0x20A0...0x20BF: continue
            case 0x2126, 0x212A, 0x212B, 0x2329, 0x232A: return false
            case 0x2100...0x2328, 0x232B...0x27FF: continue
            case 0x3000...0x303F, 0x4E00...0x9FFF, 0x1F000...0x1FAFF: continue
            default: return false
            }
        }
        return true
    }

    /// NFC through Foundation, reached only for text with scalars at or above U+0300.
    static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}
