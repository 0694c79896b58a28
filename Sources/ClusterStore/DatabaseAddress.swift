/// Where the shared database is, read from a `postgresql://` address in the form libpq
/// documents: `postgresql://[user@][host][:port][/database][?param=value&…]`.
///
/// A host that is a path (`?host=/run/postgresql`, or `%2Frun%2Fpostgresql` in the host's
/// place) is the folder of the server's Unix socket; no host at all means the Debian
/// default, `/var/run/postgresql`. A password is never taken from the address: it would
/// be shown wherever the address is (the log's `daemon.started`, `ps`, the journal).
public struct DatabaseAddress: Sendable, Equatable, CustomStringConvertible {
    public enum Endpoint: Sendable, Equatable {
        /// The server's Unix socket is `<directory>/.s.PGSQL.<port>`.
        case socket(directory: String, port: Int)
        case tcp(host: String, port: Int)
    }

    /// libpq's `sslmode`, with its meanings: `prefer` and `require` encrypt without checking
    /// who answers; `verify-ca` checks the certificate's chain, `verify-full` its name too.
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable
        case prefer
        case require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var endpoint: Endpoint
    /// The role to log in as; nil means the operating-system user, as libpq does.
    public var user: String?
    /// nil means the server's default: a database named after the role.
    public var database: String?
    /// Ignored on a Unix socket, which PostgreSQL never encrypts.
    public var tls: TLSMode
    /// PEM file of the certificates to trust for `verify-ca` and `verify-full`; the
    /// system's trust store when nil.
    public var rootCertificates: String?
    public var connectTimeout: Duration
    /// The address as given.
    public let text: String

    public static let defaultSocketDirectory = "/var/run/postgresql"
    public static let defaultPort = 5432

    public var description: String { text }

    /// The socket's path, for a Unix-socket endpoint.
    public var socketPath: String? {
        guard case let .socket(directory, port) = endpoint else { return nil }
        return (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + "/.s.PGSQL.\(port)"
    }

    init(endpoint: Endpoint, user: String?, database: String?, tls: TLSMode, rootCertificates: String?,
         connectTimeout: Duration, text: String) {
        self.endpoint = endpoint
        self.user = user
        self.database = database
        self.tls = tls
        self.rootCertificates = rootCertificates
        self.connectTimeout = connectTimeout
        self.text = text
    }
}
