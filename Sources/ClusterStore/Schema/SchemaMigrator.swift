import PostgresNIO

/// Brings a database to this build's schema at start, in one transaction: a database is
/// either wholly at the old version or wholly at the new one.
public enum SchemaMigrator {
    /// The schema version this build writes.
    public static var latest: Int { SchemaMigration.latest }

    /// Applies the steps the database lacks and returns the versions before and after.
    /// Several hosts starting at once take turns (an advisory lock); a database made by a
    /// newer build is refused rather than written in a shape this one does not know.
    @discardableResult
    public static func migrate(_ connection: DatabaseConnection) async throws(ClusterStoreError) -> (from: Int, to: Int) {
        try await connection.transaction { connection throws(ClusterStoreError) in
            try await connection.rows("SELECT pg_advisory_xact_lock(\(lockKey))")
            // The schema's commit waits for its flush, whatever the session's setting: the
            // reserver's session does not wait (`synchronous_commit = off`) and, having
            // migrated, never looks again, so a server crash right after would have taken the
            // tables with it and left every later reservation failing.
            try await connection.rows("SET LOCAL synchronous_commit = on")
            try await connection.rows("CREATE SCHEMA IF NOT EXISTS claimwatch")
            try await connection.rows("""
                CREATE TABLE IF NOT EXISTS claimwatch.schema_migrations (
                    version integer PRIMARY KEY,
                    summary text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let found = try await currentVersion(connection)
            guard found <= latest else { throw .schemaTooNew(found: found, known: latest) }
            for step in SchemaMigration.all where step.version > found {
                for statement in step.statements { try await connection.rows(PostgresQuery(unsafeSQL: statement)) }
                try await connection.rows(
                    "INSERT INTO claimwatch.schema_migrations (version, summary) VALUES (\(step.version), \(step.summary))")
            }
            return (found, latest)
        }
    }

    /// The version a database is at; 0 when claimwatch never wrote to it.
    public static func currentVersion(_ connection: DatabaseConnection) async throws(ClusterStoreError) -> Int {
        let rows = try await connection.rows("""
            SELECT coalesce(max(version), 0) FROM claimwatch.schema_migrations
            """)
        do {
            return try rows.first?.decode(Int.self) ?? 0
        } catch {
            throw ClusterStoreError(translating: error)
        }
    }

    /// "claimwatch" folded into 63 bits: the advisory lock migrations take.
    static let lockKey: Int64 = 0x636C_6169_6D77_6174
}
