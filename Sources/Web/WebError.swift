public import EventLog
public import Store

/// What can go wrong serving the ledger: the one error type of the web face.
public enum WebError: Error, Sendable, CustomStringConvertible {
    /// The settings cannot work (an address that does not parse, a missing token file).
    case configuration(String)
    case store(StoreError)
    case log(EventLogError)
    /// The server could not start or stopped with a failure.
    case server(String)
    /// A request names something the record does not hold (answered 404).
    case notFound(String)
    /// A request that cannot be answered as asked (answered 400).
    case badRequest(String)

    public var description: String {
        switch self {
        case let .configuration(message): "serve: \(message)"
        case let .store(error): error.description
        case let .log(error): "event log: \(error)"
        case let .server(message): "serve: \(message)"
        case let .notFound(message): message
        case let .badRequest(message): message
        }
    }
}
