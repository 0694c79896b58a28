import PostgresNIO

extension ClusterStoreError {
    /// The driver's errors in words an operator can act on. PostgresNIO's own descriptions
    /// are deliberately generic; what happened is in the code, the server's fields and the
    /// underlying error.
    init(translating error: any Error) {
        switch error {
        case let error as ClusterStoreError:
            self = error
        case let error as PSQLError:
            self = Self.translating(error)
        case let error as PostgresTransactionError:
            let cause = error.beginError ?? error.closureError ?? error.commitError ?? error.rollbackError
            self = cause.map { ClusterStoreError(translating: $0) } ?? .unexpected("a transaction failed")
        case let error as PostgresDecodingError:
            self = .unexpected(String(reflecting: error))
        case is CancellationError:
            self = .unreachable("cancelled")
        default:
            // NIO's connect and I/O errors: refused, unreachable, timed out.
            self = .unreachable(String(describing: error))
        }
    }

    private static func translating(_ error: PSQLError) -> ClusterStoreError {
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? "?????"
            var message = error.serverInfo?[.message] ?? "no message"
            if let detail = error.serverInfo?[.detail] { message += " (\(detail))" }
            return .server(sqlState: state, message: message)
        case .connectionError:
            return .unreachable(error.underlying.map { String(describing: $0) } ?? "the connection failed")
        case .serverClosedConnection, .uncleanShutdown:
            return .unreachable("the server closed the connection"
                                + (error.underlying.map { " (\(String(describing: $0)))" } ?? ""))
        case .clientClosedConnection:
            return .unreachable("the connection was closed")
        case .queryCancelled:
            return .unreachable("the query was cancelled")
        case .sslUnsupported:
            return .address("the server does not offer TLS, which sslmode asks for")
        case .authMechanismRequiresPassword:
            return .address("the server asks for a password: give one in a password file or the environment")
        case .unsupportedAuthMechanism:
            return .address("the server asks for an authentication method this client does not speak")
        case .saslError:
            return .server(sqlState: "28P01", message: "SCRAM authentication failed"
                           + (error.underlying.map { ": \(String(describing: $0))" } ?? ""))
        default:
            return .unexpected(String(reflecting: error))
        }
    }
}
