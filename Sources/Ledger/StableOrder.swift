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
        var moved = [Int](repeating: 0, count: order.count)
        var starts = [Int](repeating: 0, count: 256)
        for shift in stride(from: UInt64(0), to: 64, by: 8) {
            for index in starts.indices { starts[index] = 0 }
            for position in order { starts[Int(truncatingIfNeeded: keys[position] >> shift) & 0xFF] += 1 }
            if starts.contains(order.count) { continue }
            var total = 0
            for index in starts.indices {
                let count = starts[index]
                starts[index] = total
                total += count
            }
            for position in order {
                let digit = Int(truncatingIfNeeded: keys[position] >> shift) & 0xFF
                moved[starts[digit]] = position
                starts[digit] += 1
            }
            swap(&order, &moved)
        }
        return order
    }
}
