public import SystemPackage

/// Everything that can go wrong in the event log, each with the place it happened.
public enum EventLogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed; `errno` says why.
    case io(operation: String, path: String, errno: Errno)
    /// Another process holds the writer lock.
    case locked(path: String, holder: String?)
    /// A record that is not the torn tail is damaged: the writer refuses to go on.
    case damaged(segment: String, offset: UInt64, reason: String)
    /// A record could not be encoded as JSON.
    case encoding(String)
    /// A record could not be decoded into the requested type.
    case decoding(type: String, seq: UInt64, reason: String)
    /// An earlier I/O failure left the log in a state only a reopen can settle.
    case writerFailed(String)
    /// The writer was closed.
    case closed
    /// A time written on a command line (`--since`, `--until`) that names no time: what
    /// is wrong with it, and the forms that are read.
    case badTime(String)

    public var description: String {
        switch self {
        case let .io(operation, path, code):
            return "\(operation) \(path): \(code) (errno \(code.rawValue))"
        case let .locked(path, holder):
            let who = holder.map { " by \($0)" } ?? ""
            return "the event log is already open for writing\(who) (lock file \(path)); only one writer may run at a time"
        case let .damaged(segment, offset, reason):
            return "damaged record in \(segment) at byte offset \(offset): \(reason); run 'claimwatch verify' and repair by hand — the writer never truncates anything but a torn final record"
        case let .encoding(reason):
            return "cannot encode event: \(reason)"
        case let .decoding(type, seq, reason):
            return "cannot decode event \(seq) of type \(type): \(reason)"
        case let .writerFailed(reason):
            return "the log writer stopped after an I/O failure: \(reason)"
        case .closed:
            return "the log writer is closed"
        case let .badTime(message):
            return message
        }
    }
}

extension EventLogError {
    /// A failed call's `errno` as C gives it, read right after the call.
    public static func io(operation: String, path: String, errno: Int32) -> Self {
        .io(operation: operation, path: path, errno: Errno(rawValue: errno))
    }
}
