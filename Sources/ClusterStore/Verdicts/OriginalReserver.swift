public import Logging
import PostgresNIO
import Synchronization

/// Reserves a host's new originals in the shared database, so that of two hosts holding
/// copies of one story exactly one records an original (`claimwatch.originals`, with the
/// article's LSH band keys in `claimwatch.bands`).
///
/// One transaction per reservation: an advisory lock on each of the article's band keys,
/// taken in ascending order (two hosts never wait on each other in a circle); then the
/// originals of other hosts sharing a band. Those this host does not know yet are handed
/// back with their texts, and nothing is written: the host learns them and judges its file
/// again. Otherwise the article, its text and its bands are inserted and committed. Two
/// hosts reserving copies of one story share band keys, so the second waits for the
/// first's commit and then finds its original.
///
/// The calls block their thread (the pipeline's own) until the database answers, or give
/// up after `timeout`; while the database is away each call says so at once for a second
/// at a time, rather than each waiting out a connection attempt.
public final class OriginalReserver: Sendable {
    public struct Request: Sendable {
        public var article: String
        public var content: String
        public var text: String
        public var bands: [Int64]
        public var recorded: String

        public init(article: String, content: String, text: String, bands: [Int64], recorded: String) {
            self.article = article
            self.content = content
            self.text = text
            self.bands = bands
            self.recorded = recorded
        }
    }

    /// An original another host reserved.
    public struct Held: Sendable, Equatable {
        public var article: String
        public var content: String
        public var host: String
        public var text: String
        public var recorded: String
    }

    public enum Outcome: Sendable, Equatable {
        case reserved
        case earlier([Held])
        case unavailable(String)
    }

    private let database: DatabaseConfiguration
    private let host: String
    private let logger: Logger
    private let timeout: Duration
    private let state = Mutex(State())

    private struct State {
        var connection: DatabaseConnection?
        var migrated = false
        /// No attempt before this instant, after a failure.
        var quietUntil: ContinuousClock.Instant?
        var lastFailure = ""
    }

    /// The most originals sharing bands that one reservation looks at, most bands shared first.
    static let candidateLimit = 32

    /// The fewest band keys an original must share to count. A band is one MinHash row, so
    /// two unrelated texts that happen to have the same rarest shingle share one; a copy
    /// shares about its Jaccard similarity's share of the 24 (a trimmed copy of a third of
    /// its original about 8), and misses two at J = 0.25 with a chance under 1%.
    static let minimumSharedBands = 2

    public init(database: DatabaseConfiguration, host: String, logger: Logger, timeout: Duration = .seconds(10)) {
        self.database = database
        self.host = host
        self.logger = logger
        self.timeout = timeout
    }

    /// Reserves `request` unless other hosts hold originals sharing its bands that are
    /// not among `known`. Blocks the calling thread.
    public func reserve(_ request: Request, known: Set<String>) -> Outcome {
        let host = host
        let result = withConnection { connection throws(ClusterStoreError) -> Outcome in
            try await connection.transaction { connection throws(ClusterStoreError) -> Outcome in
                try await Self.lock(request.bands, on: connection)
                let held = try await Self.held(sharing: request.bands, except: host, on: connection)
                let unknown = held.filter { !known.contains($0.article) }
                if !unknown.isEmpty {
                    // Nothing written: the commit only lets the locks go.
                    return .earlier(try await Self.withTexts(unknown, on: connection))
                }
                try await Self.insert(request, host: host, on: connection)
                return .reserved
            }
        }
        switch result {
        case let .success(outcome): return outcome
        case let .failure(error): return .unavailable(error.description)
        }
    }

    /// Removes this host's reservations of articles not in `recorded`; nil when the
    /// database cannot be reached. Blocks the calling thread.
    public func release(except recorded: Set<String>) -> Int? {
        let host = host
        let result = withConnection { connection throws(ClusterStoreError) -> Int in
            try await connection.transaction { connection throws(ClusterStoreError) -> Int in
                let rows = try await connection.rows("SELECT article FROM claimwatch.originals WHERE host = \(host)")
                var stale: [String] = []
                for row in rows {
                    let article = try EventStream.decode(row, as: String.self)
                    if !recorded.contains(article) { stale.append(article) }
                }
                guard !stale.isEmpty else { return 0 }
                try await Self.remove(stale, host: host, on: connection)
                return stale.count
            }
        }
        return try? result.get()
    }

    /// Other hosts' originals sharing a band key with `request` that are earlier than it:
    /// recorded before it, or at the same instant under a host name that sorts first; nil
    /// when the database cannot be reached. Blocks the calling thread.
    public func earlier(than request: Request) -> [Held]? {
        let host = host
        let result = withConnection { connection throws(ClusterStoreError) -> [Held] in
            let held = try await Self.lookup(request.bands, except: host, earlierThan: request.recorded, order: "o.recorded, o.host",
                                             on: connection)
            return held.isEmpty ? [] : try await Self.withTexts(held, on: connection)
        }
        return try? result.get()
    }

    /// Removes this host's reservation of `article`. Blocks the calling thread.
    public func withdraw(_ article: String) -> Bool {
        let host = host
        let result = withConnection { connection throws(ClusterStoreError) -> Bool in
            try await connection.transaction { connection throws(ClusterStoreError) -> Bool in
                try await Self.remove([article], host: host, on: connection)
                return true
            }
        }
        return (try? result.get()) ?? false
    }

    public func close() {
        let connection = state.withLock { state -> DatabaseConnection? in
            defer { state.connection = nil }
            return state.connection
        }
        if let connection { Task.detached { await connection.close() } }
    }

    /// Runs `body` on the reserver's connection (opened, and the schema brought up to date,
    /// when there is none), waiting for it; a failure drops the connection and keeps the
    /// next calls quiet for a moment.
    private func withConnection<Value: Sendable>(
        _ body: @escaping @Sendable (DatabaseConnection) async throws(ClusterStoreError) -> Value
    ) -> Result<Value, ClusterStoreError> {
        let quiet = state.withLock { state -> String? in
            guard let until = state.quietUntil, ContinuousClock.now < until else { return nil }
            return state.lastFailure
        }
        if let quiet { return .failure(.unreachable(quiet)) }
        let database = database, logger = logger
        let existing = state.withLock { ($0.connection, $0.migrated) }
        let result = BlockingBridge.wait(timeout: timeout) { () throws(ClusterStoreError) -> (Value, DatabaseConnection) in
            var connection = existing.0
            if connection?.isClosed ?? true {
                let opened = try await DatabaseConnection.open(database, logger: logger)
                // A reservation is visible to every host once committed, flushed or not; not
                // waiting for the flush takes the disk's sync off every new article. A server
                // crash (not a stop) may lose the last fraction of a second of reservations,
                // never a record: see the README.
                try await opened.rows("SET synchronous_commit = off")
                connection = opened
            }
            guard let connection else { throw .unexpected("no connection") }
            do throws(ClusterStoreError) {
                if !existing.1 { try await SchemaMigrator.migrate(connection) }
                return (try await body(connection), connection)
            } catch {
                await connection.close()
                throw error
            }
        }
        switch result {
        case let .success((value, connection)):
            state.withLock { state in
                state.connection = connection
                state.migrated = true
                state.quietUntil = nil
            }
            return .success(value)
        case let .failure(error):
            let dropped = state.withLock { state -> DatabaseConnection? in
                defer { state.connection = nil }
                state.quietUntil = .now + .seconds(1)
                state.lastFailure = error.description
                return state.connection
            }
            if let dropped { Task.detached { await dropped.close() } }
            return .failure(error)
        }
    }

    /// Advisory locks on the telling band keys (those a lookup uses), one at a time in
    /// ascending order. Copies of one story share most of theirs, so they take turns.
    private static func lock(_ bands: [Int64], on connection: DatabaseConnection) async throws(ClusterStoreError) {
        var binds = PostgresBindings()
        binds.append(bands)
        try await connection.rows(PostgresQuery(unsafeSQL: """
            WITH \(telling) SELECT count(pg_advisory_xact_lock(band)) FROM (SELECT band FROM keys ORDER BY band) AS ordered
            """, binds: binds))
    }

    /// Other hosts' originals sharing a band key, the ones sharing most first.
    private static func held(sharing bands: [Int64], except host: String, on connection: DatabaseConnection)
        async throws(ClusterStoreError) -> [Held] {
        try await lookup(bands, except: host, earlierThan: nil, order: "looked.shared DESC, o.recorded, o.host", on: connection)
    }

    /// Other hosts' originals sharing at least `minimumSharedBands` of the telling keys
    /// among `bands`, recorded before `earlierThan` (by recorded time, then host name) when given.
    private static func lookup(_ bands: [Int64], except host: String, earlierThan recorded: String?, order: String,
                               on connection: DatabaseConnection) async throws(ClusterStoreError) -> [Held] {
        var binds = PostgresBindings()
        binds.append(bands)
        binds.append(host)
        var condition = ""
        if let recorded {
            binds.append(recorded)
            condition = "WHERE (o.recorded, o.host) < ($3::text, $2::text)"
        }
        let sql = """
            WITH \(telling), looked AS (SELECT b.article, b.host, count(*) AS shared
                FROM claimwatch.bands b JOIN keys ON b.band = keys.band
                WHERE b.host <> $2 GROUP BY b.article, b.host HAVING count(*) >= \(minimumSharedBands))
            SELECT o.article, o.host, o.content, o.recorded FROM looked
            JOIN claimwatch.originals o ON o.article = looked.article AND o.host = looked.host
            \(condition) ORDER BY \(order) LIMIT \(candidateLimit)
            """
        return try decodeHeld(try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: binds)))
    }

    /// The keys a lookup uses: those fewer than `commonBand` originals hold; all of them
    /// when that leaves fewer than `minimumSharedBands` (a text of stock phrases only).
    /// `$1` is the article's keys.
    static let telling = """
        counted AS (SELECT DISTINCT u.band, coalesce(c.originals, 0) AS originals FROM unnest($1::bigint[]) AS u(band)
            LEFT JOIN claimwatch.band_counts c ON c.band = u.band),
        keys AS (SELECT band FROM counted WHERE originals < \(commonBand)
            OR (SELECT count(*) FROM counted WHERE originals < \(commonBand)) < \(minimumSharedBands))
        """

    /// Originals holding more keys than this are passed over by lookups: a key thousands of
    /// originals share comes from a stock phrase, and the others of a real copy still meet.
    static let commonBand = 256

    private static func decodeHeld(_ rows: [PostgresRow]) throws(ClusterStoreError) -> [Held] {
        var held: [Held] = []
        for row in rows {
            let (article, owner, content, recorded) = try EventStream.decode(row, as: (String, String, String, String).self)
            held.append(Held(article: article, content: content, host: owner, text: "", recorded: recorded))
        }
        return held
    }

    private static func withTexts(_ held: [Held], on connection: DatabaseConnection) async throws(ClusterStoreError) -> [Held] {
        let rows = try await connection.rows("""
            SELECT content, text FROM claimwatch.texts WHERE content = ANY(\(held.map(\.content))::text[])
            """)
        var texts: [String: String] = [:]
        for row in rows {
            let (content, text) = try EventStream.decode(row, as: (String, String).self)
            texts[content] = text
        }
        return held.compactMap { original in
            texts[original.content].map { text in
                var original = original
                original.text = text
                return original
            }
        }
    }

    /// Removes reservations with their bands, and counts the bands down.
    private static func remove(_ articles: [String], host: String, on connection: DatabaseConnection) async throws(ClusterStoreError) {
        try await connection.rows("""
            WITH gone AS (
                DELETE FROM claimwatch.bands WHERE host = \(host) AND article = ANY(\(articles)::text[]) RETURNING band
            )
            UPDATE claimwatch.band_counts c SET originals = c.originals - g.n
            FROM (SELECT band, count(*) AS n FROM gone GROUP BY band) AS g WHERE c.band = g.band
            """)
        try await connection.rows("DELETE FROM claimwatch.originals WHERE host = \(host) AND article = ANY(\(articles)::text[])")
    }

    /// The article, its text and its bands in one statement (one round trip).
    private static func insert(_ request: Request, host: String, on connection: DatabaseConnection) async throws(ClusterStoreError) {
        try await connection.rows("""
            WITH text AS (
                INSERT INTO claimwatch.texts (content, text) VALUES (\(request.content), \(request.text))
                ON CONFLICT (content) DO NOTHING
            ), original AS (
                INSERT INTO claimwatch.originals (article, host, content, recorded)
                VALUES (\(request.article), \(host), \(request.content), \(request.recorded)) ON CONFLICT (article, host) DO NOTHING
                RETURNING article
            ), posted AS (
                INSERT INTO claimwatch.bands (band, article, host)
                SELECT DISTINCT u.band, \(request.article), \(host) FROM unnest(\(request.bands)::bigint[]) AS u(band)
                WHERE EXISTS (SELECT 1 FROM original)
                ON CONFLICT DO NOTHING RETURNING band
            )
            INSERT INTO claimwatch.band_counts (band, originals) SELECT band, 1 FROM posted
            ON CONFLICT (band) DO UPDATE SET originals = claimwatch.band_counts.originals + 1
            """)
    }
}
