import EventLog
import Ledger
import Stories
import Testing
@testable import Store

/// Conflicts counted by sorting agree with comparing every pair, and long lists are capped.
@Suite struct ConflictCountTests {
    @Test("counts match the pairwise comparison on a topic of 60 figures; lists stop at their caps")
    func matchesPairwise() {
        var ranges: [FigureRange] = []
        var seed: UInt64 = 5
        for index in 0..<60 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Double((seed >> 40) % 100)
            ranges.append(index % 3 == 0 ? FigureRange(low: value, high: .infinity) : FigureRange(low: value, high: value + 5))
        }
        let lines = ranges.indices.map { index in
            TopicReport.Line(figure: "f\(index)#0", text: "\(index)", low: ranges[index].low, high: nil, bound: "exact", unit: nil,
                             counted: nil, claimant: nil, cue: nil, stance: "asserts", article: "a\(index)", path: nil,
                             outlet: nil, published: nil, time: "", copies: 0, sources: 0, reports: 0, conflicting: 0,
                             conflicts: [])
        }
        var report = TopicReport(topic: "t", id: "t", key: "k", figures: lines, conflictingPairs: 0, conflicts: [])
        ClaimStore.compare(&report, ranges: ranges)
        var pairs = 0
        for first in ranges.indices {
            let expected = ranges.indices.filter { $0 != first && !ranges[first].overlaps(ranges[$0]) }
            #expect(report.figures[first].conflicting == expected.count)
            #expect(report.figures[first].conflicts == Array(expected.prefix(TopicReport.listed))
                    || report.figures[first].conflicts.count == TopicReport.listed)
            #expect(Set(report.figures[first].conflicts).isSubset(of: expected))
            #expect(report.figures[first].conflicts == report.figures[first].conflicts.sorted())
            pairs += expected.filter { $0 > first }.count
        }
        #expect(report.conflictingPairs == pairs)
        #expect(report.conflicts.count == min(pairs, TopicReport.pairsListed))
    }

    @Test("the sweep, leaving out one source's own pairs and a change with its start, counts what the pair-by-pair rule counts")
    func sweepLeavesOutAsPairwise() throws {
        try Self.matchPairwise(days: [0])
    }

    @Test("over days not all comparable, the sweeps day by day count what the pair-by-pair rule counts")
    func daysAsPairwise() throws {
        try Self.matchPairwise(days: [0, 1, 2, 3, 5, 9, 40, 70, 75])
    }

    /// Generated topics whose figures speak for the given days (published, or recorded for
    /// a few), compared by `compareCurrent` and pair by pair.
    static func matchPairwise(days: [Int32]) throws {
        var seed: UInt64 = 11
        func below(_ bound: UInt64) -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (seed >> 33) % bound
        }
        let first = try #require(StoryDate(published: "2026-11-12", recorded: ""))
        for _ in 0..<20 {
            // Few sources, so most have several figures; some figures name the value they changed from.
            let count = 30 + Int(below(50))
            let timed = (0..<count).map { index in
                let value = Double(below(40))
                let range = below(4) == 0 ? FigureRange(low: value, high: .infinity) : FigureRange(low: value, high: value + Double(below(3)))
                let earlier = below(6) == 0 ? Double(below(40)) : nil
                let offset = days[Int(below(UInt64(days.count)))]
                let day = StoryDate(day: first.day + offset, kind: days.count > 1 && below(8) == 0 ? .recorded : .published)
                return TimedFigure<Int64>(source: below(5) == 0 ? nil : Int64(below(6)), article: Int64(index / 3), date: day,
                                          range: range, earlier: earlier.map { FigureRange(low: $0, high: $0) }, name: "f\(index)#0")
            }
            let lines = timed.indices.map { index in
                TopicReport.Line(figure: timed[index].name, text: "\(index)", low: timed[index].range.low, high: nil, bound: "exact",
                                 unit: nil, counted: nil, claimant: nil, cue: nil, stance: "asserts", article: "a", path: nil,
                                 outlet: nil, published: nil, time: "", copies: 0, sources: 0, reports: 0, conflicting: 0,
                                 conflicts: [])
            }
            var swept = TopicReport(topic: "t", id: "t", key: "k", figures: lines, conflictingPairs: 0, conflicts: [])
            ClaimStore.compareCurrent(timed, byLow: nil).fill(&swept)
            var pairwise = swept
            ClaimStore.compare(&pairwise, pairwise: timed)
            #expect(swept.figures.map(\.conflicting) == pairwise.figures.map(\.conflicting))
            #expect(swept.figures.map(\.agreeing) == pairwise.figures.map(\.agreeing))
            #expect(swept.conflictingPairs == pairwise.conflictingPairs)
            for index in timed.indices {
                // The same figures, up to the cap: the sweep lists the nearest ends first.
                let all = Set(timed.indices.filter { $0 != index && FigurePair.verdict(timed[index], timed[$0]) == .conflicts })
                #expect(Set(swept.figures[index].conflicts).isSubset(of: all))
                #expect(swept.figures[index].conflicts.count == min(all.count, TopicReport.listed))
            }
            #expect(swept.conflictingPairs > 0 && timed.indices.contains { FigurePair.leftOut(timed[$0], timed[($0 + 1) % count]) })
            #expect(swept.conflicts.allSatisfy { FigurePair.verdict(timed[$0[0]], timed[$0[1]]) == .conflicts })
        }
    }
}
