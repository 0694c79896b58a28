public import EventLog
public import SystemPackage

/// What can stop the ingest pipeline itself (a bad input file never does: it is rejected).
public enum IngestError: Error, CustomStringConvertible, Sendable {
    case io(operation: String, path: String, errno: Errno)
    /// The event log refused the records.
    case log(EventLogError)
    case configuration(String)

    public var description: String {
        switch self {
        case let .io(operation, path, code):
            return "\(operation) \(path): \(code) (errno \(code.rawValue))"
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

extension IngestError {
    /// A failed call's `errno` as C gives it, read right after the call.
    public static func io(operation: String, path: String, errno: Int32) -> Self {
        .io(operation: operation, path: path, errno: Errno(rawValue: errno))
    }
}
