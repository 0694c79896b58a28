import Ledger

/// What comparing a topic's current figures found, by their positions among them: how many
/// each conflicts and agrees with, which it conflicts with (ascending, at most
/// `TopicReport.listed`), and the conflicting pairs in all.
struct Compared {
    var conflicting: [Int]
    var agreeing: [Int]
    var lists: [[Int]]
    var pairs: Int

    init(count: Int) {
        conflicting = [Int](repeating: 0, count: count)
        agreeing = conflicting
        lists = [[Int]](repeating: [], count: count)
        pairs = 0
    }

    /// Writes the counts onto the report's figures at `positions` (each of these figures'
    /// place in the report), and lists the conflicting pairs in the report's order.
    func fill(_ report: inout TopicReport, at positions: [Int]? = nil) {
        for index in conflicting.indices {
            let position = positions?[index] ?? index
            report.figures[position].conflicting = conflicting[index]
            report.figures[position].agreeing = agreeing[index]
            report.figures[position].conflicts = positions.map { places in lists[index].map { places[$0] } } ?? lists[index]
        }
        report.conflictingPairs = pairs
        report.conflicts = []
        // Positions keep the report's order, so pairs come out as the report lists its figures.
        for index in lists.indices where report.conflicts.count < TopicReport.pairsListed {
            let first = positions?[index] ?? index
            for other in lists[index] where other > index && report.conflicts.count < TopicReport.pairsListed {
                report.conflicts.append([first, positions?[other] ?? other])
            }
        }
    }
}

extension ClaimStore {
    /// Fills in each figure's conflicts and the topic's conflicting pairs when every two
    /// figures speak for comparable days, leaving out the pairs the ledger's rules do
    /// (`LeftOutPairs`).
    static func compare(_ report: inout TopicReport, ranges: [FigureRange], byLow: [Int]? = nil, leftOut: LeftOutPairs? = nil) {
        sweep(ranges, byLow: byLow, leftOut: leftOut).fill(&report)
    }

    /// The comparison of figures all of whose days are comparable, by sorted ends.
    static func sweep(_ ranges: [FigureRange], byLow: [Int]? = nil, leftOut: LeftOutPairs? = nil) -> Compared {
        // A figure conflicts with those whose high is below its low and those whose low is
        // above its high. With both ends sorted, one sweep in order of low counts the highs
        // below each figure, and one in order of high the lows above it. Equal ends stay in
        // topic order, which decides who is listed past the cap.
        let byHigh = StableOrder.positions(by: ranges.map { StableOrder.key($0.high) })
        let byLow = byLow ?? StableOrder.positions(by: ranges.map { StableOrder.key($0.low) })
        let highs = byHigh.map { ranges[$0].high }, lows = byLow.map { ranges[$0].low }
        let count = ranges.count
        var below = [Int](repeating: 0, count: count), above = [Int](repeating: 0, count: count)
        var passed = 0
        for (low, index) in zip(lows, byLow) {
            while passed < count, highs[passed] < low { passed += 1 }
            below[index] = passed
        }
        passed = 0
        for (high, index) in zip(highs, byHigh) {
            while passed < count, lows[passed] <= high { passed += 1 }
            above[index] = count - passed
        }
        // The list depends only on how many lie below and above (the lowest-ending figures
        // below, then the lowest-starting above, to the cap): figures that give the same
        // value, common in a large topic, share one list. A figure with pairs left out
        // walks the same order past them.
        var lists: [Int: [Int]] = [:]
        var total = 0
        var result = Compared(count: count)
        for index in ranges.indices {
            var conflicting = below[index] + above[index]
            var agreeing = count - 1 - conflicting
            let firstAbove = count - above[index]
            var others: [Int]
            if let leftOut, leftOut.touches(index) {
                conflicting -= leftOut.disjoint[index]
                agreeing -= leftOut.overlapping[index]
                others = []
                for other in byHigh[0..<below[index]] where others.count < TopicReport.listed && !leftOut.contains(index, other) {
                    others.append(other)
                }
                for other in byLow[firstAbove..<count] where others.count < TopicReport.listed && !leftOut.contains(index, other) {
                    others.append(other)
                }
                others.sort()
            } else if conflicting == 0 {
                others = []
            } else {
                let key = below[index] * (count + 1) + above[index]
                if let known = lists[key] {
                    others = known
                } else {
                    let listedBelow = min(below[index], TopicReport.listed)
                    let listedAbove = min(above[index], TopicReport.listed - listedBelow)
                    others = []
                    others.reserveCapacity(listedBelow + listedAbove)
                    others.append(contentsOf: byHigh[0..<listedBelow])
                    others.append(contentsOf: byLow[firstAbove..<(firstAbove + listedAbove)])
                    others.sort()
                    lists[key] = others
                }
            }
            result.conflicting[index] = conflicting
            result.agreeing[index] = agreeing
            result.lists[index] = others
            total += conflicting
        }
        result.pairs = total / 2
        return result
    }
}
