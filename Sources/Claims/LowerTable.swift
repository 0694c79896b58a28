/// A read-only map from lowercase words to values, in an open-addressing table keyed by a
/// hash of the word's inline form (`Lower`): two multiplies over the two packed words. The
/// lexicons are asked about nearly every token, and a `Dictionary<String, …>` would first
/// need the word as a `String` and then a seeded SipHash over it.
///
/// Most words of a sentence are in no lexicon, and their hashes land on random slots: a
/// probe of the slots would miss the first-level cache for nearly every such word. So a
/// one-bit-per-hash filter (eight bits for each slot, four kilobytes for the word flags)
/// answers first, and turns away all but a few percent of those words; only the rest probe
/// `hashes`, eight bytes a slot, and compare keys on a hash match.
struct LowerTable<Value: Sendable>: Sendable {
    /// The full hash of the word in each slot, 0 for an empty slot (a real 0 is stored as 1).
    private let hashes: [UInt64]
    private let keys: [Lower]
    private let values: [Value?]
    private let mask: Int
    /// Bit `hash >> filterShift` is set for the hash of every key.
    private let filter: [UInt64]
    private let filterShift: UInt64

    init(_ table: [String: Value]) {
        var capacity = 16
        while capacity < table.count * 2 { capacity *= 2 }
        var hashes = [UInt64](repeating: 0, count: capacity)
        var keys = [Lower](repeating: Lower(), count: capacity)
        var values = [Value?](repeating: nil, count: capacity)
        // Eight filter bits a slot: 2^(log2(capacity) + 3) bits in all.
        let filterBits = capacity.trailingZeroBitCount + 3
        let filterShift = UInt64(64 - filterBits)
        var filter = [UInt64](repeating: 0, count: (1 << filterBits) / 64)
        // Sorted, so that the layout does not depend on the dictionary's seeded order.
        for (key, value) in table.sorted(by: { $0.key < $1.key }) {
            let word = Lower(key)
            let hash = Self.stored(Self.hash(word))
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while hashes[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            hashes[slot] = hash
            let bit = Int(truncatingIfNeeded: hash >> filterShift)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            keys[slot] = word
            values[slot] = value
        }
        self.hashes = hashes
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
        self.filter = filter
        self.filterShift = filterShift
    }

    /// Mixes both packed words and the length; any form longer than `Lower.capacity` shares
    /// its first bytes with others, which the key comparison tells apart.
    @inline(__always)
    static func hash(_ word: Lower) -> UInt64 {
        var hash = (word.head ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash ^= (word.tail &+ UInt64(word.count)) &* 0x94D0_49BB_1331_11EB
        return hash ^ hash >> 29
    }

    private static func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    @inline(__always)
    subscript(_ word: Lower) -> Value? {
        let wanted = Self.stored(Self.hash(word))
        let bit = Int(truncatingIfNeeded: wanted >> filterShift)
        guard filter.withUnsafeBufferPointer({ $0[bit >> 6] }) & 1 << UInt64(bit & 63) != 0 else { return nil }
        var slot = Int(truncatingIfNeeded: wanted) & mask
        return hashes.withUnsafeBufferPointer { hashes in
            while true {
                let found = hashes[slot]
                if found == 0 { return nil }
                if found == wanted, keys[slot] == word { return values[slot] }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The value of a word held as text (a part of a hyphenated word, a suffix).
    subscript(_ word: some StringProtocol) -> Value? {
        var copy = String(word)
        return copy.withUTF8 { self[Lower(bytes: $0)] }
    }
}
