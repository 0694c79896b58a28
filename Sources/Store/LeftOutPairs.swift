import Ledger

/// The pairs of a topic's current figures that a plain comparison of ranges would count
/// but the ledger's rules leave out (`FigurePair.leftOut`), when every two of them speak
/// for comparable days: a source's own figures, and a change and the value it started
/// from. Kept by source and by explicit pair, never as every pair: one outlet's hundreds of
/// figures in a large topic would be tens of thousands of pairs.
struct LeftOutPairs {
    private let sources: [Int64?]
    private var members: [Int64: Int] = [:]
    /// Explicit changes and the figures they start from, both ways.
    private var changes: [Int: Set<Int>] = [:]
    /// For each figure, how many left-out partners are disjoint from it and how many overlap it.
    private(set) var disjoint: [Int]
    private(set) var overlapping: [Int]

    init(_ figures: [TimedFigure<Int64>]) {
        sources = figures.map(\.source)
        disjoint = [Int](repeating: 0, count: figures.count)
        overlapping = disjoint
        var groups: [Int64: [Int]] = [:]
        for (position, source) in sources.enumerated() {
            if let source { groups[source, default: []].append(position) }
        }
        for (source, group) in groups {
            members[source] = group.count
            guard group.count > 1 else { continue }
            // Per member, how many of its source's figures end below it or start above it.
            let highs = group.map { figures[$0].range.high }.sorted(), lows = group.map { figures[$0].range.low }.sorted()
            for position in group {
                let range = figures[position].range
                let below = Self.count(in: highs) { $0 < range.low }
                let above = group.count - Self.count(in: lows) { $0 <= range.high }
                disjoint[position] += below + above
                overlapping[position] += group.count - 1 - below - above
            }
        }
        for first in figures.indices where figures[first].earlier != nil {
            for second in figures.indices where second != first && !(sources[first] != nil && sources[first] == sources[second]) {
                guard FigurePair.verdict(figures[first], figures[second]) == .update,
                      changes[first]?.contains(second) != true else { continue }
                changes[first, default: []].insert(second)
                changes[second, default: []].insert(first)
                // A change and its starting point are disjoint by definition.
                disjoint[first] += 1
                disjoint[second] += 1
            }
        }
    }

    /// Whether the figure has any partner left out.
    func touches(_ position: Int) -> Bool {
        (sources[position].map { (members[$0] ?? 0) > 1 } ?? false) || changes[position] != nil
    }

    func contains(_ first: Int, _ second: Int) -> Bool {
        if let source = sources[first], source == sources[second] { return true }
        return changes[first]?.contains(second) == true
    }

    /// How many of the sorted values pass `isBefore` (a prefix of them).
    private static func count(in sorted: [Double], _ isBefore: (Double) -> Bool) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(sorted[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
