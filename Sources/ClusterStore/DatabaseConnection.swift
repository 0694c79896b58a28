public import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import Synchronization

/// One connection to the shared database. Every PostgresNIO error is turned into a
/// `ClusterStoreError` here, so nothing above this type sees the driver.
public final class DatabaseConnection: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    private static let serial = Atomic<Int>(0)

    private init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Connects and logs in; fails after the address's `connect_timeout`.
    public static func open(_ configuration: DatabaseConfiguration, logger: Logger) async throws(ClusterStoreError) -> DatabaseConnection {
        try await open(configuration, logger: logger, on: PostgresConnection.defaultEventLoopGroup.any())
    }

    /// Connects on `eventLoop`, where the connection's I/O then runs.
    static func open(_ configuration: DatabaseConfiguration, logger: Logger,
                     on eventLoop: any EventLoop) async throws(ClusterStoreError) -> DatabaseConnection {
        let address = configuration.address
        var postgres: PostgresConnection.Configuration
        switch address.endpoint {
        case .socket:
            postgres = .init(unixSocketPath: address.socketPath ?? "", username: configuration.user,
                             password: configuration.password, database: address.database)
        case let .tcp(host, port):
            postgres = .init(host: host, port: port, username: configuration.user, password: configuration.password,
                             database: address.database, tls: try tls(for: address))
        }
        let timeout = address.connectTimeout.components
        postgres.options.connectTimeout = .milliseconds(timeout.seconds * 1000 + timeout.attoseconds / 1_000_000_000_000_000)
        postgres.options.additionalStartupParameters = [("application_name", configuration.applicationName)]
        let id = serial.wrappingAdd(1, ordering: .relaxed).newValue
        do {
            let connection = try await PostgresConnection.connect(on: eventLoop, configuration: postgres, id: id, logger: logger)
            return DatabaseConnection(connection: connection, logger: logger)
        } catch {
            throw ClusterStoreError(translating: error)
        }
    }

    /// libpq's `sslmode` in NIOSSL's terms.
    private static func tls(for address: DatabaseAddress) throws(ClusterStoreError) -> PostgresConnection.Configuration.TLS {
        guard address.tls != .disable else { return .disable }
        var tls = TLSConfiguration.makeClientConfiguration()
        switch address.tls {
        case .disable, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let roots = address.rootCertificates { tls.trustRoots = .file(roots) }
        do {
            let context = try NIOSSLContext(configuration: tls)
            return address.tls == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw .address("cannot set up TLS (sslrootcert \(address.rootCertificates ?? "none")): \(error)")
        }
    }

    public func close() async {
        // Closing a connection the server already broke off was seen never to return.
        guard !connection.isClosed else { return }
        try? await connection.close()
    }

    public var isClosed: Bool { connection.isClosed }

    /// Runs a statement and collects its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws(ClusterStoreError) -> [PostgresRow] {
        // A query sent on a connection the server already broke off was seen never to be
        // answered, neither rows nor an error.
        guard !connection.isClosed else { throw .unreachable("the server closed the connection") }
        do {
            return try await connection.query(query, logger: logger).collect()
        } catch {
            throw ClusterStoreError(translating: error)
        }
    }

    /// Runs `body` between BEGIN and COMMIT, rolling back when it throws. A COMMIT whose
    /// answer never came leaves the outcome unknown: callers read back what they need.
    func transaction<Value: Sendable>(
        _ body: (DatabaseConnection) async throws(ClusterStoreError) -> Value
    ) async throws(ClusterStoreError) -> Value {
        try await rows("BEGIN")
        let value: Value
        do {
            value = try await body(self)
        } catch {
            _ = try? await rows("ROLLBACK")
            throw error
        }
        try await rows("COMMIT")
        return value
    }

    /// Runs `body` with notifications of `channel` arriving on `notifications`, and stops
    /// listening when it returns.
    func listening<Value: Sendable>(
        on channel: String,
        _ body: (PostgresNotificationSequence) async throws(ClusterStoreError) -> Value
    ) async throws(ClusterStoreError) -> Value {
        do {
            return try await connection.listen(on: channel) { notifications in
                try await body(notifications)
            }
        } catch let error as ClusterStoreError {
            throw error
        } catch {
            throw ClusterStoreError(translating: error)
        }
    }
}
