import CLinuxShims

/// A compact multimap from 32-bit band keys to article ordinals: one flat array of 64-bit
/// slots (key in the high half, ordinal in the low half), open addressing with ordered
/// linear probing. Eight bytes per posting plus slack, and no per-article objects.
///
/// The home slot is chosen by multiply-shift, `key × buckets / 2³²`, which is monotone in
/// the key, and insertion keeps the occupied slots sorted (Amble & Knuth's ordered hash
/// table: a new entry goes before the first larger one and the run shifts right by one).
/// A lookup then stops at the first larger entry instead of at the end of the run: at 80%
/// load it reads about 3 slots rather than the 13 of plain linear probing, so a band's
/// postings nearly always lie in the cache line of its home slot. Runs never wrap around
/// (that would break the order); they spill into slack past the last home slot, and the
/// array always ends in an empty slot that stops every scan.
///
/// Capacity grows by 30% at 80% load, so the load stays between ~61% and 80%: 10–13
/// bytes per posting.
struct BandTable: Sendable {
    static let emptySlot = UInt64.max
    static let maximumLoad = 0.8
    static let growth = 1.3
    /// Slots past the last home slot, for runs that reach the end.
    static let spill = 64

    private(set) var slots: [UInt64]
    /// The number of home slots; `slots` has `spill` or more beyond them.
    private(set) var buckets: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        buckets = max(16, capacity)
        slots = BandTable.emptySlots(buckets + BandTable.spill)
    }

    /// A new array of empty slots, on huge pages where the system offers them.
    static func emptySlots(_ count: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: BandTable.emptySlot)
            initialized = count
        }
    }

    var memoryBytes: Int { slots.capacity * MemoryLayout<UInt64>.stride }

    @inline(__always)
    func home(_ key: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* UInt64(buckets)) >> 32)
    }

    mutating func insert(key: UInt32, ordinal: UInt32) {
        if Double(count + 1) > Double(buckets) * BandTable.maximumLoad {
            rehash(buckets: Int(Double(buckets) * BandTable.growth) + 1)
        }
        // An all-ones entry would read as empty; ordinal 2³²−1 is never handed out.
        let entry = UInt64(key) << 32 | UInt64(ordinal)
        let start = home(key)
        let end = slots.withUnsafeMutableBufferPointer { buffer -> Int in
            // The array ends in an empty slot, and empty sorts last: both scans stop.
            var slot = start
            while buffer[slot] < entry { slot += 1 }
            var end = slot
            while buffer[end] != BandTable.emptySlot { end += 1 }
            var moving = end
            while moving > slot {
                buffer[moving] = buffer[moving - 1]
                moving -= 1
            }
            buffer[slot] = entry
            return end
        }
        count += 1
        // Keep an empty slot at the end, so that scans need no bounds checks.
        if end == slots.count - 1 {
            slots.append(contentsOf: repeatElement(BandTable.emptySlot, count: BandTable.spill))
        }
    }

    /// Calls `body` with every ordinal stored under `key`.
    @inline(__always)
    func forEach(key: UInt32, _ body: (UInt32) -> Void) {
        slots.withUnsafeBufferPointer { buffer in
            Self.forEach(key: key, from: home(key), in: buffer, body)
        }
    }

    /// The lookup over the slots, for callers that hold the buffer for many keys.
    @inline(__always)
    static func forEach(key: UInt32, from home: Int, in slots: UnsafeBufferPointer<UInt64>, _ body: (UInt32) -> Void) {
        let lowest = UInt64(key) << 32
        var slot = home
        while slots[slot] < lowest { slot += 1 }
        while true {
            let entry = slots[slot]
            guard entry >> 32 == UInt64(key), entry != BandTable.emptySlot else { return }
            body(UInt32(truncatingIfNeeded: entry))
            slot += 1
        }
    }

    /// `forEach(key:from:in:_:)` that stops after `limit` ordinals: a caller that gives up on
    /// a key held by more need not read its whole run.
    @inline(__always)
    static func forEach(key: UInt32, from home: Int, in slots: UnsafeBufferPointer<UInt64>, upTo limit: Int, _ body: (UInt32) -> Void) {
        let lowest = UInt64(key) << 32
        var slot = home
        while slots[slot] < lowest { slot += 1 }
        var found = 0
        while found < limit {
            let entry = slots[slot]
            guard entry >> 32 == UInt64(key), entry != BandTable.emptySlot else { return }
            body(UInt32(truncatingIfNeeded: entry))
            found += 1
            slot += 1
        }
    }

    /// Calls `body` with the slots, for a batch of lookups.
    @inline(__always)
    func withSlots<Result>(_ body: (UnsafeBufferPointer<UInt64>) -> Result) -> Result {
        slots.withUnsafeBufferPointer(body)
    }

    /// Asks the processor to fetch the cache line of a home slot. The prefetches of all of a
    /// query's keys are issued before any is probed, so their cache (and TLB) misses overlap
    /// instead of being taken one after another: in a large index that is most of a query's
    /// cost. The next line is fetched too only when the home is one of the last two slots of
    /// its line: a lookup reads 1.1–1.25 lines on average, and a prefetch for every next line
    /// would take miss buffers (a core has about twenty) from the home lines of other bands.
    @inline(__always)
    static func prefetch(_ home: Int, in slots: UnsafeBufferPointer<UInt64>) {
        guard let base = slots.baseAddress else { return }
        let address = base + home
        claimwatch_prefetch(address)
        if UInt(bitPattern: address) & 63 >= 48 { claimwatch_prefetch(base + min(home + 2, slots.count - 1)) }
    }

    /// Grows (or presizes) the table to hold `postings` entries below the load limit.
    mutating func reserve(postings: Int) {
        let needed = Int(Double(postings) / BandTable.maximumLoad) + 1
        if needed > buckets { rehash(buckets: needed) }
    }

    /// Moves every entry into a table of `newBuckets` home slots. The old entries come out
    /// in order, so each goes at its home or just after the previous one, with no shifting.
    private mutating func rehash(buckets newBuckets: Int) {
        let old = slots
        buckets = newBuckets
        slots = BandTable.emptySlots(newBuckets + BandTable.spill)
        var next = 0
        for entry in old where entry != BandTable.emptySlot {
            let slot = max(home(UInt32(truncatingIfNeeded: entry >> 32)), next)
            if slot >= slots.count - 1 {
                slots.append(contentsOf: repeatElement(BandTable.emptySlot, count: BandTable.spill))
            }
            slots[slot] = entry
            next = slot + 1
        }
    }
}
