import ClusterStore
import Foundation
import PostgresTestSupport
import Testing

@Suite struct SchemaMigrationTests {
    @Test("a new database is brought to the latest version once; running again changes nothing")
    func migratesOnce() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "migrate")
        let connection = try await database.connect()
        let first = try await SchemaMigrator.migrate(connection)
        #expect(first.from == 0)
        #expect(first.to == SchemaMigrator.latest)
        let second = try await SchemaMigrator.migrate(connection)
        #expect(second.from == SchemaMigrator.latest)
        await connection.close()
        #expect(try database.server.psql("SELECT count(*) FROM claimwatch.schema_migrations", database: database.name)
            == "\(SchemaMigrator.latest)")
    }

    @Test("hosts starting at once migrate in turn, and all of them succeed")
    func concurrentMigrations() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "concurrent")
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let connection = try await database.connect()
                    defer { Task { await connection.close() } }
                    return try await SchemaMigrator.migrate(connection).to
                }
            }
            for try await version in group { #expect(version == SchemaMigrator.latest) }
        }
        #expect(try database.server.psql("SELECT position FROM claimwatch.stream", database: database.name) == "0")
    }

    @Test("the schema survives a server crash right after it was made, from a session that does not wait for flushes")
    func migrationIsDurable() async throws {
        // The tests' servers run with synchronous_commit off, as the reserver's session does,
        // and this one's wal writer waits 10 s: a commit nobody flushed is still in the
        // server's memory when the crash comes.
        let server = try PostgresServer.ownForTest("migrate-crash", settings: ["wal_writer_delay=10000"])
        defer { server.remove() }
        let database = try TestDatabase(server, "durable")
        let connection = try await database.connect()
        try await SchemaMigrator.migrate(connection)
        await connection.close()
        try server.stop(immediate: true)
        try server.start()
        #expect(try server.psql("SELECT coalesce(max(version), 0) FROM claimwatch.schema_migrations", database: database.name)
            == "\(SchemaMigrator.latest)")
    }

    @Test("a schema made by a newer claimwatch is refused, not written in a shape this one does not know")
    func refusesNewerSchema() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "newer")
        let connection = try await database.connect()
        try await SchemaMigrator.migrate(connection)
        try database.server.psql("INSERT INTO claimwatch.schema_migrations (version, summary) VALUES (999, 'future')", database: database.name)
        await #expect(throws: ClusterStoreError.schemaTooNew(found: 999, known: SchemaMigrator.latest)) {
            try await SchemaMigrator.migrate(connection)
        }
        await connection.close()
    }
}
