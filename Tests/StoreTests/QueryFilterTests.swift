import EventLog
import Foundation
import Testing
@testable import Store

/// The store's filters, lookups and damage notes on a real log.
@Suite struct QueryFilterTests {
    private func store(_ folder: TemporaryFolder, _ events: [any EventPayload] = StoreFixtures.story) throws -> ClaimStore {
        try StoreFixtures.write(events, to: folder)
        return try ClaimStore(path: folder.database, log: folder.log)
    }

    @Test("search words ignore case and accents, and letters that do not decompose are spelt out")
    func folding() {
        #expect(SearchWords.words("Raúl MEDINA") == ["raul", "medina"])
        #expect(SearchWords.words("Søren Ærø, Łódź") == ["soren", "aero", "lodz"])
        #expect(SearchWords.words("Zoë’s \"quote\"") == ["zoe's", "quote"])
        #expect(SearchWords.contains("Raúl Medina", phrase: ["medina"]))
        #expect(!SearchWords.contains("Raúl Medina", phrase: ["medina", "raul"]))
        #expect(SearchWords.words("\"").isEmpty)
    }

    @Test("a claimant with an accent is found without it, and the other way round")
    func accentedClaimant() throws {
        let folder = TemporaryFolder()
        let store = try store(folder, [
            StoreFixtures.article("aaaa1111", outlet: "Gazeta Łódzka"),
            StoreFixtures.claim("aaaa1111-1", article: "aaaa1111", claimant: "Raúl Medina", text: "Raúl Medina said so."),
            StoreFixtures.claim("aaaa1111-2", article: "aaaa1111", claimant: "Raul Medina", text: "Raul Medina said so too."),
        ])
        #expect(try store.claims(ClaimFilter(claimant: "raul")).count == 2)
        #expect(try store.claims(ClaimFilter(claimant: "RAÚL MEDINA")).count == 2)
        #expect(try store.claimants(matching: "medina") == ["Raul Medina", "Raúl Medina"])
        #expect(try store.outlets(matching: "lodzka") == ["Gazeta Łódzka"])
        #expect(try store.claims(ClaimFilter(outlet: "gazeta lodzka")).count == 2)
    }

    @Test("stance, quotes, outlet and time filters each keep only what they say")
    func filters() throws {
        let folder = TemporaryFolder()
        let denial = ClaimExtracted(claim: "bbbb2222-3", article: "bbbb2222", text: "The operator denied it.", content: nil, span: nil,
                                    claimant: .init(name: "The operator", canonical: "Operator", kind: "organization"), cue: "denied",
                                    stance: "denies", hedges: [], quote: true, figures: [])
        let store = try store(folder, StoreFixtures.story + [denial])
        #expect(try store.claims(ClaimFilter(stance: "denies")).map(\.claim) == ["bbbb2222-3"])
        #expect(try store.claims(ClaimFilter(quotesOnly: true)).map(\.claim) == ["bbbb2222-3"])
        #expect(try store.claims(ClaimFilter(outlet: "courier")).count == 3)
        #expect(try store.claims(ClaimFilter(outlet: "nowhere")).isEmpty)
        #expect(try store.claims(ClaimFilter(until: "2000-01-01")).isEmpty)
        #expect(try store.claims(ClaimFilter(until: "2999-01-01")).count == 5)
        // Published dates of the fixture: aaaa1111 on 2026-11-18, bbbb2222 on 2026-11-18 too (by id length).
        #expect(try store.claims(ClaimFilter(since: "2026-11-18T00:00:00.000Z", published: true)).count == 5)
        #expect(try store.claims(ClaimFilter(since: "2026-11-19T00:00:00.000Z", published: true)).isEmpty)
        #expect(try store.claimants(filter: ClaimFilter(stance: "denies")).map(\.claimant) == ["Operator"])
        let brandt = try #require(try store.claimants(filter: ClaimFilter(outlet: "courier")).first { $0.claimant == "Anna Brandt" })
        #expect(brandt.claims == 1 && brandt.articles == 1 && brandt.figures == 1)
    }

    @Test("figures filtered by outlet or claimant are compared among themselves")
    func figureFilters() throws {
        let folder = TemporaryFolder()
        let store = try store(folder)
        let courier = try store.figures(FigureFilter(about: "people", outlet: "Courier"))
        #expect(courier.first?.figures.count == 2)
        #expect(courier.first?.conflictingPairs == 1)
        let brandt = try store.figures(FigureFilter(about: "people", claimant: "Brandt"))
        #expect(brandt.first?.figures.map(\.figure) == ["aaaa1111-1#0", "bbbb2222-2#0"])
        #expect(brandt.first?.conflictingPairs == 0)
        #expect(try store.figures(FigureFilter(claimant: "Brandt")).isEmpty == false)
        #expect(try store.figures(FigureFilter(since: "2999-01-01")).isEmpty)
    }

    @Test("an id prefix names one article or copy, several, or none")
    func lookups() throws {
        let folder = TemporaryFolder()
        let store = try store(folder)
        #expect(try store.lookup(article: "aaaa") == .article("aaaa1111"))
        #expect(try store.lookup(article: "cccc3333") == .copy("cccc3333", of: "aaaa1111"))
        #expect(try store.lookup(article: "zzz") == .notFound)
        // An empty prefix names nothing rather than everything.
        #expect(try store.lookup(article: "") == .notFound)
    }

    @Test("ambiguous prefixes list their candidates, copies with their originals")
    func ambiguous() throws {
        let folder = TemporaryFolder()
        let store = try store(folder, [
            StoreFixtures.article("e1aa", outlet: nil), StoreFixtures.article("e1bb", outlet: nil), StoreFixtures.copy("e1cc", of: "e1aa"),
            StoreFixtures.article("e2dd", outlet: nil),
        ])
        guard case let .ambiguous(candidates, total) = try store.lookup(article: "e1") else {
            Issue.record("e1 was not ambiguous")
            return
        }
        #expect(total == 3)
        #expect(candidates.map(\.id) == ["e1aa", "e1bb", "e1cc"])
        #expect(candidates.last?.copyOf == "e1aa")
        #expect(try store.lookup(article: "e2") == .article("e2dd"))
    }

    @Test("a damaged line is noted while catching up, reported while it lasts, and forgotten once the writer replaces it")
    func damageNotes() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(StoreFixtures.story, to: folder)
        let segment = folder.log + "/00000000000000000001.log"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment)))
        let lastStart = bytes.dropLast().lastIndex(of: 0x0A)! + 1
        bytes[lastStart + 30] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let store = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try store.damage().map(\.offset) == [Int64(lastStart)])
        #expect(try store.stats().claims == 3)
        // The writer cuts the bad last line and writes the next record in its place.
        try StoreFixtures.write([StoreFixtures.claim("dddd4444-1", article: "bbbb2222", claimant: nil, text: "Later.")], to: folder)
        let reopened = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try reopened.damage().isEmpty)
        #expect(try reopened.stats().claims == 4)
    }

    @Test("a line repaired by hand brings its record in with a rebuild")
    func repairedByHand() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(StoreFixtures.story, to: folder)
        let segment = folder.log + "/00000000000000000001.log"
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment)))
        var damaged = original
        let second = original.firstIndex(of: 0x0A)! + 1
        damaged[second + 30] ^= 0x01
        try Data(damaged).write(to: URL(fileURLWithPath: segment))
        #expect(try ClaimStore(path: folder.database, log: folder.log).stats().claims == 3)
        try Data(original).write(to: URL(fileURLWithPath: segment))
        let repaired = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try repaired.damage().isEmpty)
        #expect(try repaired.stats().claims == 4)
    }
}
