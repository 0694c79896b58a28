import Testing
@testable import Ledger
import Stories

/// When two stories turn out to be one (`story.merged`), their topics that count the same
/// thing become one, and the next figure is compared with both stories' figures.
@Suite struct StoryMergeTests {
    typealias F = LedgerFixtures

    static func killed(_ value: Double, claim: String, story: String, source: String, day: String = "2026-11-18") -> LedgerFigure {
        F.figure("\(Int(value)) people", counted: "people", low: value,
                 in: "Rescuers said \(Int(value)) people were killed in the flood.", claim: claim, story: story, day: day,
                 source: source)
    }

    @Test("a merge joins the topics that count the same thing, and the next figure is compared with both stories' figures")
    func mergeJoinsTopics() throws {
        var ledger = Ledger()
        ledger.add(Self.killed(14, claim: "a-1", story: "a", source: "outlet:one"))
        ledger.add(Self.killed(21, claim: "b-1", story: "b", source: "outlet:two"))
        ledger.add(F.figure("9,000 residents", counted: "residents", low: 9_000,
                            in: "About 9,000 residents were displaced.", claim: "b-2", story: "b", day: "2026-11-18",
                            source: "outlet:two"))
        #expect(ledger.topics.count == 3)

        ledger.mergeStory("b", into: "a")
        #expect(ledger.topics.count == 2)
        #expect(ledger.topics.values.allSatisfy { $0.key.story == "a" })
        let killed = try #require(ledger.topics.values.first { $0.key.state == "dead" })
        #expect(killed.entries.map(\.ref.claim) == ["a-1", "b-1"])
        #expect(killed.label == "people killed")

        let added = ledger.add(Self.killed(30, claim: "c-1", story: "a", source: "outlet:three"))
        let comparison = try #require(added)
        #expect(Set(comparison.conflicts.map(\.claim)) == ["a-1", "b-1"])
        #expect(comparison.story == "a")
    }

    @Test("a source with a figure in each story keeps its newest as current and the other as history")
    func mergeKeepsHistories() throws {
        var ledger = Ledger()
        ledger.add(Self.killed(14, claim: "a-1", story: "a", source: "claimant:rescue service", day: "2026-11-18"))
        ledger.add(Self.killed(19, claim: "b-1", story: "b", source: "claimant:rescue service", day: "2026-11-19"))
        ledger.mergeStory("b", into: "a")
        let topic = try #require(ledger.topics.values.first)
        #expect(topic.history(of: "claimant:rescue service").map(\.claim) == ["a-1", "b-1"])
        #expect(topic.entries.first { $0.ref.claim == "a-1" }?.updatedBy?.claim == "b-1")
        // Another source's figure meets only the service's current one.
        let added = ledger.add(Self.killed(19, claim: "c-1", story: "a", source: "outlet:other", day: "2026-11-19"))
        let comparison = try #require(added)
        #expect(comparison.agrees.map(\.claim) == ["b-1"])
        #expect(comparison.conflicts.isEmpty)
    }

    @Test("merging in either direction, or a story into itself, leaves the same figures in one topic")
    func mergeOrder() {
        func build(_ merge: (inout Ledger) -> Void) -> Set<String> {
            var ledger = Ledger()
            ledger.add(Self.killed(14, claim: "a-1", story: "a", source: "outlet:one"))
            ledger.add(Self.killed(21, claim: "b-1", story: "b", source: "outlet:two"))
            merge(&ledger)
            return Set(ledger.topics.values.flatMap { $0.entries.map(\.ref.claim) })
        }
        #expect(build { $0.mergeStory("b", into: "a") } == ["a-1", "b-1"])
        #expect(build { $0.mergeStory("a", into: "b") } == ["a-1", "b-1"])
        var ledger = Ledger()
        ledger.add(Self.killed(14, claim: "a-1", story: "a", source: "outlet:one"))
        ledger.mergeStory("a", into: "a")
        #expect(ledger.topics.count == 1)
    }
}
