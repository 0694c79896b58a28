import Foundation
import Synchronization

/// A real PostgreSQL server of the tests' own: `initdb` and `pg_ctl` into a temporary
/// folder, listening on a Unix socket in that folder and on 127.0.0.1 only, with a role
/// `claimwatch` that logs in without a password on the socket and with one over TCP.
///
/// PostgreSQL refuses to run as root; as root (CI) the server runs as Debian's `postgres`
/// user through `runuser`. A watcher process stops the server and removes its folder
/// when the test process ends, however it ends.
public final class PostgresServer: Sendable {
    public let folder: String
    public let port: Int
    public var password: String { Self.testPassword }
    static let testPassword = "cluster-test-password"
    /// The role's password in a file, for the password-file settings.
    public var passwordFile: String { folder + "/password" }
    var data: String { folder + "/data" }
    let tools: PostgresTools
    /// Server settings (`name=value`) beyond the tests' own, for a server of a test's own.
    let settings: [String]

    init(folder: String, port: Int, tools: PostgresTools, settings: [String] = []) {
        self.folder = folder
        self.port = port
        self.tools = tools
        self.settings = settings
    }

    /// The server every suite shares, started on first use. Each test makes its own
    /// database on it (`makeDatabase`).
    public static func shared() throws(PostgresUnavailable) -> PostgresServer {
        try sharedServer.withLock { slot throws(PostgresUnavailable) in
            if let result = slot { return try result.get() }
            let result = Result { () throws(PostgresUnavailable) in try start(label: "shared") }
            slot = result
            return try result.get()
        }
    }

    private static let sharedServer = Mutex<Result<PostgresServer, PostgresUnavailable>?>(nil)

    /// A server of its own, for a test that stops and starts it; `remove()` ends it.
    /// `settings` (`name=value`) are added to the tests' own at every start.
    public static func start(label: String, settings: [String] = []) throws(PostgresUnavailable) -> PostgresServer {
        let tools = try PostgresTools.find()
        let folder = try tools.makeFolder(label: label)
        try tools.initialize(folder: folder)
        var lastFailure = ""
        for _ in 0..<3 {
            let server = PostgresServer(folder: folder, port: PostgresTools.freePort(), tools: tools, settings: settings)
            do throws(PostgresUnavailable) {
                try server.start()
                tools.reapWhenTestsEnd(server)
                return server
            } catch {
                lastFailure = error.description
            }
        }
        throw PostgresUnavailable("the server did not start: \(lastFailure)")
    }

    /// `pg_ctl start`, waiting until it takes connections.
    public func start() throws(PostgresUnavailable) {
        let options = "-c listen_addresses=127.0.0.1 -c port=\(port) -c unix_socket_directories=\(folder) "
            + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=16MB"
            + settings.map { " -c \($0)" }.joined()
        try tools.run(asServer: true, tools.binary("pg_ctl"), ["-D", data, "-l", folder + "/server.log", "-w", "-t", "120", "-o", options, "start"])
    }

    /// `pg_ctl stop`: `immediate` is a crash as far as clients can tell.
    public func stop(immediate: Bool = false) throws(PostgresUnavailable) {
        try tools.run(asServer: true, tools.binary("pg_ctl"), ["-D", data, "-w", "-m", immediate ? "immediate" : "fast", "stop"])
    }

    /// Stops the server and deletes its folder.
    public func remove() {
        try? stop(immediate: true)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A new empty database with a name of its own.
    public func makeDatabase(_ label: String) throws(PostgresUnavailable) -> String {
        let name = "t_" + label.lowercased().filter { $0.isLetter || $0.isNumber } + "_" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        _ = try psql("CREATE DATABASE \(name)", database: "postgres")
        return name
    }

    /// The address of `database` through the Unix socket (no password needed there).
    public func socketAddress(_ database: String) -> String {
        "postgresql://claimwatch@/\(database)?host=\(folder)&port=\(port)"
    }

    /// The address of `database` over TCP on 127.0.0.1 (the password is needed there).
    public func tcpAddress(_ database: String) -> String {
        "postgresql://claimwatch@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Runs SQL through psql on the socket and returns its unaligned, tuples-only output.
    @discardableResult
    public func psql(_ sql: String, database: String) throws(PostgresUnavailable) -> String {
        try tools.run(asServer: false, tools.binary("psql"),
                      ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", "\(port)", "-U", "claimwatch", "-d", database, "-c", sql])
    }
}

/// Why the tests' PostgreSQL is not there.
public struct PostgresUnavailable: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }

    /// Set (`CLAIMWATCH_REQUIRE_POSTGRES=1`, as CI does) to make a missing PostgreSQL a
    /// failure instead of a skip.
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["CLAIMWATCH_REQUIRE_POSTGRES"] == "1" }
}
