public import EventLog
import Foundation

/// What can stop the ingest pipeline itself (a bad input file never does: it is rejected).
public enum IngestError: Error, CustomStringConvertible, Sendable {
    case io(operation: String, path: String, errno: Int32)
    /// The event log refused the records.
    case log(EventLogError)
    case configuration(String)

    public var description: String {
        switch self {
        case let .io(operation, path, code):
            return "\(operation) \(path): \(String(cString: strerror(code))) (errno \(code))"
        case let .log(error):
            return "event log: \(error)"
        case let .configuration(message):
            return "configuration: \(message)"
        }
    }

    /// The log cannot take records again without being reopened: after a failed
    /// `fdatasync`, or damage found in it. Retrying is pointless; restarting is the cure.
    public var needsRestart: Bool {
        switch self {
        case .log(.writerFailed), .log(.closed), .log(.damaged): true
        default: false
        }
    }
}
