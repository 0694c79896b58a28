/// A token's lowercase form held inline: up to 16 UTF-8 bytes in two words, with the full
/// byte count. Tokens stay plain values (no reference counting, no heap), and comparing a
/// token with a word is two integer compares instead of a string comparison.
///
/// A form longer than 16 bytes keeps only its first 16; its `count` still says how long it
/// is, so it equals no lexicon word (none is that long). Code that needs such a form whole
/// reads it from the text (`ScalarText.lowercased`).
struct Lower: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    static let capacity = 16

    /// Bytes 0–7 and 8–15, little-endian, zero past the end.
    private(set) var head: UInt64 = 0
    private(set) var tail: UInt64 = 0
    /// The form's length in UTF-8 bytes, which may exceed `capacity`.
    private(set) var count: Int = 0

    init() {}

    /// Inlined so that a comparison with a literal folds to constants.
    @inline(__always)
    init(stringLiteral value: StaticString) {
        let start = value.utf8Start
        let count = value.utf8CodeUnitCount
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var index = 0
        while index < count, index < 8 { head |= UInt64(start[index]) << (8 * UInt64(index)); index += 1 }
        while index < count, index < Self.capacity { tail |= UInt64(start[index]) << (8 * UInt64(index - 8)); index += 1 }
        self.head = head
        self.tail = tail
        self.count = count
    }

    init(_ string: String) {
        var string = string
        self = string.withUTF8 { Lower(bytes: $0) }
    }

    /// A form already packed: bytes 0–7 in `head`, 8–15 in `tail`, zero past the end.
    init(head: UInt64, tail: UInt64, count: Int) {
        self.head = head
        self.tail = tail
        self.count = count
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        for index in 0..<min(bytes.count, Self.capacity) { append(bytes[index], at: index) }
        count = bytes.count
    }

    /// Sets byte `index` (below `capacity`); the tokenizer fills a form byte by byte.
    mutating func append(_ byte: UInt8, at index: Int) {
        if index < 8 {
            head |= UInt64(byte) << (8 * UInt64(index))
        } else if index < Self.capacity {
            tail |= UInt64(byte) << (8 * UInt64(index - 8))
        }
        count = index + 1
    }

    var isLong: Bool { count > Self.capacity }

    /// Byte `index`, below `min(count, capacity)`.
    func byte(_ index: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: index < 8 ? head >> (8 * UInt64(index)) : tail >> (8 * UInt64(index - 8)))
    }

    /// The bytes held, as a string: the whole form unless `isLong`.
    var string: String {
        let stored = min(count, Self.capacity)
        return String(unsafeUninitializedCapacity: stored) { buffer in
            for index in 0..<stored { buffer[index] = byte(index) }
            return stored
        }
    }

    var description: String { string }

    func contains(_ byte: UInt8) -> Bool {
        for index in 0..<min(count, Self.capacity) where self.byte(index) == byte { return true }
        return false
    }
}
