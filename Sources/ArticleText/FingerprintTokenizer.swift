/// The normalization fingerprints use: case-folded word tokens with punctuation stripped and
/// apostrophes deleted ("Russia’s" → "russias"), so that quote style, dashes, spacing and
/// paragraph layout do not change a copy's fingerprint.
public enum FingerprintTokenizer {
    /// Calls `body` with each token's UTF-8 bytes (valid only during the call).
    public static func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var token = [UInt8]()
            token.reserveCapacity(64)
            func flush() {
                guard !token.isEmpty else { return }
                token.withUnsafeBufferPointer(body)
                token.removeAll(keepingCapacity: true)
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if UTF8Bytes.isASCIILetter(byte) || UTF8Bytes.isASCIIDigit(byte) {
                        token.append(UTF8Bytes.lowerASCII(byte))
                    } else if byte != UInt8(ascii: "'") {
                        flush()
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
                index += length
                switch scalar {
                case "\u{2019}", "\u{2018}", "\u{02BC}":
                    continue  // apostrophes join
                default:
                    break
                }
                let properties = scalar.properties
                if properties.isAlphabetic || properties.numericType != nil {
                    if properties.changesWhenLowercased {
                        token.append(contentsOf: properties.lowercaseMapping.utf8)
                    } else {
                        token.append(contentsOf: String(scalar).utf8)
                    }
                } else {
                    flush()
                }
            }
            flush()
        }
    }

    /// The tokens as strings, for tests and tools; fingerprints use `forEachToken`.
    public static func tokens(in text: String) -> [String] {
        var tokens = [String]()
        forEachToken(in: text) { tokens.append(String(decoding: $0, as: UTF8.self)) }
        return tokens
    }
}
