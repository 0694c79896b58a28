/// Words with their scalar offsets, for the claims stage: runs of letters and digits that
/// keep inner apostrophes and hyphens ("Russia’s", "state-backed") and inner separators of
/// numbers ("600,000", "3.5").
public enum WordTokenizer {
    public static func tokens(in text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        var tokens = [TextSpan]()
        forEachRange(scalars) { start, end in
            tokens.append(TextSpan(text: String(String.UnicodeScalarView(scalars[start..<end])), start: start, end: end))
        }
        return tokens
    }

    /// The number of words in `text`, as `tokens(in:)` would find them, counted on UTF-8
    /// without building scalars or strings (it runs on every article).
    public static func count(in text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var words = 0
            var index = 0
            var previous: Unicode.Scalar = " "
            var inWord = false
            while index < bytes.count {
                let byte = bytes[index]
                // ASCII letters and digits (nearly every byte of news text) skip decoding.
                if UTF8Bytes.isASCIILetter(byte) || UTF8Bytes.isASCIIDigit(byte) {
                    if !inWord { words += 1 }
                    inWord = true
                    previous = Unicode.Scalar(byte)
                    index += 1
                    continue
                }
                // Other ASCII, bar the four joiners, always ends a word.
                if byte < 0x80, byte != 0x27, byte != 0x2D, byte != 0x2E, byte != 0x2C {
                    inWord = false
                    previous = Unicode.Scalar(byte)
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
                index += length
                if isWordScalar(scalar) {
                    if !inWord { words += 1 }
                    inWord = true
                } else if inWord, index < bytes.count {
                    let (next, _) = UTF8Bytes.scalar(in: bytes, at: index)
                    inWord = joins(scalar, previous, next)
                } else {
                    inWord = false
                }
                previous = scalar
            }
            return words
        }
    }

    static func forEachRange(_ scalars: [Unicode.Scalar], _ body: (Int, Int) -> Void) {
        var index = 0
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            index += 1
            while index < scalars.count {
                if isWordScalar(scalars[index]) { index += 1; continue }
                if index + 1 < scalars.count, joins(scalars[index], scalars[index - 1], scalars[index + 1]) {
                    index += 2
                    continue
                }
                break
            }
            body(start, index)
        }
    }

    @inline(__always)
    package static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func joins(_ joiner: Unicode.Scalar, _ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        switch joiner {
        case "'", "\u{2019}", "-", "\u{2010}", "\u{2011}":
            return isWordScalar(before) && isWordScalar(after)
        case ".", ",":
            return before.properties.numericType != nil && after.properties.numericType != nil
        default:
            return false
        }
    }
}
