import Foundation

/// How to reach and log in to the shared database. The password comes from a file or the
/// environment (read by the executables), never from the address.
public struct DatabaseConfiguration: Sendable, Equatable {
    public var address: DatabaseAddress
    public var password: String?
    /// Shown in `pg_stat_activity`, so a database administrator sees which host is which.
    public var applicationName: String

    public init(address: DatabaseAddress, password: String? = nil, applicationName: String = "claimwatch") {
        self.address = address
        self.password = password
        self.applicationName = applicationName
    }

    /// The role to log in as: the address's, else the operating-system user's name, as
    /// libpq does (peer authentication on a Unix socket expects exactly that).
    public var user: String {
        if let user = address.user { return user }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }

    /// A password file's text: its first line, as `.pgpass`-style tools write it.
    public static func password(fromFile path: String) throws(ClusterStoreError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .address("cannot read the password file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .address("the password file \(path) is not UTF-8 text") }
        // "\r\n" is one Character in Swift, so the line ends at any newline, whichever kind.
        let password = String(text.prefix { !$0.isNewline })
        guard !password.isEmpty else { throw .address("the password file \(path) is empty") }
        return password
    }

    /// The configuration for an address as the executables take it: the password from
    /// `passwordFile` when given, else `$CLAIMWATCH_DATABASE_PASSWORD`, else libpq's
    /// `$PGPASSWORD` (so an existing setup works unchanged), else none.
    public static func resolve(address text: String, passwordFile: String?, environment: [String: String],
                               applicationName: String) throws(ClusterStoreError) -> DatabaseConfiguration {
        let address = try DatabaseAddress(parsing: text)
        let password = if let passwordFile {
            try password(fromFile: passwordFile)
        } else {
            environment["CLAIMWATCH_DATABASE_PASSWORD"] ?? environment["PGPASSWORD"]
        }
        return DatabaseConfiguration(address: address, password: password, applicationName: applicationName)
    }
}
