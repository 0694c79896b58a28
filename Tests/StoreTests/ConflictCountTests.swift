import Ledger
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
}
