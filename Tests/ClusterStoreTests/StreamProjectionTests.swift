import ClusterStore
import EventLog
import Foundation
import PostgresTestSupport
import Store
import Testing

/// A reader's local projection of the cluster's stream: built from every host's records in
/// stream order, caught up with only what is new, and built again for another database.
@Suite struct StreamProjectionTests {
    /// Publishes `count` new records of `host` and waits until they are in the stream.
    private func publish(_ host: TestHost, _ count: Int, into database: TestDatabase, note: String) async throws {
        let before = try host.lines().count
        try await host.append(count, note: note)
        let publisher = try host.publisher(try database.configuration)
        let running = Task { await publisher.run() }
        _ = await eventually { publisher.status.publishedSeq == UInt64(before + count) }
        publisher.finish()
        await running.value
    }

    private func cacheFolder(_ label: String) -> String {
        NSTemporaryDirectory() + "clusterq-projection-\(label)-\(UUID().uuidString.prefix(8))"
    }

    @Test("the first catch-up applies the whole stream in its order; the next applies only what is new")
    func catchesUpIncrementally() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "projection")
        let hosts = [try TestHost("alpha"), try TestHost("beta")]
        let folder = cacheFolder("incremental")
        defer {
            hosts.forEach { $0.remove() }
            try? FileManager.default.removeItem(atPath: folder)
        }
        for host in hosts { try await publish(host, 12, into: database, note: host.name) }

        let connection = try await database.connect()
        defer { Task { await connection.close() } }
        let projection = StreamProjection(connection: connection, batchSize: 5)
        let store = try StreamCache.open(folder: folder)
        #expect(try await projection.catchUp(store) == 24)
        #expect(try await projection.catchUp(store) == 0)
        #expect(try store.lastSeq() == 24)
        // Every record kept in stream order, its seq the stream position, its line the host's.
        let published = try database.published()
        let kept = try store.keptRecords(types: ["watch.rescan", "file.rejected", "daemon.stopped"])
        #expect(kept.map(\.seq) == published.map { UInt64($0.position) })
        #expect(kept.map(\.json) == published.map(\.line))

        try await publish(hosts[1], 6, into: database, note: "later")
        // A store opened again from its folder carries on where it stopped.
        let reopened = try StreamCache.open(folder: folder)
        #expect(try await projection.catchUp(reopened) == 6)
        #expect(try reopened.lastSeq() == 30)
        let origins = try reopened.streamOrigins([30])
        #expect(origins[30]?.host == "beta")
        #expect(origins[30]?.seq == 18)
    }

    @Test("a cache of a database that was dropped and made again under its name is rebuilt from the new stream")
    func recreatedDatabaseRebuilds() async throws {
        let server = try PostgresServer.forTest()
        let database = try TestDatabase(server, "recreate")
        let first = try TestHost("first")
        let folder = cacheFolder("recreate")
        defer {
            first.remove()
            try? FileManager.default.removeItem(atPath: folder)
        }
        try await publish(first, 20, into: database, note: "old")
        let store = try StreamCache.open(folder: folder)
        let connection = try await database.connect()
        #expect(try await StreamProjection(connection: connection).catchUp(store) == 20)
        await connection.close()

        try server.psql("DROP DATABASE \(database.name)", database: "postgres")
        try server.psql("CREATE DATABASE \(database.name)", database: "postgres")
        // A new stream as long as the old one and longer: only its identity tells them apart.
        let second = try TestHost("second")
        defer { second.remove() }
        try await publish(second, 25, into: database, note: "new")
        let again = try await database.connect()
        defer { Task { await again.close() } }
        #expect(try await StreamProjection(connection: again).catchUp(store) == 25)
        let kept = try store.keptRecords(types: ["watch.rescan", "file.rejected", "daemon.stopped"])
        let lines = try database.published().map(\.line)
        #expect(kept.map(\.json) == lines)
    }

    @Test("a store ahead of its stream (records removed from the database) is rebuilt, not left ahead")
    func aheadOfStreamRebuilds() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "ahead")
        let host = try TestHost("solo")
        let folder = cacheFolder("ahead")
        defer {
            host.remove()
            try? FileManager.default.removeItem(atPath: folder)
        }
        try await publish(host, 15, into: database, note: "a")
        let connection = try await database.connect()
        defer { Task { await connection.close() } }
        let store = try StreamCache.open(folder: folder)
        #expect(try await StreamProjection(connection: connection).catchUp(store) == 15)
        try database.server.psql("DELETE FROM claimwatch.events WHERE position > 9; UPDATE claimwatch.stream SET position = 9",
                                 database: database.name)
        #expect(try await StreamProjection(connection: connection).catchUp(store) == 9)
        #expect(try store.lastSeq() == 9)
    }

    @Test("the cache folder is named by a digest of where the database is, never by the address or a password")
    func cacheFolderName() throws {
        let address = try DatabaseAddress(parsing: "postgresql://reader@db.example:5433/ledger?sslmode=require")
        let withPassword = DatabaseConfiguration(address: address, password: "s3cret-pass")
        let without = DatabaseConfiguration(address: address)
        let folder = StreamCache.folder(for: withPassword, environment: ["HOME": "/home/ana", "XDG_CACHE_HOME": "/var/cache/ana"])
        #expect(folder == StreamCache.folder(for: without, environment: ["XDG_CACHE_HOME": "/var/cache/ana"]))
        #expect(folder.hasPrefix("/var/cache/ana/claimwatch/"))
        #expect(!folder.contains("s3cret") && !folder.contains("reader") && !folder.contains("db.example"))
        #expect(StreamCache.folder(for: without, environment: ["HOME": "/home/ana"]).hasPrefix("/home/ana/.cache/claimwatch/"))
        let other = DatabaseConfiguration(address: try DatabaseAddress(parsing: "postgresql://reader@db.example:5433/other"))
        #expect(StreamCache.digest(of: other) != StreamCache.digest(of: without))
    }
}
