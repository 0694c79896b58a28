/// A fixed set of 64-bit hashes in an open-addressing table, for the lexicons: asked once
/// or twice for every word of every article, where `Set`'s hashing of a key that is
/// already a hash would cost more than the question.
struct HashSet64: Sendable {
    private let slots: [UInt64]
    private let mask: Int

    init(_ hashes: some Sequence<UInt64>) {
        let keys = Array(Set(hashes.map { $0 == 0 ? 1 : $0 }))
        var size = 16
        while size < keys.count * 4 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        for key in keys {
            var slot = Self.start(key, size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = key
        }
        self.slots = slots
        mask = size - 1
    }

    @inline(__always)
    private static func start(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
    }

    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        let key = hash == 0 ? 1 : hash
        var slot = Self.start(key, mask)
        while true {
            let stored = slots[slot]
            if stored == key { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}
