import ClusterStore
import EventLog
import Foundation
import Logging
import PostgresTestSupport
import Store
import Testing
@testable import Ingest

/// A host that recorded articles while the shared database was away, judged late against
/// another host's earlier original: afterwards its answers are those of a single host that
/// took the original and then its articles in order, live, after a rebuild from its log,
/// and after a restart. The reservations are the real `OriginalReserver` on a PostgreSQL the
/// test starts (the other host reserves its originals there, texts and bands with them), and
/// the outage is that server stopped; the pipelines, logs, stores and texts are real. The
/// other host's records reach the host as the stream hands them over (read from its log).
@Suite struct LateVerdictTests {
    static let wire = "npa-wire-kessel-dam.txt"
    static let copy = "valley-times-syndicated.txt"
    static let other = "river-watch-report.txt"
    static let courier = "halvern-courier-dam.html"

    /// How long a reserver's call may wait for its answer (its work runs on the driver's
    /// event loop, the server shares two cores with every other suite under make test): a
    /// hang is bounded, no speed is asserted.
    static let patience: Duration = .seconds(240)

    /// The Courier's story as its scraper's record, a day later: the toll changed, nothing else.
    static func updatedCourier() throws -> String {
        let text = try Examples.text("halvern-courier-dam.json")
        let updated = text.replacingOccurrences(of: "put the toll at 19", with: "put the toll at 23")
        #expect(updated != text)
        return updated
    }

    @Test("a copy and a version recorded during an outage, reconciled: figures, sources and conflicts as a single host's")
    func lateCopyAndVersion() async throws {
        try await lateCopyAndVersion(alphaRecordsFirst: true)
    }

    /// The late verdicts can come before the other host's records reach the host (its
    /// reservations are all they need): the originals they name are then stories of their
    /// own until those records come, and the merges they record name stories differently.
    @Test("a copy and a version reconciled before the other host's records arrive: figures, sources and conflicts as a single host's")
    func lateCopyAndVersionBeforeTheRecords() async throws {
        try await lateCopyAndVersion(alphaRecordsFirst: false)
    }

    private func lateCopyAndVersion(alphaRecordsFirst: Bool) async throws {
        let label = alphaRecordsFirst ? "lateverdict" : "lateearly"
        let server = try PostgresServer.ownForTest(label)
        defer { server.remove() }
        let database = try Self.database(on: server, label)
        let alpha = try PipelineRun("\(label)-alpha", keep: true)
        let beta = try PipelineRun("\(label)-beta", keep: true)
        let single = try PipelineRun("\(label)-single", keep: true)
        let updated = try Self.updatedCourier()
        let alphaReserver = Self.reserver(database, host: "alpha")
        defer { alphaReserver.close() }
        alpha.pipeline.shareOriginals(alphaReserver)
        try await offPool {
            try alpha.take(examples: [Self.wire, Self.courier])
            try alpha.drain()
        }
        try single.take(examples: [Self.wire, Self.courier])
        let shared = try Self.shared(alpha)
        let originals = try alpha.ingested()
        let original = originals[0]
        // What beta's reconciliation will read of them: alpha's reservations, with their bands and texts.
        #expect(try server.psql("SELECT host || ' ' || article FROM claimwatch.originals ORDER BY 1", database: database.name)
            == originals.map { "alpha \($0.article)" }.sorted().joined(separator: "\n"))
        let contents = originals.map { "'\($0.content)'" }.joined(separator: ",")
        #expect(try server.psql("SELECT count(*) FROM claimwatch.texts WHERE content IN (\(contents))", database: database.name) == "2")
        #expect(try server.psql("SELECT count(DISTINCT article) FROM claimwatch.bands WHERE host = 'alpha'", database: database.name) == "2")

        // The crash below comes within a fraction of a second of alpha's reservations, which
        // the reserver commits without waiting for the flush: unflushed, it lost the second
        // in most runs. Alpha's daemon would reserve it again 3 s later (its check of recent
        // reservations, `RecentReservationTests`); this test has no loop running alpha's
        // passes, so they are flushed first, as the server's WAL writer does within 0.6 s.
        try server.psql("CHECKPOINT", database: database.name)

        // beta: its reserver connected at start, then the server stops; a copy of the wire
        // story and its updated version are recorded as originals meanwhile.
        var betaReserver = Self.reserver(database, host: "beta")
        defer { betaReserver.close() }
        beta.pipeline.shareOriginals(betaReserver)
        try await offPool { beta.pipeline.releaseStaleReservations() }
        try server.stop(immediate: true)
        try await offPool {
            try beta.take(Self.copy, try Examples.text(Self.copy))
            try beta.take("updated-courier.json", updated)
            try beta.drain()
        }
        #expect(try beta.ingested().count == 2)
        #expect(beta.pipeline.sharingSummary?.unreserved == 2, "both were recorded on beta's judgement alone")
        // The query store, caught up before the late verdicts: it takes them as they come.
        let store = try ClaimStore(path: beta.state.layout.claimStore, log: beta.state.layout.log)
        try single.take(Self.copy, try Examples.text(Self.copy))
        try single.take("updated-courier.json", updated)

        // The database returns: alpha's records come through, then the late verdicts, from the
        // first pass once the reserver answers again (it keeps quiet for a second after a
        // failure; the daemon passes each second).
        try server.start()
        if alphaRecordsFirst { beta.pipeline.applyShared(shared, atHead: true) }
        let answering = betaReserver
        let deadline = ContinuousClock.now + Self.patience
        while try await offPool({ answering.reservedOriginals() }) == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
        }
        // The pipeline queues the late verdicts in its log itself.
        let late = try await offPool { try beta.pipeline.reconcile() }
        try beta.writer.flush()
        if !alphaRecordsFirst { beta.pipeline.applyShared(shared, atHead: true) }
        // One story, named after its oldest article (alpha's wire report), whichever came first.
        let storyOf = { (run: PipelineRun) in ([original.article, originals[1].article] + (try run.ingested()).map(\.article)).map { run.pipeline.stories.story(of: $0) } }
        #expect(try storyOf(beta) == Array(repeating: original.article, count: 4))
        let duplicate = try #require(late.compactMap { $0 as? ArticleDuplicate }.first)
        #expect(duplicate.of == original.article && duplicate.reconciled == true)
        #expect(duplicate.recast?.isEmpty == false)
        let version = try #require(late.compactMap { $0 as? ArticleReconciled }.first)
        #expect(version.updates == originals[1].article)
        #expect(version.recast.contains { $0.updates != nil }, "the changed toll updates the Courier's")
        #expect(version.recast.contains { $0.repeats != nil }, "what the Courier said too is a report of it")

        // Live: another outlet's article and a copy of the late copy, on beta and on the single host.
        try await Self.compare(beta, single, probe: Self.other, text: try Examples.text(Self.other), original: original.article)
        // After a restart, with a new reserver and alpha's records applied again, as the daemon starts.
        try await offPool { try beta.restart() }
        betaReserver.close()
        betaReserver = Self.reserver(database, host: "beta")
        beta.pipeline.shareOriginals(betaReserver)
        beta.pipeline.applyShared(shared, atHead: true)
        try await offPool { beta.pipeline.releaseStaleReservations() }
        #expect(try storyOf(beta).allSatisfy { $0 == original.article })
        try await Self.compare(beta, single, probe: "river-again.txt",
                               text: try Examples.text(Self.other).replacingOccurrences(of: "31", with: "33"), original: original.article)

        // The query store: what it made of the late verdicts as they came is what a rebuild
        // from beta's log makes; the late copy holds no figure and no claim of its own, and the
        // version's claims are the single host's (same ids: they come from the same text).
        try await offPool { try beta.close() }
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
    func rebuildAfterRefusal() async throws {
        let database = try Self.database(on: try PostgresServer.forTest(), "refusal")
        let alpha = try PipelineRun("refusal-alpha", keep: true)
        let beta = try PipelineRun("refusal-beta", keep: true)
        let single = try PipelineRun("refusal-single", keep: true)
        let alphaReserver = Self.reserver(database, host: "alpha"), betaReserver = Self.reserver(database, host: "beta")
        defer {
            alphaReserver.close()
            betaReserver.close()
        }
        alpha.pipeline.shareOriginals(alphaReserver)
        try await offPool {
            try alpha.take(examples: [Self.wire, Self.courier])
            try alpha.drain()
        }
        try single.take(examples: [Self.wire, Self.courier])
        beta.pipeline.shareOriginals(betaReserver)
        beta.pipeline.applyShared(try Self.shared(alpha), atHead: true)
        // The log refuses an article: the memory is rebuilt from the log before the next file.
        _ = FileManager.default.createFile(atPath: beta.diskFull, contents: Data())
        try await offPool { try beta.take("refused.txt", try Examples.text("kessel-hydro-statement.md")) }
        await #expect(throws: IngestError.self) { try await offPool { try beta.drain() } }
        try FileManager.default.removeItem(atPath: beta.diskFull)
        try await Self.compare(beta, single, probe: Self.other, text: try Examples.text(Self.other), original: alpha.ingested()[0].article)
        try await offPool { try beta.close() }
        try single.close()
        #expect(try beta.ingested().map(\.path) == [Self.other])
    }

    /// Beta's and the single host's comparisons of the same new article, and their verdicts
    /// on a copy of the late copy (a copy of the original, never of the late copy).
    static func compare(_ beta: PipelineRun, _ single: PipelineRun, probe: String, text: String, original: String) async throws {
        try await offPool { try beta.drain() }
        try single.drain()
        let before = (beta: try beta.events().count, single: try single.events().count)
        try await offPool {
            try beta.take(probe, text)
            try beta.drain()
        }
        try single.take(probe, text)
        try single.drain()
        let betaCompared = try Array(beta.events()[before.beta...]).compactMap(Self.comparison)
        let singleCompared = try Array(single.events()[before.single...]).compactMap(Self.comparison)
        #expect(!singleCompared.isEmpty)
        #expect(betaCompared == singleCompared)
        let again = "copy-\(probe)"
        try await offPool {
            try beta.take(again, try Examples.text(Self.copy))
            try beta.drain()
        }
        try single.take(again, try Examples.text(Self.copy))
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
    static func shared(_ run: PipelineRun) throws -> [SharedRecord] {
        try run.shared(as: "alpha")
    }
}

extension LateVerdictTests {
    /// A database of the test's own on `server`.
    static func database(on server: PostgresServer, _ label: String) throws -> (name: String, configuration: DatabaseConfiguration) {
        let name = try server.makeDatabase(label)
        return (name, DatabaseConfiguration(address: try DatabaseAddress(parsing: server.socketAddress(name))))
    }

    /// The reserver a host's daemon hands its pipeline, quiet.
    static func reserver(_ database: (name: String, configuration: DatabaseConfiguration), host: String) -> OriginalReserver {
        var logger = Logger(label: "late-verdict-test")
        logger.logLevel = .critical
        return OriginalReserver(database: database.configuration, host: host, logger: logger, timeout: patience)
    }
}

/// Runs `body` on a thread of its own and waits for it, as the daemon runs its pipeline: the
/// reserver blocks the calling thread until the database answers, and that must not be a
/// thread of the cooperative pool, which the other suites' async work needs (the test's task
/// waits meanwhile, so what `body` touches is never touched by two threads at once).
func offPool<Value>(_ body: @escaping () throws -> Value) async throws -> Value {
    let work = UncheckedWork(body)
    return try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work.body() }) }
    }
}

/// A closure handed to another thread while its owner waits for it.
private final class UncheckedWork<Value>: @unchecked Sendable {
    // @unchecked: the owner waits for the thread that runs `body`, and nothing else calls it.
    let body: () throws -> Value
    init(_ body: @escaping () throws -> Value) { self.body = body }
}
