/// A compact multimap from 32-bit band keys to article ordinals: one flat array of 64-bit
/// slots (key in the high half, ordinal in the low half), open addressing with linear
/// probing. Eight bytes per posting plus slack, and no per-article objects.
///
/// Capacity is any size (the slot is chosen by multiply-shift, not a mask), grows by 30%
/// at 80% load, so the load stays between ~61% and 80%: 10–13 bytes per posting.
struct BandTable: Sendable {
    static let emptySlot = UInt64.max
    static let maximumLoad = 0.8
    static let growth = 1.3

    private(set) var slots: [UInt64]
    private(set) var count = 0

    init(capacity: Int = 1024) {
        slots = [UInt64](repeating: BandTable.emptySlot, count: max(16, capacity))
    }

    var memoryBytes: Int { slots.capacity * MemoryLayout<UInt64>.stride }

    @inline(__always)
    private func home(_ key: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* UInt64(slots.count)) >> 32)
    }

    mutating func insert(key: UInt32, ordinal: UInt32) {
        if Double(count + 1) > Double(slots.count) * BandTable.maximumLoad {
            rehash(capacity: Int(Double(slots.count) * BandTable.growth) + 1)
        }
        let entry = UInt64(key) << 32 | UInt64(ordinal)
        // An all-ones entry would read as empty; ordinal 2³²−1 is never handed out.
        var slot = home(key)
        slots.withUnsafeMutableBufferPointer { buffer in
            while buffer[slot] != BandTable.emptySlot {
                slot += 1
                if slot == buffer.count { slot = 0 }
            }
            buffer[slot] = entry
        }
        count += 1
    }

    /// Calls `body` with every ordinal stored under `key`.
    @inline(__always)
    func forEach(key: UInt32, _ body: (UInt32) -> Void) {
        slots.withUnsafeBufferPointer { buffer in
            var slot = home(key)
            while true {
                let entry = buffer[slot]
                if entry == BandTable.emptySlot { return }
                if UInt32(truncatingIfNeeded: entry >> 32) == key { body(UInt32(truncatingIfNeeded: entry)) }
                slot += 1
                if slot == buffer.count { slot = 0 }
            }
        }
    }

    /// Touches the home slot of every key before any is probed. The loads are independent,
    /// so the processor overlaps their cache misses instead of taking them one at a time:
    /// in a large index this is most of a query's cost.
    @inline(__always)
    func prefetch(_ keys: [UInt32]) -> UInt64 {
        var sink: UInt64 = 0
        slots.withUnsafeBufferPointer { buffer in
            for key in keys { sink ^= buffer[home(key)] }
        }
        return sink
    }

    /// Grows (or presizes) the table to hold `postings` entries below the load limit.
    mutating func reserve(postings: Int) {
        let needed = Int(Double(postings) / BandTable.maximumLoad) + 1
        if needed > slots.count { rehash(capacity: needed) }
    }

    private mutating func rehash(capacity: Int) {
        let old = slots
        slots = [UInt64](repeating: BandTable.emptySlot, count: capacity)
        count = 0
        for entry in old where entry != BandTable.emptySlot {
            insert(key: UInt32(truncatingIfNeeded: entry >> 32), ordinal: UInt32(truncatingIfNeeded: entry))
        }
    }
}
