/// The normalization fingerprints use: case-folded word tokens with punctuation stripped and
/// apostrophes deleted ("Russia’s" → "russias"), so that quote style, dashes, spacing and
/// paragraph layout do not change a copy's fingerprint.
public enum FingerprintTokenizer {
    /// Calls `body` with each token's UTF-8 bytes (valid only during the call). The buffer
    /// handed out always has at least 8 readable bytes past the token's end, so callers may
    /// load whole words.
    public static func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            // Lowercasing can lengthen a scalar's UTF-8 (at most threefold), plus load padding.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 3 + 16) { scratch in
                scratch.initialize(repeating: 0)
                tokenize(bytes, scratch, body)
            }
        }
    }

    private static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ scratch: UnsafeMutableBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var written = 0
        var tokenStart = 0
        @inline(__always) func flush() {
            guard written > tokenStart else { return }
            body(UnsafeBufferPointer(rebasing: scratch[tokenStart..<written]))
            tokenStart = written
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if UTF8Bytes.isASCIILetter(byte) || UTF8Bytes.isASCIIDigit(byte) {
                    scratch[written] = byte | (UTF8Bytes.isASCIILetter(byte) ? 0x20 : 0)
                    written += 1
                } else if byte != UInt8(ascii: "'") {
                    flush()
                }
                index += 1
                continue
            }
            let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
            index += length
            if scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}" { continue }  // apostrophes join
            let properties = scalar.properties
            guard properties.isAlphabetic || properties.numericType != nil else {
                flush()
                continue
            }
            let lowered = properties.changesWhenLowercased ? properties.lowercaseMapping : String(scalar)
            for unit in lowered.utf8 where written < scratch.count - 16 {
                scratch[written] = unit
                written += 1
            }
        }
        flush()
    }

    /// The tokens as strings, for tests and tools; fingerprints use `forEachToken`.
    public static func tokens(in text: String) -> [String] {
        var tokens = [String]()
        forEachToken(in: text) { tokens.append(String(decoding: $0, as: UTF8.self)) }
        return tokens
    }
}
