import ClusterStore
import Foundation
import PostgresTestSupport
import Testing

@Suite struct ConnectionTests {
    @Test("over TCP with the password from a file the server lets the role in; without it, or with a wrong one, it refuses for good")
    func tcpPassword() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "tcp")
        let address = try DatabaseAddress(parsing: database.server.tcpAddress(database.name))
        let password = try DatabaseConfiguration.password(fromFile: database.server.passwordFile)
        let connection = try await DatabaseConnection.open(DatabaseConfiguration(address: address, password: password),
                                                           logger: TestHost.quiet)
        try await SchemaMigrator.migrate(connection)
        await connection.close()

        for wrong in [nil, "not-the-password"] {
            do {
                let refused = try await DatabaseConnection.open(DatabaseConfiguration(address: address, password: wrong),
                                                                logger: TestHost.quiet)
                await refused.close()
                Issue.record("logged in with password \(wrong ?? "(none)")")
            } catch {
                #expect(!error.isTransient, "\(error)")
            }
        }
    }

    @Test("nothing listening is unreachable, a transient failure retried soon")
    func unreachable() async throws {
        let address = try DatabaseAddress(parsing: "postgresql://claimwatch@127.0.0.1:1/none?sslmode=disable")
        do {
            let connection = try await DatabaseConnection.open(DatabaseConfiguration(address: address), logger: TestHost.quiet)
            await connection.close()
            Issue.record("connected to port 1")
        } catch {
            #expect(error.isTransient, "\(error)")
            #expect("\(error)".hasPrefix("database unreachable"))
        }
    }

    @Test("a missing database is a refusal that names the server's reason")
    func missingDatabase() async throws {
        let server = try PostgresServer.forTest()
        let address = try DatabaseAddress(parsing: server.socketAddress("no_such_database"))
        do {
            let connection = try await DatabaseConnection.open(DatabaseConfiguration(address: address), logger: TestHost.quiet)
            await connection.close()
            Issue.record("connected to a missing database")
        } catch {
            #expect(!error.isTransient)
            #expect("\(error)".contains("3D000"), "\(error)")
            #expect("\(error)".contains("no_such_database"), "\(error)")
        }
    }

    @Test("a password file's first line is the password; an empty or missing file is refused")
    func passwordFiles() throws {
        let folder = NSTemporaryDirectory() + "cluster-password-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "pa ss#word\r\nsecond line\n".write(toFile: folder + "/pw", atomically: true, encoding: .utf8)
        #expect(try DatabaseConfiguration.password(fromFile: folder + "/pw") == "pa ss#word")
        try "\n".write(toFile: folder + "/empty", atomically: true, encoding: .utf8)
        #expect(throws: ClusterStoreError.self) { try DatabaseConfiguration.password(fromFile: folder + "/empty") }
        #expect(throws: ClusterStoreError.self) { try DatabaseConfiguration.password(fromFile: folder + "/missing") }
    }
}
