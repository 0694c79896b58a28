/// The exact set of one text's shingle hashes, for confirming a copy verdict: an
/// open-addressing table of 64-bit hashes with linear probing, kept at most half full.
///
/// Built only for the articles a verdict is about (the new one and its few candidates),
/// never kept: the index holds signatures, and a candidate's set is made again from its
/// stored text when it is needed. A text of ~800 shingles fills a 2,048-slot table (16 KiB),
/// built in a few microseconds with no allocation per shingle.
public struct ShingleSet: Sendable {
    /// Zero marks an empty slot; a shingle that hashes to zero is stored as one (a collision
    /// of one 64-bit value in 2⁶⁴, which the exact counts can afford).
    private var slots: [UInt64]
    private var mask: Int
    public private(set) var count = 0

    /// An empty set sized for about `expected` shingles.
    public init(expected: Int = 256) {
        let size = max(16, 1 << (Int.bitWidth - (max(8, expected) * 2 - 1).leadingZeroBitCount))
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Adds a shingle; false when it was there already.
    @discardableResult
    public mutating func insert(_ shingle: UInt64) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        let value = shingle == 0 ? 1 : shingle
        let inserted = slots.withUnsafeMutableBufferPointer { buffer -> Bool in
            var slot = Self.home(value, mask)
            while true {
                let held = buffer[slot]
                if held == value { return false }
                if held == 0 {
                    buffer[slot] = value
                    return true
                }
                slot = (slot &+ 1) & mask
            }
        }
        if inserted { count += 1 }
        return inserted
    }

    public func contains(_ shingle: UInt64) -> Bool {
        let value = shingle == 0 ? 1 : shingle
        return slots.withUnsafeBufferPointer { buffer in
            var slot = Self.home(value, mask)
            while true {
                let held = buffer[slot]
                if held == value { return true }
                if held == 0 { return false }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Calls `body` with each shingle held (one that hashed to zero comes out as one).
    func forEach(_ body: (UInt64) -> Void) {
        for value in slots where value != 0 { body(value) }
    }

    /// Shingle hashes are avalanched already: their top bits are a fair home.
    @inline(__always)
    private static func home(_ value: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: value >> 32) & mask
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for value in old where value != 0 { insert(value) }
    }
}

/// Feeds a scanner's shingles into a set.
struct ShingleCollector: ShingleSink {
    var set: ShingleSet

    mutating func add(_ shingle: UInt64) { set.insert(shingle) }
}

/// Counts how many distinct shingles of one text lie in another's set, collecting the
/// text's own set on the way so that repeats count once.
struct SharedShingleCounter: ShingleSink {
    let other: ShingleSet
    var own: ShingleSet
    var shared = 0

    mutating func add(_ shingle: UInt64) {
        if own.insert(shingle), other.contains(shingle) { shared += 1 }
    }
}
