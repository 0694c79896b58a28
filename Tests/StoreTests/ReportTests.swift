import EventLog
import Ledger
import Testing
@testable import Store

/// Reports and sources counted by claim: a claim repeated by other articles is one source
/// with more reports; a copy adds a report to the claims it lists, and to no other; a claim
/// that updates another turns the older figure into history.
@Suite struct ReportTests {
    static let toll = StoreFixtures.dead("14 people", low: 14)

    /// A wire story reprinted by two local papers, one of which is copied twice; the second
    /// copy lists only the claim it carries. The wire's other claim (a quote) is cut by both.
    static let events: [any EventPayload] = [
        StoreFixtures.article("aaaa1111", outlet: "Wire"),
        StoreFixtures.claim("aaaa1111-1", article: "aaaa1111", claimant: nil, text: "At least 14 people died in the flood.",
                            figures: [toll]),
        StoreFixtures.claim("aaaa1111-2", article: "aaaa1111", claimant: "Anna Brandt", text: "Brandt said 3 bridges fell.",
                            figures: [.init(text: "3 bridges", low: 3, high: 3, bound: "exact", unit: nil, counted: "bridges")]),
        StoreFixtures.article("bbbb2222", outlet: "Courier"),
        repeating(StoreFixtures.claim("bbbb2222-1", article: "bbbb2222", claimant: nil, text: "At least 14 people died in the flood.",
                                      figures: [toll]), "aaaa1111-1"),
        StoreFixtures.article("cccc3333", outlet: "Post"),
        repeating(StoreFixtures.claim("cccc3333-1", article: "cccc3333", claimant: nil, text: "At least 14 people died in the flood.",
                                      figures: [toll]), "aaaa1111-1"),
        StoreFixtures.copy("dddd4444", of: "cccc3333"),
        ArticleDuplicate(article: "eeee5555", path: "e.txt", of: "aaaa1111", kind: .contained, similarity: 0.5, bytes: 10,
                         reports: ["aaaa1111-1"]),
    ]

    static func repeating(_ claim: ClaimExtracted, _ earlier: String) -> ClaimExtracted {
        var claim = claim
        claim.repeats = earlier
        return claim
    }

    @Test("a repeated claim is one source with a report for every article that carries it")
    func repeatsAreReports() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(Self.events, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        let dead = try #require(try store.figures(about: "people").first)
        // One figure, not three: the repeats have no figures of their own.
        #expect(dead.figures.map(\.figure) == ["aaaa1111-1#0"])
        // Carried by the wire, the two papers, the Post's unlisted copy and the listed copy.
        #expect(dead.figures[0].copies == 4)
        #expect(dead.figures[0].sources == 1)
        // The quote the copies cut: only the wire carries it (the unlisted copy is of the Post).
        let bridges = try #require(try store.figures(about: "bridges").first)
        #expect(bridges.figures[0].copies == 0)
        // The claims list says how many articles carry each claim, and a repeat shows its figures.
        let rows = try store.claims(ClaimFilter(contains: "flood"))
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.reports == 5 && $0.figures == ["14 people"] })
        #expect(rows.first { $0.claim == "cccc3333-1" }?.repeats == "aaaa1111-1")
        #expect(try store.stats().figures == 2)
    }

    @Test("the same counts whether the store is caught up record by record or rebuilt")
    func batchesEqualRebuild() throws {
        let folder = TemporaryFolder()
        let live = try ClaimStore(path: folder.database, log: folder.log)
        live.batchSize = 2
        for event in Self.events {
            try StoreFixtures.write([event], to: folder)
            try live.catchUp()
        }
        let rebuiltFolder = TemporaryFolder()
        let rebuilt = try ClaimStore(path: rebuiltFolder.database, log: folder.log)
        #expect(try live.figures(about: "") == rebuilt.figures(about: ""))
    }

    @Test("a claim that updates another makes the older figure history: marked, and in conflict with nothing")
    func updatesAreHistory() throws {
        var update = StoreFixtures.claim("ffff6666-1", article: "ffff6666", claimant: "Marrow Emergency Service",
                                         text: "The service said 22 people died.", figures: [StoreFixtures.dead("22 people", low: 22)])
        update.updates = "aaaa2222-1"
        let events: [any EventPayload] = [
            StoreFixtures.article("aaaa2222", outlet: "Wire"),
            StoreFixtures.claim("aaaa2222-1", article: "aaaa2222", claimant: "Marrow Emergency Service",
                                text: "The service said 14 people died.", figures: [StoreFixtures.dead("14 people", low: 14)]),
            StoreFixtures.article("bbbb3333", outlet: "Watch"),
            StoreFixtures.claim("bbbb3333-1", article: "bbbb3333", claimant: "River Watch", text: "River Watch said 31 people died.",
                                figures: [StoreFixtures.dead("31 people", low: 31)]),
            StoreFixtures.article("ffff6666", outlet: "Wire"),
            update,
        ]
        let folder = TemporaryFolder()
        try StoreFixtures.write(events, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        let topic = try #require(try store.figures(about: "people").first)
        let old = try #require(topic.figures.first { $0.figure == "aaaa2222-1#0" })
        let new = try #require(topic.figures.first { $0.figure == "ffff6666-1#0" })
        #expect(old.updatedBy == new.figure)
        #expect(new.updates == "aaaa2222-1")
        #expect(old.conflicting == 0 && old.conflicts.isEmpty)
        // The newer figure still conflicts with the watchdog's, as the older one did.
        #expect(new.conflicting == 1)
        #expect(topic.conflictingPairs == 1)
    }
}
