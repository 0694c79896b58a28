import EventLog
import Foundation
import Ledger
import Logging
import PostgresTestSupport
import Testing
@testable import ClusterStore
@testable import Ingest

/// The memory a host builds again after its late verdicts: the same as a from-scratch
/// replay of its log and the other host's records, with those records read back from the
/// follower's cache rather than held in memory; and late verdicts the log refuses are
/// judged again, as a refused file is taken again. The outage is a real PostgreSQL stopped
/// and started, the reservations the real `OriginalReserver`.
@Suite struct LateVerdictRebuildTests {
    @Test("after a late copy and a late version, the memory rebuilt from the log and the cached records is a from-scratch replay's")
    func rebuiltAsReplayed() async throws {
        let outage = try await Outage("rebuilt")
        defer { outage.close() }
        let beta = outage.beta
        // Alpha's records reach beta as its follower hands them over: written to the cache first.
        let location = OtherHostsFollower.CacheLocation(path: beta.state.layout.index + "/other-hosts.bin",
                                                        texts: beta.state.layout.articles)
        let cache = OtherHostsCache(path: location.path, texts: location.texts)
        _ = try cache.open(identity: "test-stream", host: "beta", head: 0)
        let followed = outage.shared.enumerated().map { place, shared in
            OtherHostsFollower.Followed(position: Int64(place + 1), host: shared.host, line: String(decoding: shared.record.line, as: UTF8.self),
                                        text: shared.text, kept: true)
        }
        try cache.append(followed, through: Int64(followed.count))
        beta.pipeline.keepSharedRecords(in: FollowedRecords(location))
        beta.pipeline.applyShared(outage.shared.map { SharedRecord(host: $0.host, record: $0.record, text: $0.text, kept: true) },
                                  atHead: true)
        #expect(beta.pipeline.sharing.records.isEmpty, "the cache keeps alpha's records, not the memory")

        let late = try await outage.reconcile()
        #expect(late.contains { ($0 as? ArticleDuplicate)?.reconciled == true })
        #expect(late.contains { $0 is ArticleReconciled })
        // What `take` does before the next file: the memory is built again.
        #expect(beta.pipeline.sharing.stale)
        _ = try await offPool { try beta.pipeline.rebuildMemory(after: .lateVerdicts) }
        #expect(!beta.pipeline.sharing.stale)
        #expect(beta.pipeline.sharing.records.isEmpty)
        let rebuilt = try MemoryPicture(beta, others: outage.shared)

        // From scratch: a new pipeline reads the log, then alpha's records are applied after it.
        try await offPool { try beta.restart() }
        beta.pipeline.applyShared(outage.shared, atHead: true)
        let replayed = try MemoryPicture(beta, others: outage.shared)
        #expect(rebuilt.articles == replayed.articles)
        #expect(rebuilt.claims == replayed.claims)
        #expect(rebuilt.stories == replayed.stories)
        #expect(rebuilt.figures == replayed.figures)
        // What the late verdicts changed is in both: the late copy is no candidate original.
        let copy = try #require(late.compactMap { $0 as? ArticleDuplicate }.first)
        #expect(!rebuilt.articles.contains(copy.article))
        #expect(rebuilt.articles.contains(copy.of))
    }

    @Test("late verdicts the log refuses leave their originals pending, are judged again once it takes records, and answer as a single host's")
    func refusedLateVerdicts() async throws {
        let outage = try await Outage("refused-late")
        defer { outage.close() }
        let beta = outage.beta
        beta.pipeline.applyShared(outage.shared, atHead: true)
        // A full disk: the late verdicts are queued, then the log refuses their write.
        _ = FileManager.default.createFile(atPath: beta.diskFull, contents: Data())
        let refused = try await outage.reconcile()
        #expect(refused.count >= 2)
        await #expect(throws: IngestError.self, "the rebuild before the next file waits for them and is refused") {
            try await offPool { try beta.take(LateVerdictTests.other, try Examples.text(LateVerdictTests.other)) }
        }
        #expect(try beta.events().allSatisfy { event in
            if case let .articleDuplicate(copy) = event { copy.reconciled != true } else if case .articleReconciled = event { false } else { true }
        })
        #expect(beta.pipeline.sharing.pending.count == 2, "both originals are pending again")
        #expect(beta.pipeline.sharing.late.judged.isEmpty)
        #expect(beta.pipeline.sharingSummary?.reconciled == 0)

        // Space again: the next pass judges them again, and the host answers as a single host.
        try FileManager.default.removeItem(atPath: beta.diskFull)
        let late = try await outage.reconcile()
        #expect(late.map { type(of: $0).eventType } == refused.map { type(of: $0).eventType })
        try await LateVerdictTests.compare(beta, outage.single, probe: LateVerdictTests.other,
                                           text: try Examples.text(LateVerdictTests.other), original: outage.original)
        #expect(try beta.events().count { if case let .articleDuplicate(copy) = $0 { copy.reconciled == true } else { false } } == 1)
    }
}

/// Beta recorded a copy of alpha's wire story and a version of its Courier story while the
/// shared database was away; the database is back, and alpha's records are at hand as the
/// stream hands them over. `single` took the same files in order on its own.
private final class Outage {
    let server: PostgresServer
    let alpha: PipelineRun
    let beta: PipelineRun
    let single: PipelineRun
    let alphaReserver: OriginalReserver
    let betaReserver: OriginalReserver
    let shared: [SharedRecord]
    let original: String

    init(_ label: String) async throws {
        let server = try PostgresServer.ownForTest(label)
        let database = try LateVerdictTests.database(on: server, label)
        let alpha = try PipelineRun("\(label)-alpha", keep: true)
        let beta = try PipelineRun("\(label)-beta", keep: true)
        let single = try PipelineRun("\(label)-single", keep: true)
        let alphaReserver = LateVerdictTests.reserver(database, host: "alpha")
        let betaReserver = LateVerdictTests.reserver(database, host: "beta")
        self.server = server
        self.alpha = alpha
        self.beta = beta
        self.single = single
        self.alphaReserver = alphaReserver
        self.betaReserver = betaReserver
        do {
            let prepared = try await Self.prepare(server, database: database, alpha: alpha, beta: beta, single: single,
                                                  reservers: (alphaReserver, betaReserver))
            shared = prepared.shared
            original = prepared.original
        } catch {
            alphaReserver.close()
            betaReserver.close()
            server.remove()
            throw error
        }
    }

    private static func prepare(_ server: PostgresServer, database: (name: String, configuration: DatabaseConfiguration),
                                alpha: PipelineRun, beta: PipelineRun, single: PipelineRun,
                                reservers: (alpha: OriginalReserver, beta: OriginalReserver)) async throws
        -> (shared: [SharedRecord], original: String) {
        let updated = try LateVerdictTests.updatedCourier()
        let betaReserver = reservers.beta
        alpha.pipeline.shareOriginals(reservers.alpha)
        try await offPool {
            try alpha.take(examples: [LateVerdictTests.wire, LateVerdictTests.courier])
            try alpha.drain()
        }
        try single.take(examples: [LateVerdictTests.wire, LateVerdictTests.courier, LateVerdictTests.copy])
        try single.take("updated-courier.json", updated)
        let shared = try LateVerdictTests.shared(alpha)
        let original = try alpha.ingested()[0].article
        // Alpha's reservations flushed before the crash below (see `LateVerdictTests`).
        try server.psql("CHECKPOINT", database: database.name)
        beta.pipeline.shareOriginals(betaReserver)
        try await offPool { beta.pipeline.releaseStaleReservations() }
        try server.stop(immediate: true)
        try await offPool {
            try beta.take(LateVerdictTests.copy, try Examples.text(LateVerdictTests.copy))
            try beta.take("updated-courier.json", updated)
            try beta.drain()
        }
        #expect(beta.pipeline.sharingSummary?.unreserved == 2)
        try server.start()
        let deadline = ContinuousClock.now + LateVerdictTests.patience
        while try await offPool({ betaReserver.reservedOriginals(among: ["-"]) }) == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
        }
        return (shared, original)
    }

    /// Beta's reconciliation pass: its late verdicts, queued in its log.
    func reconcile() async throws -> [any EventPayload] {
        let beta = beta
        return try await offPool { try beta.pipeline.reconcile() }
    }

    func close() {
        alphaReserver.close()
        betaReserver.close()
        try? beta.close()
        try? single.close()
        try? alpha.close()
        server.remove()
    }
}

/// What a pipeline's memory answers: the copy index's articles, the claim each recorded
/// claim's key names, each article's story, and the ledger's topics with their figures in
/// the order they were filed.
private struct MemoryPicture {
    var articles: [String]
    var claims: [String: String]
    var stories: [String: String]
    var figures: [String: [String]]

    init(_ run: PipelineRun, others: [SharedRecord]) throws {
        let pipeline = run.pipeline
        articles = (0..<pipeline.memory.articleCount).compactMap { pipeline.memory.article(at: UInt32($0))?.id }.sorted()
        let records = try Self.records(run) + others.map(\.record)
        var claims: [String: String] = [:]
        var stories: [String: String] = [:]
        for record in records {
            switch try record.event() {
            case let .claimExtracted(claim): claims[claim.claim] = pipeline.memory.claim(for: claim.key) ?? "-"
            case let .articleIngested(article): stories[article.article] = pipeline.stories.story(of: article.article) ?? "-"
            case let .articleDuplicate(copy): stories[copy.article] = pipeline.stories.story(of: copy.article) ?? "-"
            default: break
            }
        }
        self.claims = claims
        self.stories = stories
        figures = pipeline.ledger.topics.mapValues { topic in
            topic.entries.map { "\($0.ref) \($0.range) \($0.source ?? "-") \($0.date.map { "\($0)" } ?? "-") updated by \($0.updatedBy.map { "\($0)" } ?? "-")" }
        }
    }

    private static func records(_ run: PipelineRun) throws -> [LogRecord] {
        let cursor = try LogCursor(directory: run.state.layout.log)
        var records: [LogRecord] = []
        while case let .record(record)? = try cursor.next() { records.append(record) }
        return records
    }
}
