import ClusterStore
import EventLog
import PostgresTestSupport
import Testing
@testable import Ingest

/// A story recorded first on beta while the shared database was away, and later on alpha,
/// whose reservation went through before beta's: beta's reconciliation then reserves its
/// original too. The rule is that the earliest recorded original of a story stays its
/// original, whichever host reserved first: alpha's must become a late copy of beta's.
/// Before the contested marks, beta's reservation passed over alpha's (it knew the id, or
/// learned the near copy and passed it over on the next pass), alpha never looked at its own
/// reservation again, and the story kept two originals ("story 1153: 2 originals" in
/// `scripts/cluster.py two` with a lock held on the reservations). Real reservers on a
/// PostgreSQL the test starts; the outage is that server stopped.
@Suite struct ContestedOriginalTests {
    /// What alpha records of beta's story: the same text (the same id), or a syndicated copy
    /// (another id); and whether alpha reserves it live after the database returned, or
    /// recorded it during the outage too and reconciled it (and settled) before beta did.
    struct Case: Sendable, CustomTestStringConvertible {
        var sameText: Bool
        var alphaPending: Bool
        var testDescription: String {
            "\(sameText ? "the same text" : "a near copy"), \(alphaPending ? "reconciled on alpha too" : "reserved live on alpha")"
        }
    }

    static let cases = [true, false].flatMap { same in [false, true].map { Case(sameText: same, alphaPending: $0) } }

    @Test("a later original another host reserved first gives way to the earlier one reconciled after it: one original per story",
          arguments: cases)
    func laterReservationGivesWay(_ trial: Case) async throws {
        let label = "contested\(trial.sameText ? "same" : "near")\(trial.alphaPending ? "both" : "live")"
        let server = try PostgresServer.ownForTest(label)
        defer { server.remove() }
        let database = try LateVerdictTests.database(on: server, label)
        let alpha = try PipelineRun("\(label)-alpha")
        let beta = try PipelineRun("\(label)-beta")
        let alphaReserver = LateVerdictTests.reserver(database, host: "alpha")
        let betaReserver = LateVerdictTests.reserver(database, host: "beta")
        defer {
            alphaReserver.close()
            betaReserver.close()
        }
        alpha.pipeline.shareOriginals(alphaReserver)
        beta.pipeline.shareOriginals(betaReserver)
        try await offPool {
            alpha.pipeline.releaseStaleReservations()
            beta.pipeline.releaseStaleReservations()
        }
        let alphaFile = trial.sameText ? LateVerdictTests.wire : LateVerdictTests.copy

        // Beta records the wire story first, on its own judgement. The schema the reservers
        // made is flushed first: the test server never waits for a flush, and a crash right
        // after the migration took it back while the reservers held it made.
        try server.psql("CHECKPOINT", database: database.name)
        try server.stop(immediate: true)
        try await offPool {
            try beta.take(examples: [LateVerdictTests.wire])
            try beta.drain()
            if trial.alphaPending {
                try alpha.take(examples: [alphaFile])
                try alpha.drain()
            }
        }
        #expect(beta.pipeline.sharingSummary?.unreserved == 1)
        let earlier = try #require(try beta.ingested().first)
        try server.start()
        try await Self.answering(alphaReserver)
        try await Self.answering(betaReserver)

        if trial.alphaPending {
            // Alpha reconciles first (nothing is reserved yet: its original is reserved), and its
            // pass settles before beta's comes, so nothing in its pending list looks at it again.
            try await Self.passes(alpha) { alphaReserver.reservedOriginals()?.isEmpty == false }
            alpha.pipeline.sharing.settleBy = .now
            alpha.pipeline.sharing.lastAtHead = .now
            _ = try await offPool { try Self.pass(alpha) }
            #expect(alpha.pipeline.sharing.pending.isEmpty)
        } else {
            try await offPool {
                try alpha.take(examples: [alphaFile])
                try alpha.drain()
            }
            #expect(alpha.pipeline.sharingSummary?.reserved == 1, "alpha reserved its original live")
        }
        let later = try #require(try alpha.ingested().first)
        #expect((later.article == earlier.article) == trial.sameText)
        #expect(try server.psql("SELECT host || ' ' || article FROM claimwatch.originals", database: database.name)
            == "alpha \(later.article)")

        // Beta's daemon passes until its original is reserved; then alpha's next check.
        try await Self.passes(beta) { betaReserver.reservedOriginals()?.contains(earlier.article) == true }
        alpha.pipeline.sharing.lastContestCheck = nil
        let late = try await offPool { try Self.pass(alpha) }

        #expect(try server.psql("SELECT host || ' ' || article FROM claimwatch.originals", database: database.name)
            == "beta \(earlier.article)", "one original: the earlier recorded, beta's")
        let copy = try #require(late.compactMap { $0 as? ArticleDuplicate }.first, "alpha's original is a late copy of beta's")
        #expect(copy.article == later.article && copy.of == earlier.article && copy.reconciled == true)
        if trial.sameText { #expect(copy.kind == .exact, "the same text: a copy of itself, standing down for beta's record") }
        #expect(try alpha.copies().map(\.article) == [later.article], "the late verdict is in alpha's log")
        #expect(beta.pipeline.sharingSummary?.reconciled == 0, "beta's original stands")
        #expect(try server.psql("SELECT count(*) FROM claimwatch.contested", database: database.name) == "0")

        // Nothing more to judge on either host, however many passes run: also once alpha's
        // live reservation is past the window in which its pass checks it is still held (it
        // is not: withdrawn by the late verdict, which must not be made twice).
        try await Task.sleep(for: IngestPipeline.recentWindow + .milliseconds(500))
        alpha.pipeline.sharing.lastContestCheck = nil
        beta.pipeline.sharing.lastContestCheck = nil
        let more = try await offPool { (try Self.pass(alpha), try Self.pass(beta)) }
        #expect(more.0.isEmpty && more.1.isEmpty)
        #expect(try server.psql("SELECT host || ' ' || article FROM claimwatch.originals", database: database.name)
            == "beta \(earlier.article)")
    }

    /// Waits until the reserver answers again (it keeps quiet for a second after a failure).
    static func answering(_ reserver: OriginalReserver) async throws {
        let deadline = ContinuousClock.now + LateVerdictTests.patience
        while try await offPool({ reserver.reservedOriginals() }) == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// A host's reconciliation passes, as its daemon runs them, until `done`.
    static func passes(_ run: PipelineRun, until done: @escaping () throws -> Bool) async throws {
        let deadline = ContinuousClock.now + LateVerdictTests.patience
        while ContinuousClock.now < deadline {
            if try await offPool({
                try pass(run)
                return try done()
            }) { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("the passes never got there")
    }

    /// One pass of a host's reconciliation (its late verdicts queued in its log), flushed.
    @discardableResult
    static func pass(_ run: PipelineRun) throws -> [any EventPayload] {
        let late = try run.pipeline.reconcile()
        try run.writer.flush()
        return late
    }
}
