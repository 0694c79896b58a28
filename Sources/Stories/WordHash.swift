/// A word's identity as the story features keep it: a 64-bit hash of its lowercase UTF-8
/// bytes. Features hold hashes, not strings, so an article's words are counted and compared
/// without making a string per word; two words of news text sharing a 64-bit hash is too
/// rare to move a grouping.
///
/// Bytes are gathered eight at a time into one integer and mixed once per eight (a
/// multiply and two shifts), not once per byte: the scan of every article's words runs
/// through here.
struct WordHash: Sendable {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var pending: UInt64 = 0
    private var filled: UInt64 = 0
    private var length: UInt64 = 0

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        pending |= UInt64(byte) << (filled << 3)
        filled += 1
        if filled == 8 {
            state = Self.mix(state ^ pending)
            pending = 0
            filled = 0
            length += 8
        }
    }

    /// Adds a scalar's lowercase form, as UTF-8.
    mutating func add(lowercaseOf scalar: Unicode.Scalar) {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            add(byte &- 0x41 < 26 ? byte | 0x20 : byte)
            return
        }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            guard let encoded = UTF8.encode(lower) else { continue }
            for byte in encoded { add(byte) }
        }
    }

    /// The hash of the bytes added so far.
    var value: UInt64 {
        Self.mix(state ^ pending ^ ((length + filled) &* 0xFF51_AFD7_ED55_8CCD))
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var mixed = (value ^ (value >> 31)) &* 0x7FB5_D329_728E_A185
        mixed ^= mixed >> 27
        mixed = mixed &* 0x81DA_DEF4_BC2D_D44D
        return mixed ^ (mixed >> 33)
    }

    /// The hash of a word as written in the lexicons (already lowercase).
    static func of(_ word: Substring) -> UInt64 {
        var hash = WordHash()
        for scalar in word.unicodeScalars { hash.add(lowercaseOf: scalar) }
        return hash.value
    }
}
