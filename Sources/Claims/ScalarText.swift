/// The article text as Unicode scalars, with the UTF-8 offset of every scalar, so that any
/// scalar range becomes a `String` by one copy of bytes instead of scalar-by-scalar appends.
///
/// A class: every finder of every sentence holds the text, and passing one reference costs
/// one retain where a struct of three arrays costs three.
final class ScalarText: Sendable {
    let scalars: [Unicode.Scalar]
    private let utf8: [UInt8]
    /// `byteOffsets[i]` is where scalar `i` starts in `utf8`; one extra entry for the end.
    private let byteOffsets: [Int]

    /// Decodes the UTF-8 bytes directly (a `String` is always valid UTF-8), filling both
    /// arrays in one pass without per-element appends.
    init(_ text: String) {
        let utf8 = Array(text.utf8)
        var offsets = [Int]()
        let scalars = utf8.withUnsafeBufferPointer { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalarBuffer, scalarCount in
                offsets = [Int](unsafeUninitializedCapacity: bytes.count + 1) { offsetBuffer, offsetCount in
                    var index = 0
                    var count = 0
                    while index < bytes.count {
                        // Eight ASCII bytes at once, the common case: no branch per byte.
                        if index + 8 <= bytes.count,
                           UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                            for lane in 0..<8 {
                                offsetBuffer[count + lane] = index + lane
                                scalarBuffer[count + lane] = Unicode.Scalar(bytes[index + lane])
                            }
                            index += 8
                            count += 8
                            continue
                        }
                        let lead = bytes[index]
                        offsetBuffer[count] = index
                        if lead < 0x80 {
                            scalarBuffer[count] = Unicode.Scalar(lead)
                            index += 1
                        } else {
                            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                            var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                            var next = index + 1
                            while next < index + width, next < bytes.count {
                                value = value << 6 | UInt32(bytes[next] & 0x3F)
                                next += 1
                            }
                            scalarBuffer[count] = Unicode.Scalar(value) ?? "\u{FFFD}"
                            index = next
                        }
                        count += 1
                    }
                    offsetBuffer[count] = bytes.count
                    offsetCount = count + 1
                    scalarCount = count
                }
            }
        }
        self.scalars = scalars
        self.utf8 = utf8
        self.byteOffsets = offsets
    }

    var count: Int { scalars.count }

    func string(_ start: Int, _ end: Int) -> String {
        let from = byteOffsets[max(0, min(start, scalars.count))]
        let to = byteOffsets[max(0, min(max(start, end), scalars.count))]
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
    }

    /// A token's lowercase form with what lookups need of its bytes, read in the same pass.
    struct Lowered {
        var lower: Lower
        var endings: Endings
    }

    /// The three arrays at once, for a loop that reads them per token without a retain or
    /// a bounds check each time.
    func withBuffers<Result>(
        _ body: (UnsafeBufferPointer<Unicode.Scalar>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) -> Result
    ) -> Result {
        scalars.withUnsafeBufferPointer { scalars in
            utf8.withUnsafeBufferPointer { bytes in
                byteOffsets.withUnsafeBufferPointer { offsets in body(scalars, bytes, offsets) }
            }
        }
    }

    /// The lowercase form of `bytes[from..<to]` when they are all ASCII, nil otherwise.
    /// Three loops (the inline head, the inline tail, the rest) instead of a branch on the
    /// position for every byte.
    @inline(__always)
    static func asciiLowered(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Lowered? {
        var tail: UInt32 = 0
        var hyphen = false
        var words: (UInt64, UInt64) = (0, 0)
        var index = from
        @inline(__always) func fold(_ raw: UInt8) -> UInt8 {
            let byte = raw &- 65 < 26 ? raw | 0x20 : raw
            tail = tail << 8 | UInt32(byte)
            hyphen = hyphen || byte == 0x2D
            return byte
        }
        let headEnd = min(to, from + 8)
        while index < headEnd {
            let raw = bytes[index]
            if raw >= 0x80 { return nil }
            words.0 |= UInt64(fold(raw)) << (8 * UInt64(index - from))
            index += 1
        }
        let tailEnd = min(to, from + Lower.capacity)
        while index < tailEnd {
            let raw = bytes[index]
            if raw >= 0x80 { return nil }
            words.1 |= UInt64(fold(raw)) << (8 * UInt64(index - from - 8))
            index += 1
        }
        while index < to {
            let raw = bytes[index]
            if raw >= 0x80 { return nil }
            _ = fold(raw)
            index += 1
        }
        return Lowered(
            lower: Lower(head: words.0, tail: words.1, count: to - from),
            endings: Endings(tail: tail, count: to - from, hyphen: hyphen)
        )
    }

    /// The lowercase form of a token `asciiLowered` turned down: curly quotes, dashes,
    /// currency signs and letters beyond ASCII.
    func loweredBeyondASCII(_ start: Int, _ end: Int) -> Lowered {
        // Curly quotes, dashes and currency signs: their own lowercase, no endings.
        if end - start == 1, Self.isCaseless(scalars[start]) {
            if scalars[start] == "\u{2019}" || scalars[start] == "\u{2018}" { return Lowered(lower: "'", endings: []) }
            // The scalar's own bytes: no string is made for a mark that comes this often.
            let lower = utf8.withUnsafeBufferPointer { Lower(bytes: UnsafeBufferPointer(rebasing: $0[byteOffsets[start]..<byteOffsets[end]])) }
            return Lowered(lower: lower, endings: [])
        }
        let lower = lowercased(start, end)
        return Lowered(lower: Lower(lower), endings: Endings(of: lower))
    }

    /// Non-ASCII punctuation common in news text, whose lowercase mapping is itself; a
    /// switch, since every curly quote asks.
    static func isCaseless(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2026}",
             "\u{00AB}", "\u{00BB}", "\u{20AC}", "\u{00A3}", "\u{00A9}", "\u{00A0}", "\u{00B7}", "\u{20BD}":
            return true
        default:
            return false
        }
    }

    /// A token's whole lowercase form as a string, read from the text when it is too long to
    /// be held inline.
    func lower(of token: Token) -> String {
        token.lower.isLong ? lowercased(token.start, token.end) : token.lower.string
    }

    /// The lowercase form used for lexicon lookups: ASCII folded byte by byte, curly
    /// apostrophes made straight; other scalars through their Unicode lowercase mapping.
    func lowercased(_ start: Int, _ end: Int) -> String {
        let from = byteOffsets[start]
        let to = byteOffsets[end]
        var ascii = true
        for index in from..<to where utf8[index] >= 0x80 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: to - from) { buffer in
                for index in from..<to {
                    let byte = utf8[index]
                    buffer[index - from] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                }
                return to - from
            }
        }
        var lower = String.UnicodeScalarView()
        for position in start..<end {
            let scalar = scalars[position]
            if scalar == "\u{2019}" || scalar == "\u{2018}" {
                lower.append("'")
            } else if scalar.isASCII {
                let value = scalar.value
                lower.append(value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            } else {
                lower.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(lower)
    }
}
