import ClusterStore
import EventLog
import Foundation
import PostgresTestSupport
import Synchronization
import Testing

/// A server that does not wait for its commits' flush (as the tests' own), stopped at once
/// right after a publish: what a host's publisher published stays, and a follower that read
/// a commit the server then lost notices the stream going back under it.
@Suite struct StreamDurabilityTests {
    /// WAL written out only every 10 s (and no dirty page written early, which would force
    /// it out): a commit that did not wait for its flush is lost by an immediate stop.
    static let lazyWAL = ["wal_writer_delay=10s", "bgwriter_lru_maxpages=0"]

    @Test("what the publisher published survives an immediate stop of a server that does not wait for flushes by default")
    func publisherCommitsDurably() async throws {
        let server = try PostgresServer.ownForTest("durable", settings: Self.lazyWAL)
        defer { server.remove() }
        let database = try TestDatabase(server, "durable")
        let host = try TestHost("alpha")
        defer { host.remove() }
        try await host.append(30)
        let publisher = try host.publisher(try database.configuration)
        let running = Task { await publisher.run() }
        #expect(await eventually { await database.count() == 30 })
        // Stopped first, so nothing publishes again after the server returns.
        publisher.finish()
        await running.value

        try server.stop(immediate: true)
        try server.start()
        let rows = try database.published()
        let lines = try host.lines()
        #expect(rows.map(\.seq) == Array(1...30))
        #expect(rows.allSatisfy { $0.line == lines[$0.seq] })
        #expect(try server.psql("SELECT position FROM claimwatch.stream", database: database.name) == "30")
    }

    @Test("a follower that read a commit the server lost reads the stream again and hands over the records given its positions")
    func followerNoticesTheStreamGoingBack() async throws {
        let server = try PostgresServer.ownForTest("wentback", settings: Self.lazyWAL)
        defer { server.remove() }
        let database = try TestDatabase(server, "wentback")
        let alpha = try TestHost("alpha"), beta = try TestHost("beta")
        let state = NSTemporaryDirectory() + "cluster-follower-\(UUID().uuidString.prefix(8))"
        defer {
            alpha.remove()
            beta.remove()
            try? FileManager.default.removeItem(atPath: state)
        }
        try FileManager.default.createDirectory(atPath: state + "/articles", withIntermediateDirectories: true)
        let cache = OtherHostsFollower.CacheLocation(path: state + "/other-hosts.bin", texts: state + "/articles")

        // Three records published durably: what the stream goes back to.
        try await alpha.appendMerges(3, note: "kept")
        try await publishAll(alpha, database, expecting: 3)
        let follower = OtherHostsFollower(database: try database.configuration, host: "gamma", logger: TestHost.quiet, cache: cache)
        let delivered = Delivered()
        let following = Task { await follower.run { records, _ in delivered.add(records) } }
        #expect(await eventually { delivered.count == 3 })

        // Two more, committed as a publisher that does not wait for the flush would (an older
        // version's, on this server): the follower reads them, then the server loses them.
        try await alpha.appendMerges(2, note: "lost")
        let connection = try await database.connect()
        let outcome = try await HostPublication(host: "alpha").publish(Array(try alpha.records()[3...]), after: 3, on: connection)
        await connection.close()
        #expect(outcome == .published(lastPosition: 5))
        #expect(await eventually { delivered.count == 5 })
        try server.stop(immediate: true)
        try server.start()
        try #require(try database.published().count == 3, "the server was to lose the last commit: without that, this test shows nothing")

        // beta's records take positions 4 and 5, which the follower read alpha's at.
        try await beta.appendMerges(2, note: "beta")
        try await publishAll(beta, database, expecting: 5)
        #expect(await eventually { delivered.records.filter { $0.host == "beta" }.count == 2 })
        follower.finish()
        await following.value
        let stream = try database.published().filter { $0.position > 0 }
        #expect(delivered.records.suffix(2).map(\.line) == stream.suffix(2).map(\.line))

        // The cache was made anew: a restart hands over what the stream holds now, and only that.
        let restarted = OtherHostsFollower(database: try database.configuration, host: "gamma", logger: TestHost.quiet, cache: cache)
        let again = Delivered()
        let caughtUp = Mutex(false)
        let resumed = Task {
            await restarted.run { records, atHead in
                again.add(records)
                if atHead { caughtUp.withLock { $0 = true } }
            }
        }
        #expect(await eventually { caughtUp.withLock { $0 } })
        restarted.finish()
        await resumed.value
        #expect(again.records.map(\.position) == stream.map(\.position))
        #expect(again.records.map(\.line) == stream.map(\.line))
    }

    private func publishAll(_ host: TestHost, _ database: TestDatabase, expecting count: Int) async throws {
        let publisher = try host.publisher(try database.configuration)
        let running = Task { await publisher.run() }
        #expect(await eventually { await database.count() == count })
        publisher.finish()
        await running.value
    }
}

/// What a follower handed over, in order.
private final class Delivered: Sendable {
    private let state = Mutex<[OtherHostsFollower.Followed]>([])
    func add(_ records: [OtherHostsFollower.Followed]) { state.withLock { $0 += records } }
    var records: [OtherHostsFollower.Followed] { state.withLock { $0 } }
    var count: Int { records.count }
}
