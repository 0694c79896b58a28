/// Counts hashes in an open-addressing table, grown as it fills, with the order each was
/// first added in: the keyword count runs for every article, and a dictionary's hashing of
/// keys that are already hashes costs more than the rest of the features.
struct HashCounter: Sendable {
    private var keys: [UInt64]
    private var counts: [Int32]
    private var firsts: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// `capacity` is how many distinct hashes are expected; more only cost a regrowth.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        counts = [Int32](repeating: 0, count: size)
        firsts = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// Adds one use of `hash` (0 stands for an empty slot, so it is counted as 1).
    mutating func add(_ hash: UInt64) {
        let key = hash == 0 ? 1 : hash
        var slot = Self.start(key, mask)
        while true {
            if keys[slot] == key {
                counts[slot] += 1
                return
            }
            if keys[slot] == 0 {
                keys[slot] = key
                counts[slot] = 1
                firsts[slot] = Int32(truncatingIfNeeded: count)
                count += 1
                if count * 2 > keys.count { grow() }
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// Empties the table, keeping its size.
    mutating func removeAll() {
        guard count > 0 else { return }
        for slot in keys.indices { keys[slot] = 0 }
        count = 0
    }

    func contains(_ hash: UInt64) -> Bool {
        let key = hash == 0 ? 1 : hash
        var slot = Self.start(key, mask)
        while true {
            if keys[slot] == key { return true }
            if keys[slot] == 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    /// Each hash with its count and its place among the distinct hashes in order of arrival.
    func forEach(_ body: (UInt64, Int, Int) -> Void) {
        for slot in keys.indices where keys[slot] != 0 { body(keys[slot], Int(counts[slot]), Int(firsts[slot])) }
    }

    private mutating func grow() {
        let oldKeys = keys, oldCounts = counts, oldFirsts = firsts
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        counts = [Int32](repeating: 0, count: oldKeys.count * 2)
        firsts = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for slot in oldKeys.indices where oldKeys[slot] != 0 {
            var place = Self.start(oldKeys[slot], mask)
            while keys[place] != 0 { place = (place + 1) & mask }
            keys[place] = oldKeys[slot]
            counts[place] = oldCounts[slot]
            firsts[place] = oldFirsts[slot]
        }
    }

    @inline(__always)
    private static func start(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
    }
}
