/// Counts how often each value comes, and keeps the most common at hand (the most often,
/// the least value among equals): a topic's label is asked for with every comparison, and
/// a scan of all its phrases each time would make filing a large topic quadratic.
struct Tally<Value: Hashable & Comparable & Sendable>: Sendable {
    private var counts: [Value: Int] = [:]
    private(set) var mostCommon: Value?
    private var most = 0

    mutating func add(_ value: Value) {
        let count = (counts[value] ?? 0) + 1
        counts[value] = count
        if count > most || (count == most && mostCommon.map { value < $0 } ?? true) {
            most = count
            mostCommon = value
        }
    }

    /// Adds another tally's counts, as if its values had been added here one by one.
    mutating func merge(_ other: Tally<Value>) {
        for (value, count) in other.counts.sorted(by: { $0.key < $1.key }) {
            let total = (counts[value] ?? 0) + count
            counts[value] = total
            if total > most || (total == most && mostCommon.map { value < $0 } ?? true) {
                most = total
                mostCommon = value
            }
        }
    }
}
