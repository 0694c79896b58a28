import Testing
@testable import Ledger

/// Source counting by names (what the ledger's rules say) and by the numbers the store
/// interns those names to.
@Suite struct SourceCounterTests {
    @Test("names and numbers count alike; equal ranges meet however they are ordered, -0 and 0 included")
    func namedAndKeyed() {
        let ranges = [FigureRange(low: 0, high: 5), FigureRange(low: -0.0, high: 7), FigureRange(low: -0.0, high: 5),
                      FigureRange(low: 3, high: .infinity), FigureRange(low: 3, high: .infinity), FigureRange(low: 0, high: 5)]
        let named = ranges.enumerated().map { index, range in
            SourceCounter.Sourced(ref: FigureRef(claim: "c\(index)", index: 0), range: range,
                                  claimant: index % 2 == 0 ? "Anna Brandt" : nil, outlet: index == 3 ? "Wire" : nil,
                                  article: "a\(index % 3)", copies: index % 3)
        }
        let backing = SourceCounter.backing(named)
        // [0, 5] three times: Anna Brandt (figures 0 and 2) and article a2 (figure 5);
        // articles a0, a2 and a2 again: two articles and 0 + 2 copies.
        #expect(backing[0] == SourceCounter.Backing(sources: 2, reports: 4))
        #expect(backing[2] == backing[0] && backing[5] == backing[0])
        #expect(backing[1] == SourceCounter.Backing(sources: 1, reports: 2))
        // [3, ∞) twice: the Wire and Anna Brandt; articles a0 and a1.
        #expect(backing[3] == SourceCounter.Backing(sources: 2, reports: 3))
        let keyed = named.map { figure in
            SourceCounter.Keyed(range: figure.range, source: Int64(figure.source.hashValue), article: Int64(figure.article.hashValue),
                                copies: figure.copies)
        }
        #expect(SourceCounter.backing(keyed) == backing)
    }
}
