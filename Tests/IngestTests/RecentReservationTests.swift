import ClusterStore
import EventLog
import PostgresTestSupport
import Testing
@testable import Ingest

/// The reserver commits a reservation without waiting for the server's flush, so a crash of
/// the server within a fraction of a second takes it back. A host that goes on reserving
/// notices the outage at its next call; one that takes nothing new must notice too, or a
/// copy another host takes later becomes a second original of the story.
@Suite struct RecentReservationTests {
    @Test("reservations a server crash took back right after they were made are made again, on a host that takes nothing meanwhile")
    func lostToACrash() async throws {
        let server = try PostgresServer.ownForTest("recentres")
        defer { server.remove() }
        let database = try LateVerdictTests.database(on: server, "recentres")
        let alpha = try PipelineRun("recent-alpha")
        let reserver = LateVerdictTests.reserver(database, host: "alpha")
        defer { reserver.close() }
        alpha.pipeline.shareOriginals(reserver)
        try await offPool {
            try alpha.take(examples: [LateVerdictTests.wire, LateVerdictTests.courier])
            try alpha.drain()
        }
        let originals = Set(try alpha.ingested().map(\.article))
        #expect(originals.count == 2)
        // At once, before the server's log writer has flushed them (the test server never
        // waits for a flush): most runs lose one or both.
        try server.stop(immediate: true)
        try server.start()

        // The daemon's loop: a pass whenever one is due, here with no file in between.
        let deadline = ContinuousClock.now + LateVerdictTests.patience
        var held: Set<String>?
        while ContinuousClock.now < deadline {
            try await offPool {
                if alpha.pipeline.reconciliationDue { try alpha.pipeline.reconcile() }
            }
            held = try await offPool { reserver.reservedOriginals() }
            // Done once every recent reservation was checked after the flush window.
            if held == originals, alpha.pipeline.sharing.recent.isEmpty { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(held == originals, "both originals are reserved again")
        #expect(alpha.pipeline.sharingSummary?.reconciled == 0, "no other host holds them: nothing is a copy")
    }
}
