import PostgresNIO

/// Reads the stream of every host's records from the shared database, in the one order
/// publishing gives them, and follows it as hosts publish (LISTEN/NOTIFY wakes it; the
/// position it reached is its cursor, so a reader that reconnects resumes exactly there).
public struct EventStream: Sendable {
    let connection: DatabaseConnection

    public init(connection: DatabaseConnection) {
        self.connection = connection
    }

    /// Fails with a clear message when no host ever published to this database, or a newer
    /// claimwatch made its schema.
    public func check() async throws(ClusterStoreError) {
        let rows = try await connection.rows("SELECT to_regclass('claimwatch.events') IS NOT NULL")
        let exists = try rows.first.map { row throws(ClusterStoreError) in try Self.decode(row, as: Bool.self) } ?? false
        guard exists else {
            throw .unexpected("this database holds no claimwatch stream: no claimwatchd has published to it yet")
        }
        let version = try await SchemaMigrator.currentVersion(connection)
        guard version <= SchemaMigrator.latest else { throw .schemaTooNew(found: version, known: SchemaMigrator.latest) }
    }

    /// The position of the last record published: every record up to it is committed.
    public func head() async throws(ClusterStoreError) -> Int64 {
        let rows = try await connection.rows("SELECT position FROM claimwatch.stream")
        return try rows.first.map { row throws(ClusterStoreError) in try Self.decode(row, as: Int64.self) } ?? 0
    }

    /// The last `count` records that pass `filter`, oldest first.
    public func last(_ count: Int, filter: StreamFilter) async throws(ClusterStoreError) -> [StreamRecord] {
        var query = StreamQuery(filter: filter)
        let limit = query.bind(Int64(count))
        return try await records(query, order: "DESC", limit: limit).reversed()
    }

    /// The records that pass `filter` in (`after`, `through`], oldest first, at most `limit`.
    public func records(after: Int64, through: Int64, filter: StreamFilter, limit: Int) async throws(ClusterStoreError) -> [StreamRecord] {
        var query = StreamQuery(filter: filter)
        query.conditions.append("position > \(query.bind(after))")
        query.conditions.append("position <= \(query.bind(through))")
        let limit = query.bind(Int64(limit))
        return try await records(query, order: "ASC", limit: limit)
    }

    /// The position just before the first record at or after `time`, for a reader starting there.
    public func position(before time: String) async throws(ClusterStoreError) -> Int64 {
        let rows = try await connection.rows("""
            SELECT coalesce(min(position) - 1, (SELECT position FROM claimwatch.stream))
            FROM claimwatch.events WHERE time >= \(time)::timestamptz
            """)
        return try rows.first.map { row throws(ClusterStoreError) in try Self.decode(row, as: Int64.self) } ?? 0
    }

    /// Whether any record's type is `type` or lies in its family (`type.*`).
    public func holds(type: String) async throws(ClusterStoreError) -> Bool {
        let rows = try await connection.rows("""
            SELECT EXISTS (SELECT 1 FROM claimwatch.events WHERE type = \(type) OR starts_with(type, \(type + ".")))
            """)
        return try rows.first.map { row throws(ClusterStoreError) in try Self.decode(row, as: Bool.self) } ?? false
    }

    /// Hands every record after `position` that passes `filter` to `deliver`, then each new
    /// one as hosts publish, until the task is cancelled or the connection fails. `deliver`
    /// gets records in stream order, each once; `reached` is told the position read through
    /// (past records the filter leaves out too), which is where a reader resumes.
    public func follow(after position: Int64, filter: StreamFilter,
                       deliver: (StreamRecord) throws(ClusterStoreError) -> Void,
                       reached: (Int64) -> Void) async throws(ClusterStoreError) {
        try await connection.listening(on: HostPublication.channel) { notifications throws(ClusterStoreError) in
            var cursor = position
            var iterator = notifications.makeAsyncIterator()
            while true {
                // Positions are committed in order, so everything up to the head is there to read.
                let head = try await head()
                while cursor < head {
                    let batch = try await records(after: cursor, through: head, filter: filter, limit: 1_000)
                    for record in batch { try deliver(record) }
                    cursor = batch.count < 1_000 ? head : batch[batch.count - 1].position
                }
                reached(cursor)
                do {
                    guard try await iterator.next() != nil else { throw ClusterStoreError.unreachable("the notifications ended") }
                } catch {
                    throw ClusterStoreError(translating: error)
                }
            }
        }
    }

    private func records(_ query: StreamQuery, order: String, limit: String) async throws(ClusterStoreError) -> [StreamRecord] {
        let sql = "SELECT position, host, seq, type, line FROM claimwatch.events"
            + (query.conditions.isEmpty ? "" : " WHERE " + query.conditions.joined(separator: " AND "))
            + " ORDER BY position \(order) LIMIT \(limit)"
        let rows = try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: query.binds))
        var records: [StreamRecord] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            let (position, host, seq, type, line) = try Self.decode(row, as: (Int64, String, Int64, String, String).self)
            records.append(StreamRecord(position: position, host: host, seq: UInt64(max(0, seq)), type: type, line: line))
        }
        return records
    }

    static func decode<Value: PostgresDecodable>(_ row: PostgresRow, as: Value.Type) throws(ClusterStoreError) -> Value {
        do {
            return try row.decode(Value.self)
        } catch {
            throw ClusterStoreError(translating: error)
        }
    }

    static func decode<each Column: PostgresDecodable>(
        _ row: PostgresRow, as: (repeat each Column).Type
    ) throws(ClusterStoreError) -> (repeat each Column) {
        do {
            return try row.decode((repeat each Column).self)
        } catch {
            throw ClusterStoreError(translating: error)
        }
    }
}

/// A stream query's conditions and their bound values, built from a filter.
struct StreamQuery {
    var conditions: [String] = []
    var binds = PostgresBindings()

    init(filter: StreamFilter) {
        if !filter.types.isEmpty {
            let types = bind(filter.types)
            conditions.append("EXISTS (SELECT 1 FROM unnest(\(types)::text[]) AS wanted(t) WHERE type = t OR starts_with(type, t || '.'))")
        }
        if !filter.hosts.isEmpty { conditions.append("host = ANY(\(bind(filter.hosts))::text[])") }
        if let since = filter.since { conditions.append("time >= \(bind(since))::timestamptz") }
        if let until = filter.until { conditions.append("time < \(bind(until))::timestamptz") }
    }

    /// Binds a value and returns its placeholder (`$3`).
    mutating func bind(_ value: some PostgresNonThrowingEncodable & Sendable) -> String {
        binds.append(value, context: .default)
        return "$\(binds.count)"
    }
}
