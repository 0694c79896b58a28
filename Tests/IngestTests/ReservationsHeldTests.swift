import ClusterStore
import EventLog
import Foundation
import PostgresTestSupport
import Testing
@testable import Ingest

/// A start finds the originals its log recorded while the shared database was away by
/// asking the database which it holds: only about those recorded after the mark of what it
/// last saw held (`ReservationsHeld`), so the question does not grow with the host's history;
/// about every one when the database no longer holds the mark's witness.
@Suite struct ReservationsHeldTests {
    @Test("a start asks the database only about the originals recorded since its mark, and about all when the witness is gone")
    func askedSinceTheMark() async throws {
        let server = try PostgresServer.ownForTest("held")
        defer { server.remove() }
        let (alpha, reserver, database) = try await RecentReservationTests.reservingHost("held", on: server, clusterRun: true)
        defer { reserver.close() }
        // Each reservation is checked once after the flush window, and then every original
        // recorded so far is known held.
        let path = alpha.state.layout.reservationsHeld
        try await RecentReservationTests.passes(alpha) { ReservationsHeld.load(from: path) != nil }
        let held = try alpha.ingested().map(\.article)
        let mark = try #require(ReservationsHeld.load(from: path))
        #expect(mark.witness == held[1])

        // An original recorded while the database is away, then a restart before it answers again.
        try server.stop(immediate: true)
        try await offPool {
            try alpha.take(LateVerdictTests.other, try Examples.text(LateVerdictTests.other))
            try alpha.drain()
        }
        let away = try #require(try alpha.ingested().last?.article)
        try server.start()
        let pending = { () async throws -> (asked: Int?, pending: [String]) in
            try await offPool { try alpha.restart() }
            alpha.pipeline.shareOriginals(reserver)
            let deadline = ContinuousClock.now + LateVerdictTests.patience
            while ContinuousClock.now < deadline {
                try await offPool { alpha.pipeline.derivePending() }
                if alpha.pipeline.sharing.underived == nil { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            return (alpha.pipeline.sharing.askedAtStart, alpha.pipeline.sharing.pending.map(\.request.article))
        }
        let since = try await pending()
        #expect(since.asked == 1, "only the original recorded after the mark is asked about")
        #expect(since.pending == [away])

        // The database recreated: it holds none of alpha's reservations, the witness included.
        try server.psql("DELETE FROM claimwatch.originals WHERE host = 'alpha'", database: database)
        let all = try await pending()
        #expect(all.asked == 3)
        #expect(Set(all.pending) == Set(held + [away]))
    }
}
