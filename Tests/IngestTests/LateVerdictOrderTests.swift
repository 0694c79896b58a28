import ClusterStore
import EventLog
import Foundation
import PostgresTestSupport
import Testing
@testable import Ingest

/// A late verdict follows, in the log, the record of the original it judges. A pass of the
/// reconciliation that falls between a file's staging and its batch's commit once queued
/// the late verdict first (seen in `scripts/cluster.py two` with the reservations held up:
/// the file's path then had a late `article.duplicate` and, after it, its `article.ingested`).
@Suite struct LateVerdictOrderTests {
    @Test("an original still staged in the pipeline's batch is judged late only once its records are queued in the log")
    func lateVerdictAfterItsOriginal() async throws {
        let server = try PostgresServer.ownForTest("lateorder")
        defer { server.remove() }
        let database = try LateVerdictTests.database(on: server, "lateorder")
        let alpha = try PipelineRun("order-alpha", keep: true)
        let beta = try PipelineRun("order-beta", keep: true)
        let alphaReserver = LateVerdictTests.reserver(database, host: "alpha")
        defer { alphaReserver.close() }
        alpha.pipeline.shareOriginals(alphaReserver)
        try await offPool {
            try alpha.take(examples: [LateVerdictTests.wire])
            try alpha.drain()
        }
        let shared = try alpha.shared(as: "alpha")
        let original = try #require(try alpha.ingested().first)
        // Flushed before the crash below, as the server's WAL writer does within 0.6 s.
        try server.psql("CHECKPOINT", database: database.name)

        // beta takes a copy of the wire story while the database is away: an original on its
        // own judgement, staged (a batch is committed when full, or when the daemon is idle).
        let betaReserver = LateVerdictTests.reserver(database, host: "beta")
        defer { betaReserver.close() }
        beta.pipeline.shareOriginals(betaReserver)
        try await offPool { beta.pipeline.releaseStaleReservations() }
        try server.stop(immediate: true)
        try await offPool { try beta.take("copy.txt", try Examples.text(LateVerdictTests.copy)) }
        #expect(beta.pipeline.sharingSummary?.unreserved == 1)
        #expect(beta.pipeline.hasPendingWork)

        try server.start()
        beta.pipeline.applyShared(shared, atHead: true)
        let deadline = ContinuousClock.now + LateVerdictTests.patience
        while try await offPool({ betaReserver.reservedOriginals() }) == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
        }
        let whileStaged = try await offPool { try beta.pipeline.reconcile() }
        #expect(whileStaged.isEmpty, "a late verdict for an original whose records are not in the log yet")

        try await offPool { try beta.drain() }
        let late = try await offPool { try beta.pipeline.reconcile() }
        let duplicate = try #require(late.compactMap { $0 as? ArticleDuplicate }.first)
        #expect(duplicate.of == original.article && duplicate.reconciled == true)
        // The pipeline queued it in its log itself.
        try await offPool { try beta.close() }
        let handled = try beta.events().compactMap { event -> String? in
            switch event {
            case let .articleIngested(ingested): "ingested \(ingested.path)"
            case let .articleDuplicate(copy): "\(copy.reconciled == true ? "late copy" : "copy") \(copy.path)"
            default: nil
            }
        }
        #expect(handled == ["ingested copy.txt", "late copy copy.txt"])
    }
}
