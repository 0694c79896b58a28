public import SystemPackage

/// Everything that can go wrong between a host and the shared database, worded for an
/// operator reading the journal: what failed, and what to check.
public enum ClusterStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `postgresql://` address or a setting that goes with it is wrong.
    case address(String)
    /// The server could not be reached, or the connection broke: retrying may help soon.
    case unreachable(String)
    /// The server answered with an error (`sqlState` is PostgreSQL's five-character code).
    case server(sqlState: String, message: String)
    /// The database's records for this host name are not this host's log: another machine
    /// publishes under the same name, or this state folder was started afresh.
    case foreignLog(host: String, detail: String)
    /// The database's schema was made by a newer claimwatch.
    case schemaTooNew(found: Int, known: Int)
    /// The local log could not be read.
    case log(String)
    /// A row did not hold what this version expects.
    case unexpected(String)
    /// The local projection of the stream (a reader's cache) could not be read or written.
    case cache(String)
    /// A system call on a local file failed (the host's cache of the other hosts' records).
    case io(operation: String, path: String, errno: Errno)

    public var description: String {
        switch self {
        case let .address(message):
            "database address: \(message)"
        case let .unreachable(message):
            "database unreachable: \(message)"
        case let .server(state, message):
            "database error \(state): \(message)"
        case let .foreignLog(host, detail):
            "the database's records of host '\(host)' are not this log's: \(detail); give this host a name of its own "
                + "(host-name), or remove that host's records from the database if it was reset on purpose"
        case let .schemaTooNew(found, known):
            "the database's schema is version \(found), newer than this claimwatch's (\(known)): upgrade claimwatch on this host"
        case let .log(message):
            "event log: \(message)"
        case let .unexpected(message):
            "unexpected answer from the database: \(message)"
        case let .cache(message):
            "the stream's local cache: \(message)"
        case let .io(operation, path, code):
            "\(operation) \(path): \(code) (errno \(code.rawValue))"
        }
    }

    /// Retrying soon may help: the server is down, restarting or overloaded, or the
    /// connection broke. Anything else (a refused password, a missing database, another
    /// log under this host's name) needs a person, so retries are spaced out.
    public var isTransient: Bool {
        switch self {
        case .unreachable:
            true
        case let .server(state, _):
            // 08: connection exceptions; 57P01–57P03: shutting down or starting up;
            // 53: out of resources; 40001/40P01: serialization failure, deadlock.
            state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53") || state == "40001" || state == "40P01"
        default:
            false
        }
    }
}

extension ClusterStoreError {
    /// A failed call's `errno` as C gives it, read right after the call.
    static func io(operation: String, path: String, errno: Int32) -> Self {
        .io(operation: operation, path: path, errno: Errno(rawValue: errno))
    }
}
