/// Everything that can go wrong in the query store, each with what was being done.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// SQLite refused a call: its result code and message.
    case sqlite(operation: String, code: Int32, message: String)
    /// The log could not be read while catching up.
    case log(String)
    /// A row the store wrote cannot be read back: the file was changed outside the program.
    case damaged(String)

    public var description: String {
        switch self {
        case let .sqlite(operation, code, message):
            return "query store: \(operation): \(message) (SQLite code \(code))"
        case let .log(reason):
            return "query store: reading the log: \(reason)"
        case let .damaged(what):
            return "query store: \(what) is damaged; `claimwatch reindex` rebuilds the store from the log"
        }
    }

    /// Another connection holds the database past the busy timeout.
    public var isBusy: Bool {
        if case let .sqlite(_, code, _) = self { return code & 0xFF == 5 || code & 0xFF == 6 }
        return false
    }
}
