import EventLog
import Foundation
import Store
import Testing
@testable import Ingest

/// A host that recorded articles while the shared database was away, judged late against
/// another host's earlier original: afterwards its answers are those of a single host that
/// took the original and then its articles in order, live, after a rebuild from its log,
/// and after a restart. The database is stood in for by `OutageReservations`, which answers
/// as PostgreSQL's reservations do (away, then the other host's earlier original); the
/// pipelines, logs, stores and texts are real.
@Suite struct LateVerdictTests {
    static let wire = "npa-wire-kessel-dam.txt"
    static let copy = "valley-times-syndicated.txt"
    static let other = "river-watch-report.txt"
    static let courier = "halvern-courier-dam.html"

    /// The Courier's story as its scraper's record, a day later: the toll changed, nothing else.
    static func updatedCourier() throws -> String {
        let text = try Examples.text("halvern-courier-dam.json")
        let updated = text.replacingOccurrences(of: "put the toll at 19", with: "put the toll at 23")
        #expect(updated != text)
        return updated
    }

    @Test("a copy and a version recorded during an outage, reconciled: figures, sources and conflicts as a single host's")
    func lateCopyAndVersion() throws {
        let alpha = try PipelineRun("late-alpha", keep: true)
        let beta = try PipelineRun("late-beta", keep: true)
        let single = try PipelineRun("late-single", keep: true)
        let updated = try Self.updatedCourier()
        try alpha.take(examples: [Self.wire, Self.courier])
        try alpha.drain()
        try single.take(examples: [Self.wire, Self.courier])
        let shared = try Self.shared(alpha)
        let originals = try alpha.ingested()
        let original = originals[0]

        // beta: the database away, a copy of the wire story and its updated version recorded as originals.
        let reservations = OutageReservations()
        beta.pipeline.shareOriginals(reservations)
        try beta.take(Self.copy, try Examples.text(Self.copy))
        try beta.take("updated-courier.json", updated)
        try beta.drain()
        #expect(try beta.ingested().count == 2)
        // The query store, caught up before the late verdicts: it takes them as they come.
        let store = try ClaimStore(path: beta.state.layout.claimStore, log: beta.state.layout.log)
        try single.take(Self.copy, try Examples.text(Self.copy))
        try single.take("updated-courier.json", updated)

        // The database returns: alpha's records come through, then the late verdicts.
        beta.pipeline.applyShared(shared, atHead: true)
        reservations.earlier = try originals.map { article in
            ForeignOriginal(article: article.article, content: article.content, host: "alpha",
                            text: try #require(alpha.pipeline.texts.text(for: article.content)), recorded: "2000-01-01T00:00:00.000Z")
        }
        let late = beta.pipeline.reconcile()
        _ = try beta.writer.enqueue(late)
        try beta.writer.flush()
        let duplicate = try #require(late.compactMap { $0 as? ArticleDuplicate }.first)
        #expect(duplicate.of == original.article && duplicate.reconciled == true)
        #expect(duplicate.recast?.isEmpty == false)
        let version = try #require(late.compactMap { $0 as? ArticleReconciled }.first)
        #expect(version.updates == originals[1].article)
        #expect(version.recast.contains { $0.updates != nil }, "the changed toll updates the Courier's")
        #expect(version.recast.contains { $0.repeats != nil }, "what the Courier said too is a report of it")

        // Live: another outlet's article and a copy of the late copy, on beta and on the single host.
        try Self.compare(beta, single, probe: Self.other, text: try Examples.text(Self.other), original: original.article)
        // After a restart, with alpha's records applied again as the daemon does from the stream.
        try beta.restart()
        beta.pipeline.applyShared(shared, atHead: true)
        try Self.compare(beta, single, probe: "river-again.txt",
                         text: try Examples.text(Self.other).replacingOccurrences(of: "31", with: "33"), original: original.article)

        // The query store: what it made of the late verdicts as they came is what a rebuild
        // from beta's log makes; the late copy holds no figure and no claim of its own, and the
        // version's claims are the single host's (same ids: they come from the same text).
        try beta.close()
        try single.close()
        _ = try store.catchUp()
        let caughtUp = (figures: try store.figures(), claims: try store.claims(ClaimFilter()))
        try store.rebuild()
        let rebuilt = (figures: try store.figures(), claims: try store.claims(ClaimFilter()))
        #expect(caughtUp.figures == rebuilt.figures)
        #expect(caughtUp.claims == rebuilt.claims)
        let copyArticle = duplicate.article
        #expect(!rebuilt.figures.flatMap(\.figures).contains { $0.article == copyArticle }, "the late copy's figures left the ledger")
        #expect(!rebuilt.claims.contains { $0.article == copyArticle && $0.repeats == nil })
        // `articles` and `dupes` read the log's catalog: the late copy is no article of its own.
        let catalog = try ArticleCatalog(log: beta.state.layout.log)
        #expect(catalog.article(id: copyArticle) == nil)
        #expect(catalog.article(id: version.article) != nil)
        let singleStore = try ClaimStore(path: single.state.layout.claimStore, log: single.state.layout.log)
        let singleClaims = try singleStore.claims(ClaimFilter())
        let versionOf = { (claims: [ClaimRow]) in
            claims.filter { $0.article == version.article }.map { "\($0.claim) repeats \($0.repeats ?? "-") updates \($0.updates ?? "-")" }.sorted()
        }
        #expect(versionOf(rebuilt.claims) == versionOf(singleClaims))
        #expect(versionOf(rebuilt.claims).contains { $0.contains("updates \(originals[1].article)") })
        let versionFigures = { (topics: [TopicReport]) in
            topics.flatMap(\.figures).filter { $0.article == version.article }.map { "\($0.figure) \($0.text) \($0.updates ?? "-")" }.sorted()
        }
        #expect(versionFigures(rebuilt.figures) == versionFigures(try singleStore.figures()))
    }

    @Test("after the log refuses a write, the memory rebuilt from it holds the other hosts' records again: their claims, stories and figures")
    func rebuildAfterRefusal() throws {
        let alpha = try PipelineRun("refusal-alpha", keep: true)
        let beta = try PipelineRun("refusal-beta", keep: true)
        let single = try PipelineRun("refusal-single", keep: true)
        try alpha.take(examples: [Self.wire, Self.courier])
        try alpha.drain()
        try single.take(examples: [Self.wire, Self.courier])
        beta.pipeline.shareOriginals(OutageReservations(earlier: []))
        beta.pipeline.applyShared(try Self.shared(alpha), atHead: true)
        // The log refuses an article: the memory is rebuilt from the log before the next file.
        _ = FileManager.default.createFile(atPath: beta.diskFull, contents: Data())
        try beta.take("refused.txt", try Examples.text("kessel-hydro-statement.md"))
        #expect(throws: IngestError.self) { try beta.drain() }
        try FileManager.default.removeItem(atPath: beta.diskFull)
        try Self.compare(beta, single, probe: Self.other, text: try Examples.text(Self.other), original: alpha.ingested()[0].article)
        try beta.close()
        try single.close()
        #expect(try beta.ingested().map(\.path) == [Self.other])
    }

    /// Beta's and the single host's comparisons of the same new article, and their verdicts
    /// on a copy of the late copy (a copy of the original, never of the late copy).
    private static func compare(_ beta: PipelineRun, _ single: PipelineRun, probe: String, text: String, original: String) throws {
        try beta.drain()
        try single.drain()
        let before = (beta: try beta.events().count, single: try single.events().count)
        try beta.take(probe, text)
        try single.take(probe, text)
        try beta.drain()
        try single.drain()
        let betaCompared = try Array(beta.events()[before.beta...]).compactMap(Self.comparison)
        let singleCompared = try Array(single.events()[before.single...]).compactMap(Self.comparison)
        #expect(!singleCompared.isEmpty)
        #expect(betaCompared == singleCompared)
        let again = "copy-\(probe)"
        try beta.take(again, try Examples.text(Self.copy))
        try single.take(again, try Examples.text(Self.copy))
        try beta.drain()
        try single.drain()
        #expect(try beta.copies().last?.of == original)
        #expect(try single.copies().last?.of == original)
    }

    /// A comparison as the two hosts can share it: the figure, its topic and what it agrees and
    /// conflicts with (claim ids are the same on both: they come from the texts).
    private static func comparison(_ event: Event) -> String? {
        guard case let .figureCompared(compared) = event else { return nil }
        return "\(compared.claim)#\(compared.index) \(compared.label): agrees \(compared.agrees.map(\.claim).sorted()) "
            + "conflicts \(compared.conflicts.map(\.claim).sorted())"
    }

    /// A host's records as another host receives them through the stream, texts included.
    private static func shared(_ run: PipelineRun) throws -> [SharedRecord] {
        try run.shared(as: "alpha")
    }
}

/// Stands in for the shared database's reservations: away until `earlier` is set, then it
/// answers each look-up with those originals, as PostgreSQL answers with another host's
/// earlier ones.
final class OutageReservations: OriginalReservations {
    var earlier: [ForeignOriginal]?
    let host = "beta"

    init(earlier: [ForeignOriginal]? = nil) {
        self.earlier = earlier
    }

    func reserve(_ original: ReservationRequest, known: Set<String>) -> ReservationOutcome {
        earlier == nil ? .unavailable("away") : .reserved
    }

    func releaseReservations(except recorded: Set<String>) -> Int? { 0 }

    func earlierOriginals(than original: ReservationRequest) -> [ForeignOriginal]? { earlier }

    func withdraw(_ article: String) -> Bool { true }

    func reservedOriginals() -> Set<String>? { earlier == nil ? nil : [] }
}
