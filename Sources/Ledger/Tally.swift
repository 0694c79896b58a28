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
}
