/// Stable sorting of positions by 64-bit keys, by radix (a byte at a time, least
/// significant first): the order a topic's figures are grouped and compared in.
///
/// A large topic is sorted by its figures' lows and highs for every view; a comparison
/// sort of (value, position) pairs cost more there than reading the rows. Radix passes
/// over bytes that all keys share (most of a double's, in one topic) are skipped.
public enum StableOrder {
    /// A double as a key that sorts in the same order: a total order (defined for any
    /// double) in which -0 and 0 are one key, as they are one value.
    public static func key(_ value: Double) -> UInt64 {
        let bits = (value + 0).bitPattern
        return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
    }

    /// `order` (by default, every position of `keys` in turn) sorted by key; positions
    /// with equal keys keep their order.
    public static func positions(by keys: [UInt64], from order: [Int]? = nil) -> [Int] {
        var order = order ?? Array(keys.indices)
        guard order.count > 1 else { return order }
        var moved = [Int](repeating: 0, count: order.count)
        var counts = [Int](repeating: 0, count: 8 * 256)
        let inOrder = keys.withUnsafeBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                order.withUnsafeMutableBufferPointer { first in
                    moved.withUnsafeMutableBufferPointer { second in
                        sort(keys: keys, counts: counts, first, second)
                    }
                }
            }
        }
        return inOrder ? order : moved
    }

    /// Sorts the positions in `first`, using `second` as the space to move them into;
    /// true when they end up in `first`.
    private static func sort(keys: UnsafeBufferPointer<UInt64>, counts: UnsafeMutableBufferPointer<Int>,
                             _ first: UnsafeMutableBufferPointer<Int>, _ second: UnsafeMutableBufferPointer<Int>) -> Bool {
        @inline(__always) func slot(_ key: UInt64, _ place: Int) -> Int {
            place << 8 | Int(truncatingIfNeeded: key >> UInt64(place << 3)) & 0xFF
        }
        // How often each byte value occurs at each of the 8 places, all in one pass.
        for position in first {
            let key = keys[position]
            for place in 0..<8 { counts[slot(key, place)] += 1 }
        }
        var from = first, to = second
        var inFirst = true
        for place in 0..<8 {
            // A byte all keys share leaves the order as it is.
            if counts[slot(keys[from[0]], place)] == from.count { continue }
            var total = 0
            for digit in 0..<256 {
                let count = counts[place << 8 | digit]
                counts[place << 8 | digit] = total
                total += count
            }
            for position in from {
                let index = slot(keys[position], place)
                to[counts[index]] = position
                counts[index] += 1
            }
            swap(&from, &to)
            inFirst.toggle()
        }
        return inFirst
    }
}
