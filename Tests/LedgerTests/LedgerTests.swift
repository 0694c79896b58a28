import Testing
import EventLog
@testable import Ledger

@Suite struct LedgerTests {
    typealias F = LedgerFixtures

    @Test("a figure joining a topic names the figures it agrees and conflicts with")
    func comparisons() throws {
        var ledger = Ledger()
        let first = F.figure("9 people", counted: "people", low: 9, in: "Officials said 9 people were confirmed dead.", claim: "a-1")
        let second = F.figure("at least 12 bodies", counted: "bodies", low: 12, bound: "atLeast",
                              in: "Volunteers have recovered at least 12 bodies.", claim: "b-1")
        let third = F.figure("at least 15 people", counted: "people", low: 15, bound: "atLeast",
                             in: "The group said at least 15 people had died.", claim: "c-1")
        #expect(ledger.add(first) == nil)
        let secondJoined = ledger.add(second)
        let joined = try #require(secondJoined)
        #expect(joined.conflicts == [FigureRef(claim: "a-1", index: 0)])
        #expect(joined.agrees.isEmpty)
        let thirdJoined = ledger.add(third)
        let last = try #require(thirdJoined)
        #expect(last.agrees == [FigureRef(claim: "b-1", index: 0)])
        #expect(last.conflicts == [FigureRef(claim: "a-1", index: 0)])
        #expect(last.label == "people killed")
        #expect(ledger.topics.count == 1)
    }

    @Test("the same figure twice is filed once; figures without a topic are not filed")
    func idempotent() {
        var ledger = Ledger()
        let figure = F.figure("9 people", counted: "people", low: 9, in: "9 people were confirmed dead.", claim: "a-1")
        ledger.add(figure)
        #expect(ledger.add(figure) == nil)
        ledger.add(F.figure("40 million euros", counted: nil, low: 4e7, unit: "EUR", in: "It released 40 million euros."))
        #expect(ledger.count == 1)
    }

    @Test("grouping does not depend on arrival order")
    func orderIndependent() {
        let figures = [
            F.figure("300 Valdorian citizens", counted: "Valdorian citizens", low: 300, in: "300 Valdorian citizens are fighting.", claim: "a"),
            F.figure("4,000 Valdorians", counted: "Valdorians", low: 4_000, in: "4,000 Valdorians joined the army.", claim: "b"),
            F.figure("9 people", counted: "people", low: 9, in: "9 people were confirmed dead.", claim: "c"),
            F.figure("at least 12 bodies", counted: "bodies", low: 12, bound: "atLeast", in: "They found at least 12 bodies.", claim: "d"),
        ]
        var forward = Ledger(), backward = Ledger()
        for figure in figures { forward.add(figure) }
        for figure in figures.reversed() { backward.add(figure) }
        func grouping(_ ledger: Ledger) -> [String: Set<FigureRef>] {
            ledger.topics.mapValues { Set($0.entries.map(\.ref)) }
        }
        #expect(grouping(forward) == grouping(backward))
        #expect(forward.topics.count == 2)
    }

    @Test("independent sources: a claimant quoted by two outlets counts once, copies add reports not sources")
    func sources() throws {
        let value = try #require(FigureRange(low: 12, high: nil, bound: "atLeast", unit: nil))
        let other = try #require(FigureRange(low: 9, high: 9, bound: "exact", unit: nil))
        func sourced(_ claim: String, _ range: FigureRange, claimant: String?, outlet: String?, article: String, copies: Int = 0)
            -> SourceCounter.Sourced {
            SourceCounter.Sourced(ref: FigureRef(claim: claim, index: 0), range: range, claimant: claimant, outlet: outlet,
                                  article: article, copies: copies)
        }
        let backing = SourceCounter.backing([
            sourced("a", value, claimant: "Anna Brandt", outlet: "Wire", article: "w", copies: 3),
            sourced("b", value, claimant: "Anna Brandt", outlet: "Courier", article: "x"),
            sourced("c", value, claimant: nil, outlet: "Courier", article: "x"),
            sourced("d", value, claimant: nil, outlet: nil, article: "y"),
            sourced("e", other, claimant: "Anna Brandt", outlet: "Wire", article: "w", copies: 3),
        ])
        // Anna Brandt (twice), the Courier itself, and article y: three sources; the wire
        // article with its three copies, x and y: six reports.
        #expect(backing[0] == SourceCounter.Backing(sources: 3, reports: 6))
        #expect(backing[1] == backing[0])
        #expect(backing[4] == SourceCounter.Backing(sources: 1, reports: 4))
    }
}
