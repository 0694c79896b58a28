/// A word scanned and folded to lowercase in one pass over its scalars, for the common word
/// that is all ASCII but for a curly apostrophe ("Kyiv’s"). The tokenizer's general path
/// scans a word and then reads its bytes again to fold them; most tokens are such words.
///
/// The scan follows `Tokenizer.wordEnd` exactly. Where that needs a Unicode property (a
/// letter, mark or joiner beyond ASCII inside the word), `scan` gives up and returns -1, and
/// the caller takes the general path; a scalar beyond ASCII that cannot continue a word
/// (a closing quotation mark, a dash) simply ends it.
struct AsciiWord {
    private var head: UInt64 = 0
    private var tail: UInt64 = 0
    /// The last four bytes, big-endian, for `Endings`.
    private var last: UInt32 = 0
    private var hyphen = false
    private var count = 0

    /// The word holds a hyphen; valid after `scan` returned an end.
    var hasHyphen: Bool { hyphen }

    /// The folded form; valid after `scan` returned an end.
    var lowered: ScalarText.Lowered {
        ScalarText.Lowered(
            lower: Lower(head: head, tail: tail, count: count),
            endings: Endings(tail: last, count: count, hyphen: hyphen)
        )
    }

    @inline(__always)
    private mutating func fold(_ value: UInt32) {
        let byte = value &- 65 < 26 ? UInt64(value | 0x20) : UInt64(value)
        if count < 8 {
            head |= byte << (8 * UInt64(count))
        } else if count < Lower.capacity {
            tail |= byte << (8 * UInt64(count - 8))
        }
        last = last << 8 | UInt32(byte)
        hyphen = hyphen || byte == 0x2D
        count += 1
    }

    @inline(__always)
    private static func isAlphanumeric(_ value: UInt32) -> Bool {
        (value | 0x20) &- 97 < 26 || value &- 48 < 10
    }

    /// Whether a scalar beyond ASCII is General Punctuation that neither continues a word
    /// nor joins one: it ends the word, as it does in `wordEnd`.
    @inline(__always)
    private static func endsWord(_ value: UInt32) -> Bool {
        value &- 0x2000 < 0x70 && value != 0x2019 && value != 0x2011
    }

    /// Scans the word that starts with the ASCII letter at `start`, whose UTF-8 bytes start
    /// at `bytes[byte]`; returns its end, or -1 when the general path must decide.
    @inline(__always)
    mutating func scan(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>, byte: Int, from start: Int, to end: Int
    ) -> Int {
        var index: Int
        let run = foldRun(bytes, at: byte, limit: end - start)
        if run > 0 {
            index = start + run
        } else {
            fold(scalars[start].value)
            index = start + 1
        }
        var dotted = false
        while index < end {
            let value = scalars[index].value
            if Self.isAlphanumeric(value) {
                fold(value)
                index += 1
                continue
            }
            if value >= 0x80, !Self.endsWord(value), value != 0x2019 { return -1 }
            // An apostrophe (straight or curly), hyphen or dot joins when a letter or digit follows.
            let joins = value == 0x27 || value == 0x2019 || value == 0x2D || value == 0x2E
            guard joins, index + 1 < end else { break }
            let next = scalars[index + 1].value
            if next >= 0x80 {
                if Self.endsWord(next) { break }
                return -1
            }
            guard Self.isAlphanumeric(next) else { break }
            if value == 0x2E {
                // Only single letters join by dots: "U.S.", "a.m." but not "end.Next".
                guard index - 2 < start || (scalars[index - 2].value | 0x20) &- 97 >= 26 else { break }
                dotted = true
            }
            fold(value == 0x2019 ? 0x27 : value)
            fold(next)
            index += 2
        }
        if dotted, index < end, scalars[index] == "." {
            fold(0x2E)
            index += 1
        }
        return index
    }

    /// Folds the run of ASCII letters and digits that opens the word, up to 16 bytes, eight
    /// at a time, and returns its length (0 when the bytes past it are too few to load).
    /// Most words are such a run followed by a space: they end here without a branch per
    /// scalar, and the scalar loop only takes what joins or ends the run.
    @inline(__always)
    private mutating func foldRun(_ bytes: UnsafeBufferPointer<UInt8>, at byte: Int, limit: Int) -> Int {
        guard byte + 16 <= bytes.count, let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base + byte)
        let first = Self.alphanumericRun(UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)), limit: limit)
        head = first.folded
        var length = first.length
        if length == 8 {
            let second = Self.alphanumericRun(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)), limit: limit - 8)
            tail = second.folded
            length += second.length
        }
        count = length
        // The last four bytes, big-endian, as `fold` leaves them: the eight bytes ending at
        // the run's end, shifted so that its last byte is the top one.
        let window = length <= 8
            ? head << (8 * UInt64(8 - length))
            : head >> (8 * UInt64(length - 8)) | tail << (8 * UInt64(16 - length))
        last = UInt32(truncatingIfNeeded: window >> 32).byteSwapped
        return length
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// How many of the eight bytes, from the lowest, are ASCII letters or digits (at most
    /// `limit`), and those bytes folded to lowercase with zeros after them. Each byte is
    /// tested in its own lane: adding `0x80 - bound` to a 7-bit byte sets its top bit
    /// exactly when the byte is at least `bound`, and carries into no other lane.
    @inline(__always)
    private static func alphanumericRun(_ word: UInt64, limit: Int) -> (length: Int, folded: UInt64) {
        let ascii = ~word & highBits
        let seven = word & ~highBits
        let caseless = seven | 0x20 * ones
        let letters = (caseless &+ (0x80 - 0x61) * ones) & ~(caseless &+ (0x80 - 0x7B) * ones)
        let digits = (seven &+ (0x80 - 0x30) * ones) & ~(seven &+ (0x80 - 0x3A) * ones)
        let letterBits = letters & ascii & highBits
        let stops = ~((letterBits | digits) & ascii) & highBits
        let length = min(stops.trailingZeroBitCount / 8, max(0, limit))
        let kept = length >= 8 ? UInt64.max : (1 << (8 * UInt64(length))) &- 1
        return (length, (word | letterBits >> 2) & kept)
    }
}
