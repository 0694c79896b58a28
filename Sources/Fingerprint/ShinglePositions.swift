/// Where each distinct shingle of an earlier text first stands, for comparing a new text
/// with it in order: an open-addressing table from shingle hash to position, at most half
/// full, built while the earlier text is scanned.
struct ShinglePositions: ShingleSink {
    private var keys: [UInt64]
    private var positions: [Int32]
    private var mask: Int
    /// Shingles seen, repeats included: the next position.
    private(set) var length = 0
    /// Distinct shingles.
    private(set) var count = 0

    init(expected: Int) {
        let size = max(16, 1 << (Int.bitWidth - (max(8, expected) * 2 - 1).leadingZeroBitCount))
        keys = [UInt64](repeating: 0, count: size)
        positions = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    mutating func add(_ shingle: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        let value = shingle == 0 ? 1 : shingle
        var slot = Int(truncatingIfNeeded: value >> 32) & mask
        while keys[slot] != 0 {
            if keys[slot] == value {
                length += 1
                return
            }
            slot = (slot &+ 1) & mask
        }
        keys[slot] = value
        positions[slot] = Int32(truncatingIfNeeded: length)
        length += 1
        count += 1
    }

    /// The first position of a shingle, or nil when the text does not hold it.
    func position(of shingle: UInt64) -> Int32? {
        let value = shingle == 0 ? 1 : shingle
        var slot = Int(truncatingIfNeeded: value >> 32) & mask
        while keys[slot] != 0 {
            if keys[slot] == value { return positions[slot] }
            slot = (slot &+ 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys, oldPositions = positions
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        positions = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for index in oldKeys.indices where oldKeys[index] != 0 {
            var slot = Int(truncatingIfNeeded: oldKeys[index] >> 32) & mask
            while keys[slot] != 0 { slot = (slot &+ 1) & mask }
            keys[slot] = oldKeys[index]
            positions[slot] = oldPositions[index]
        }
    }
}

/// A text's shingles in order, with its set of distinct ones.
struct ShingleSequence: ShingleSink {
    var hashes: [UInt64] = []
    var set: ShingleSet

    init(expected: Int) {
        hashes.reserveCapacity(expected)
        set = ShingleSet(expected: expected)
    }

    mutating func add(_ shingle: UInt64) {
        hashes.append(shingle)
        set.insert(shingle)
    }

    /// How many of its shingles an earlier text holds in the same order: the longest
    /// increasing run of their positions there (patience sorting, n log n). A text that
    /// copies another keeps its order; two that hold the same passages in another order
    /// share only the longest of them in order.
    func inOrder(in earlier: ShinglePositions) -> Int {
        var tails: [Int32] = []
        tails.reserveCapacity(64)
        for hash in hashes {
            guard let position = earlier.position(of: hash) else { continue }
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if tails[middle] < position { low = middle + 1 } else { high = middle }
            }
            if low == tails.count { tails.append(position) } else { tails[low] = position }
        }
        return tails.count
    }
}
