/// The article text as Unicode scalars, with the UTF-8 offset of every scalar, so that any
/// scalar range becomes a `String` by one copy of bytes instead of scalar-by-scalar appends.
struct ScalarText: Sendable {
    let scalars: [Unicode.Scalar]
    private let utf8: [UInt8]
    /// `byteOffsets[i]` is where scalar `i` starts in `utf8`; one extra entry for the end.
    private let byteOffsets: [Int]

    init(_ text: String) {
        var scalars = [Unicode.Scalar]()
        var offsets = [Int]()
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.utf8 = Array(text.utf8)
        self.byteOffsets = offsets
    }

    var count: Int { scalars.count }

    func string(_ start: Int, _ end: Int) -> String {
        let from = byteOffsets[max(0, min(start, scalars.count))]
        let to = byteOffsets[max(0, min(max(start, end), scalars.count))]
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
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
