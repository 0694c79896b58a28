import EventLog
import Foundation
import Testing
@testable import Store

/// The query store on real SQLite files, fed from a real log.
@Suite struct ClaimStoreTests {
    @Test("opening catches up with the log: articles, copies, claims, claimants, figures and topics")
    func catchUp() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(StoreFixtures.story, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        let stats = try store.stats()
        #expect(stats == StoreStats(articles: 2, copies: 1, stories: 0, claims: 4, figures: 3, claimants: 2, topics: 1, conflicts: 1, seq: 7))
        #expect(try store.lastSeq() == 7)

        // Later records are applied on the next open, and only those.
        try StoreFixtures.write([StoreFixtures.claim("bbbb2222-3", article: "bbbb2222", claimant: "River Watch",
                                                     text: "River Watch said the water was still rising.")], to: folder)
        let reopened = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try reopened.stats().claims == 5)
        #expect(try reopened.catchUp() == 0)
    }

    @Test("claims by claimant match canonical names by whole words, by article prefix or copy id, by words and by time")
    func claimQueries() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(StoreFixtures.story, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try store.claims(ClaimFilter(claimant: "Brandt")).map(\.claim) == ["bbbb2222-2", "aaaa1111-1"])
        #expect(try store.claims(ClaimFilter(claimant: "anna brandt")).count == 2)
        #expect(try store.claims(ClaimFilter(claimant: "Bran")).isEmpty)
        #expect(try store.claims(ClaimFilter(article: "aaaa")).map(\.claim) == ["aaaa1111-2", "aaaa1111-1"])
        // A copy's id stands for its original: the copy's claims are the original's.
        #expect(try store.claims(ClaimFilter(article: "cccc3333")).count == 2)
        #expect(try store.claims(ClaimFilter(contains: "confirmed DEAD")).map(\.claim) == ["bbbb2222-2", "aaaa1111-1"])
        #expect(try store.claims(ClaimFilter(claimant: "River Watch", contains: "died")).map(\.figures) == [["at least 15 people"]])
        #expect(try store.claims(ClaimFilter(since: "2999-01-01")).isEmpty)
        #expect(try store.claims(ClaimFilter(since: "2000")).count == 4)
        #expect(try store.claims(ClaimFilter(limit: 1)).map(\.claim) == ["bbbb2222-2"])
    }

    @Test("figures about a topic: the conflict marked, one claimant in two outlets one source, a copy a report")
    func figures() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(StoreFixtures.story, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        let topics = try store.figures(about: "people")
        let topic = try #require(topics.first)
        #expect(topics.count == 1)
        // The label says what is counted and in which state, never a bare "people".
        #expect(topic.topic == "people killed")
        #expect(topic.figures.map(\.figure) == ["aaaa1111-1#0", "bbbb2222-1#0", "bbbb2222-2#0"])
        // Brandt's 9 in the wire and in the Courier speak for the same day: which came first
        // is not known (the log's order is no evidence of it), so neither is her history;
        // both stand, neither compared with the other, and River Watch's floor conflicts with each.
        #expect(topic.figures.allSatisfy { $0.updatedBy == nil && $0.updates == nil })
        #expect(topic.conflicts.map { $0.map(topic.nameOf) } == [["aaaa1111-1#0", "bbbb2222-1#0"], ["bbbb2222-1#0", "bbbb2222-2#0"]])
        #expect(topic.figures.map(\.conflicts) == [[1], [0, 2], [1]])
        let brandtWire = topic.figures[0], brandtCourier = topic.figures[2]
        #expect(brandtWire.sources == 1 && brandtCourier.sources == 1)
        // The wire article, its copy and the Courier: three reports of the value 9.
        #expect(brandtWire.reports == 3)
        #expect(brandtWire.copies == 1)
        #expect(try store.figures(about: "valdorian").isEmpty)
        #expect(try store.claimants().map(\.claimant) == ["Anna Brandt", "River Watch"])
        #expect(try store.claimants().first?.articles == 2)
    }

    @Test("a rebuild from the log gives the same tables as catching up batch by batch")
    func rebuildEqualsLive() throws {
        let folder = TemporaryFolder()
        let live = try ClaimStore(path: folder.database, log: folder.log)
        live.batchSize = 2
        for event in StoreFixtures.story {
            try StoreFixtures.write([event], to: folder)
            try live.catchUp()
        }
        let rebuiltFolder = TemporaryFolder()
        let rebuilt = try ClaimStore(path: rebuiltFolder.database, log: folder.log)
        #expect(try live.stats() == rebuilt.stats())
        #expect(try live.figures() == rebuilt.figures())
        #expect(try live.claims(ClaimFilter()) == rebuilt.claims(ClaimFilter()))
        try live.rebuild()
        #expect(try live.figures() == rebuilt.figures())
    }

    @Test("an unknown schema version, or a store ahead of its log, is rebuilt")
    func schemaAndGaps() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(StoreFixtures.story, to: folder)
        do {
            let store = try ClaimStore(path: folder.database, log: folder.log)
            try store.database.execute("UPDATE meta SET value = '999' WHERE key = 'schema'; DELETE FROM claims;")
        }
        let reopened = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try reopened.meta("schema") == String(StoreSchema.version))
        #expect(try reopened.stats().claims == 4)

        // The log is replaced by a shorter one: the store no longer follows on from it.
        try FileManager.default.removeItem(atPath: folder.log)
        try StoreFixtures.write(Array(StoreFixtures.story.prefix(2)), to: folder)
        let other = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try other.stats().claims == 1)
        #expect(try other.lastSeq() == 2)
    }
}
