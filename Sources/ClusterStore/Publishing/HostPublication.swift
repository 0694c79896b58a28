public import EventLog
import PostgresNIO

/// One host's side of the stream: its cursor in the database, and the transaction that
/// appends a batch of its records. The host's log stays the truth; the database holds a
/// copy keyed by (host, seq), and a batch goes in only right after the last one, so a
/// record is never in twice however often publishing starts over.
public struct HostPublication: Sendable {
    public let host: String

    /// The channel readers LISTEN on; each commit notifies it with its last position.
    public static let channel = "claimwatch_events"

    public init(host: String) throws(ClusterStoreError) {
        guard !host.isEmpty, host.utf8.count <= 255, !host.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .address("the host name '\(host)' must be 1 to 255 bytes of printable text") }
        self.host = host
    }

    /// What the database holds of this host: the last seq published and that record's line.
    public struct Cursor: Sendable, Equatable {
        public var publishedSeq: UInt64
        public var lastLine: String?
    }

    /// Registers the host if it is new, and reads its cursor.
    public func cursor(_ connection: DatabaseConnection) async throws(ClusterStoreError) -> Cursor {
        try await connection.rows("INSERT INTO claimwatch.hosts (host) VALUES (\(host)) ON CONFLICT (host) DO NOTHING")
        let rows = try await connection.rows("""
            SELECT h.published_seq, e.line FROM claimwatch.hosts h
            LEFT JOIN claimwatch.events e ON e.host = h.host AND e.seq = h.published_seq
            WHERE h.host = \(host)
            """)
        guard let row = rows.first else { throw .unexpected("host \(host) vanished from claimwatch.hosts") }
        do {
            let (seq, line) = try row.decode((Int64, String?).self)
            return Cursor(publishedSeq: UInt64(max(0, seq)), lastLine: line)
        } catch {
            throw ClusterStoreError(translating: error)
        }
    }

    /// Appends `records`, which must follow `after` without a gap, in one transaction, and
    /// returns the last stream position given; writes nothing when the database's cursor
    /// is not `after`. `texts` (content id → text) are the stored texts the records name,
    /// published in the same transaction so that a host reading a record finds its text.
    public func publish(_ records: [LogRecord], texts: [String: String] = [:], after: UInt64, on connection: DatabaseConnection)
        async throws(ClusterStoreError) -> PublishOutcome {
        guard let first = records.first, let last = records.last else { return .published(lastPosition: nil) }
        guard first.seq == after + 1, last.seq == after + UInt64(records.count) else {
            throw .log("records \(first.seq)–\(last.seq) do not follow seq \(after) without a gap")
        }
        var seqs: [Int64] = [], times: [String] = [], types: [String] = [], lines: [String] = []
        seqs.reserveCapacity(records.count)
        times.reserveCapacity(records.count)
        types.reserveCapacity(records.count)
        lines.reserveCapacity(records.count)
        for record in records {
            guard let line = String(validating: record.line, as: UTF8.self) else {
                throw .log("record \(record.seq) is not UTF-8 text")
            }
            seqs.append(Int64(record.seq))
            times.append(record.time)
            types.append(record.type)
            lines.append(line)
        }
        let count = Int64(records.count)
        let host = host
        let contents = Array(texts.keys), bodies = contents.map { texts[$0] ?? "" }
        return try await connection.transaction { connection throws(ClusterStoreError) -> PublishOutcome in
            let cursor = try await connection.rows(
                "SELECT published_seq FROM claimwatch.hosts WHERE host = \(host) FOR UPDATE")
            guard let published = try cursor.first.map({ row throws(ClusterStoreError) in try Self.int(row) }),
                  published == Int64(after)
            else { return .cursorMoved }
            // Taken last, so places are handed out in commit order (see SchemaMigration).
            let head = try await connection.rows(
                "UPDATE claimwatch.stream SET position = position + \(count) RETURNING position")
            guard let lastPosition = try head.first.map({ row throws(ClusterStoreError) in try Self.int(row) }) else {
                throw .unexpected("claimwatch.stream has no row")
            }
            try await connection.rows("""
                INSERT INTO claimwatch.events (position, host, seq, time, type, line)
                SELECT \(lastPosition - count) + r.ordinal, \(host), r.seq, r.time::timestamptz, r.type, r.line
                FROM unnest(\(seqs)::bigint[], \(times)::text[], \(types)::text[], \(lines)::text[])
                    WITH ORDINALITY AS r(seq, time, type, line, ordinal)
                """)
            if !contents.isEmpty {
                try await connection.rows("""
                    INSERT INTO claimwatch.texts (content, text)
                    SELECT * FROM unnest(\(contents)::text[], \(bodies)::text[]) ON CONFLICT (content) DO NOTHING
                    """)
            }
            try await connection.rows("""
                UPDATE claimwatch.hosts SET published_seq = \(seqs[seqs.count - 1]), last_published_at = now()
                WHERE host = \(host)
                """)
            try await connection.rows("SELECT pg_notify(\(Self.channel), \(String(lastPosition)))")
            return .published(lastPosition: lastPosition)
        }
    }

    public enum PublishOutcome: Sendable, Equatable {
        case published(lastPosition: Int64?)
        /// The database's cursor is not where this publisher left it (another process
        /// publishes under this host name, or a commit's answer was lost): nothing was
        /// written; read the cursor again.
        case cursorMoved
    }

    static func int(_ row: PostgresRow) throws(ClusterStoreError) -> Int64 {
        do {
            return try row.decode(Int64.self)
        } catch {
            throw ClusterStoreError(translating: error)
        }
    }
}
