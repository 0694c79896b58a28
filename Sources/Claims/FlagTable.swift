/// The lexicon flags of every word, in an open-addressing table keyed by FNV-1a: the
/// tokenizer hashes each word while lowercasing it, so a lookup is one probe and one
/// compare instead of a seeded SipHash over the string again.
struct FlagTable: Sendable {
    static let basis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    private let keys: [Lower?]
    private let values: [WordFlags]
    private let mask: Int

    init(_ table: [String: WordFlags]) {
        var capacity = 16
        while capacity < table.count * 4 { capacity *= 2 }
        var keys = [Lower?](repeating: nil, count: capacity)
        var values = [WordFlags](repeating: [], count: capacity)
        // Sorted, so that the layout does not depend on the dictionary's seeded order.
        for (key, value) in table.sorted(by: { $0.key < $1.key }) {
            var slot = Int(truncatingIfNeeded: Self.hash(key)) & (capacity - 1)
            while keys[slot] != nil { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = Lower(key)
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
    }

    static func hash(_ word: String) -> UInt64 {
        var hash = basis
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// The flags of `word`, whose `hash(word)` is `hash`.
    func flags(of word: Lower, hash: UInt64) -> WordFlags {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while let key = keys[slot] {
            if key == word { return values[slot] }
            slot = (slot + 1) & mask
        }
        return []
    }
}
