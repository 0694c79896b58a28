public import SystemPackage

/// Everything that can go wrong in the daemon library, with the cause, worded so an operator
/// reading the journal knows what happened and what to check.
public enum DaemonError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `$NOTIFY_SOCKET` is neither an absolute path nor `@name` (an abstract socket); newer
    /// systemd versions also hand out `vsock:` addresses, which this daemon does not speak.
    case notifySocketUnsupported(address: String)
    /// `$NOTIFY_SOCKET` does not fit in `sockaddr_un.sun_path`.
    case notifySocketTooLong(address: String, limit: Int)
    /// The datagram socket for talking to systemd could not be created.
    case notifySocketUnavailable(errno: Errno)
    /// systemd's notify socket did not take the message.
    case notifySendFailed(address: String, errno: Errno)
    /// A setting in the configuration file, environment or flags is wrong.
    case configuration(String)
    /// The daemon could not start (or go on): the log, the state folder or the drop folder.
    case startup(String)

    public var description: String {
        switch self {
        case .notifySocketUnsupported(let address):
            "cannot notify systemd: NOTIFY_SOCKET=\(address) is neither an absolute path nor an abstract @name"
        case .notifySocketTooLong(let address, let limit):
            "cannot notify systemd: NOTIFY_SOCKET=\(address) is longer than the \(limit) bytes a Unix socket address holds"
        case .notifySocketUnavailable(let code):
            "cannot notify systemd: creating a datagram socket failed: \(Self.explain(code))"
        case .notifySendFailed(let address, let code):
            "cannot notify systemd through \(address): \(Self.explain(code))"
        case .configuration(let message):
            "configuration: \(message)"
        case .startup(let message):
            message
        }
    }

    /// The message without its prefix, for wrapping in a more specific one.
    public var detail: String {
        if case .configuration(let message) = self { return message }
        return description
    }

    /// "No such file or directory (errno 2)": the words for people, the number for searches.
    static func explain(_ code: Errno) -> String {
        "\(code) (errno \(code.rawValue))"
    }
}

extension DaemonError {
    /// The same, from `errno` as C gives it, read right after the call.
    public static func notifySocketUnavailable(errno: Int32) -> Self {
        .notifySocketUnavailable(errno: Errno(rawValue: errno))
    }

    public static func notifySendFailed(address: String, errno: Int32) -> Self {
        .notifySendFailed(address: address, errno: Errno(rawValue: errno))
    }
}
