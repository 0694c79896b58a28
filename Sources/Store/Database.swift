import CSQLite

/// One SQLite connection. Every C call the store makes goes through here or `Statement`,
/// once, and turns a failure into a `StoreError` with SQLite's own message.
///
/// Not thread-safe by itself: one owner at a time (SQLite is built serialized, but the
/// store's transactions assume a single user of the connection).
public final class Database {
    let handle: OpaquePointer

    /// Opens (creating if need be) the database at `path`, in WAL mode with a busy
    /// timeout, so readers never wait for the writer and two writers queue.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws(StoreError) {
        var pointer: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &pointer, flags, nil)
        guard code == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(pointer)
            throw .sqlite(operation: "open \(path)", code: code, message: message)
        }
        handle = pointer
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try execute("PRAGMA journal_mode=WAL")
        // In WAL mode, NORMAL is durable against application crashes; a power loss can
        // drop the newest transactions, which the catch-up from the log restores.
        try execute("PRAGMA synchronous=NORMAL")
        try execute("PRAGMA foreign_keys=OFF")
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs SQL that returns no rows (may hold several statements).
    public func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        if code != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw .sqlite(operation: String(sql.prefix(60)), code: code, message: message)
        }
    }

    /// A prepared statement for this connection.
    public func prepare(_ sql: String) throws(StoreError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    /// `immediate` takes the write lock at once, so a read-then-write cannot race another writer.
    public func transaction<T>(immediate: Bool = true, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Whether the SQLite library was built with FTS5 (Debian's is).
    public var hasFTS5: Bool {
        sqlite3_compileoption_used("ENABLE_FTS5") != 0
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func failure(_ operation: String, _ code: Int32) -> StoreError {
        .sqlite(operation: operation, code: code, message: lastMessage)
    }
}

extension Database {
    /// Rows the last statement inserted, changed or deleted.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid of the last row inserted.
    var lastInsertedRow: Int64 { sqlite3_last_insert_rowid(handle) }
}
