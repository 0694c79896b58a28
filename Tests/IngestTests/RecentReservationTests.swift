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
        let (alpha, reserver, _) = try await Self.reservingHost("recent", on: server)
        defer { reserver.close() }
        let originals = Set(try alpha.ingested().map(\.article))
        #expect(originals.count == 2)
        // At once, before the server's log writer has flushed them (the test server never
        // waits for a flush): most runs lose one or both.
        try server.stop(immediate: true)
        try server.start()

        // The daemon's loop: a pass whenever one is due, here with no file in between.
        var held: Set<String>?
        try await Self.passes(alpha) {
            held = try await offPool { reserver.reservedOriginals() }
            // Done once every recent reservation was checked after the flush window.
            return held == originals && alpha.pipeline.sharing.recent.isEmpty
        }
        #expect(held == originals, "both originals are reserved again")
        #expect(alpha.pipeline.sharingSummary?.reconciled == 0, "no other host holds them: nothing is a copy")
    }
}

extension RecentReservationTests {
    /// A host `alpha` reserving its originals with the real reserver on a database of its own
    /// on `server`, after it took the wire story and the Courier's. `clusterRun`: its log
    /// first says, as the daemon's start record does, that it runs in the cluster mode.
    static func reservingHost(_ label: String, on server: PostgresServer, clusterRun: Bool = false) async throws
        -> (alpha: PipelineRun, reserver: OriginalReserver, database: String) {
        let database = try LateVerdictTests.database(on: server, label)
        let alpha = try PipelineRun("\(label)-alpha")
        if clusterRun {
            _ = try alpha.writer.enqueue(DaemonStarted(version: "test", pid: 1, host: "alpha", config: ["database": database.name]))
        }
        let reserver = LateVerdictTests.reserver(database, host: "alpha")
        alpha.pipeline.shareOriginals(reserver)
        do {
            try await offPool {
                try alpha.take(examples: [LateVerdictTests.wire, LateVerdictTests.courier])
                try alpha.drain()
            }
        } catch {
            reserver.close()
            throw error
        }
        return (alpha, reserver, database.name)
    }

    /// The daemon's loop over `run`'s reconciliation with no file in between: a pass whenever
    /// one is due, until `done` says so or the patience runs out.
    static func passes(_ run: PipelineRun, until done: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + LateVerdictTests.patience
        while ContinuousClock.now < deadline {
            try await offPool { if run.pipeline.reconciliationDue { try run.pipeline.reconcile() } }
            if try await done() { return }
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}
