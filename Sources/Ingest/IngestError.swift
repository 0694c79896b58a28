import Foundation

/// What can stop the ingest pipeline itself (a bad input file never does: it is rejected).
public enum IngestError: Error, CustomStringConvertible, Sendable {
    case io(operation: String, path: String, errno: Int32)
    case log(String)
    case configuration(String)

    public var description: String {
        switch self {
        case let .io(operation, path, code):
            return "\(operation) \(path): \(String(cString: strerror(code))) (errno \(code))"
        case let .log(message):
            return "event log: \(message)"
        case let .configuration(message):
            return "configuration: \(message)"
        }
    }
}
