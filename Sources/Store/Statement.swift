import CSQLite

/// A prepared statement: bind by position (from 1), step, read columns (from 0).
/// Reused across rows with `reset`, which is what makes a batch of inserts cheap.
public final class Statement {
    private let database: Database
    private let handle: OpaquePointer
    private let sql: String

    init(database: Database, sql: String) throws(StoreError) {
        var pointer: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard code == SQLITE_OK, let pointer else { throw database.failure("prepare \(sql.prefix(60))", code) }
        self.database = database
        handle = pointer
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds values to the parameters in order, after clearing the last run's state.
    @discardableResult
    public func bind(_ values: [SQLValue]) throws(StoreError) -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let position = Int32(offset + 1)
            let code: Int32 = switch value {
            case .null: sqlite3_bind_null(handle, position)
            case let .integer(number): sqlite3_bind_int64(handle, position, number)
            case let .real(number): sqlite3_bind_double(handle, position, number)
            case let .text(text): sqlite3_bind_text(handle, position, text, -1, claimwatch_sqlite_transient())
            case let .blob(bytes):
                bytes.withUnsafeBytes { buffer in
                    // A zero-length blob still needs a non-null pointer, or SQLite stores NULL.
                    sqlite3_bind_blob(handle, position, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count),
                                      claimwatch_sqlite_transient())
                }
            }
            guard code == SQLITE_OK else { throw database.failure("bind \(position) in \(sql.prefix(60))", code) }
        }
        return self
    }

    /// Runs a statement that returns no rows.
    public func run(_ values: [SQLValue] = []) throws(StoreError) {
        try bind(values)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw database.failure(String(sql.prefix(60)), code) }
    }

    /// Steps to the next row; false when there is none.
    public func step() throws(StoreError) -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw database.failure(String(sql.prefix(60)), code) }
        return false
    }

    /// Every row of a query, each read by `row`.
    public func rows<T>(_ values: [SQLValue] = [], _ row: (Statement) -> T) throws(StoreError) -> [T] {
        try bind(values)
        var result: [T] = []
        while try step() { result.append(row(self)) }
        return result
    }

    /// The column as text, nil when NULL. Read with its byte length, which SQLite knows:
    /// no scan for the terminating zero (a figures view reads hundreds of thousands).
    public func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column's bytes where SQLite holds them (a blob, or text as UTF-8), for `body` to
    /// read before the next step; nil when NULL.
    public func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        // Blob first, then its length, as SQLite asks (the other order can free the bytes).
        guard let pointer = sqlite3_column_blob(handle, column) else {
            return sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let count = Int(sqlite3_column_bytes(handle, column))
        return body(UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: count))
    }

    public func integer(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    public func real(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }
}

/// A value bound to a statement parameter.
public enum SQLValue: Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    public static func real(_ value: Double?) -> SQLValue { value.map { .real($0) } ?? .null }
    public static func integer(_ value: Int) -> SQLValue { .integer(Int64(value)) }
}
