public import Ingest
public import Logging
import PostgresNIO
import Synchronization

/// Reserves a host's new originals in the shared database, so that of two hosts holding
/// copies of one story exactly one records an original (`claimwatch.originals`, with the
/// article's LSH band keys in `claimwatch.bands`).
///
/// One transaction per reservation, in one call of the database's function
/// `claimwatch.reserve_original` (schema version 2): an advisory lock on each of the
/// article's telling band keys, taken in ascending order (two hosts never wait on each
/// other in a circle); then the originals of other hosts sharing two of them. Those this
/// host does not know yet are handed back, with their texts, and nothing is written: the
/// host learns them and judges its file again. Otherwise the article, its text and its
/// bands are inserted and committed. Two hosts reserving copies of one story share band
/// keys, so the second waits for the first's commit and then finds its original.
///
/// The calls block their thread (the pipeline's own) until the database answers, or give
/// up after `timeout`; while the database is away each call says so at once for a second
/// at a time, rather than each waiting out a connection attempt.
public final class OriginalReserver: Sendable {
    /// The pipeline's own terms (`Ingest`'s seam), which this engine answers in.
    public typealias Request = ReservationRequest
    /// An original another host reserved.
    public typealias Held = ForeignOriginal
    public typealias Outcome = ReservationOutcome

    private let database: DatabaseConfiguration
    public let host: String
    let logger: Logger
    private let timeout: Duration
    private let state = Mutex(State())

    private struct State {
        var connection: DatabaseConnection?
        var migrated = false
        /// No attempt before this instant, after a failure.
        var quietUntil: ContinuousClock.Instant?
        var lastFailure: ClusterStoreError?
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
            // The common case is one round trip: nobody else holds anything near it, or only
            // originals the host said it knows.
            var passed = request.passing.filter(known.contains)
            for _ in 0..<Self.attempts {
                let held = try await Self.reserveCall(request, host: host, known: passed, on: connection)
                if held.isEmpty { return .reserved }
                let unknown = held.filter { !known.contains($0.article) }
                if !unknown.isEmpty { return .earlier(try await Self.withTexts(unknown, on: connection)) }
                // All of them known here already: ask again, passing them over.
                passed += held.map(\.article)
            }
            throw .unexpected("the reservation of \(request.article) kept meeting originals this host knows")
        }
        switch result {
        case let .success(outcome): return outcome
        case let .failure(error): return .unavailable(error.description)
        }
    }

    /// Calls to the reservation function one reservation may take: each passes over the
    /// originals the last one returned that this host already knows.
    static let attempts = 4

    private static func reserveCall(_ request: Request, host: String, known: [String], on connection: DatabaseConnection)
        async throws(ClusterStoreError) -> [Held] {
        let rows = try await connection.rows("""
            SELECT held_article, held_host, held_content, held_recorded FROM claimwatch.reserve_original(
                \(request.article), \(host), \(request.content), \(request.text), \(request.recorded),
                \(request.bands)::bigint[], \(known)::text[])
            """)
        return try decodeHeld(rows)
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
        if let connection { BlockingBridge.detach { await connection.close() } }
    }

    /// Runs `body` on the reserver's connection (opened, and the schema brought up to date,
    /// when there is none), waiting for it; a failure drops the connection and keeps the
    /// next calls quiet for a moment.
    func withConnection<Value: Sendable>(
        _ body: @escaping @Sendable (DatabaseConnection) async throws(ClusterStoreError) -> Value
    ) -> Result<Value, ClusterStoreError> {
        let quiet = state.withLock { state -> ClusterStoreError? in
            guard let until = state.quietUntil, ContinuousClock.now < until else { return nil }
            return state.lastFailure
        }
        if let quiet { return .failure(quiet) }
        let database = database, logger = logger, timeout = timeout
        let result = BlockingBridge.wait(timeout: timeout) { [self] () throws(ClusterStoreError) -> Value in
            // The reserver keeps the connection (never the bridge, which may give up on the
            // answer): whoever drops it closes it.
            let (existing, migrated) = state.withLock { ($0.connection, $0.migrated) }
            var connection = existing
            if connection?.isClosed ?? true {
                let opened = try await DatabaseConnection.open(database, logger: logger, on: BlockingBridge.loop)
                state.withLock { $0.connection = opened }
                // A reservation is visible to every host once committed, flushed or not; not
                // waiting for the flush takes the disk's sync off every new article. A server
                // crash (not a stop) may lose the last fraction of a second of reservations,
                // never a record: see the README. That is safe because nothing reads a
                // reservation as a place in the stream: the host that made it treats its last
                // moment's reservations as unsure (`recent`, reserved again once the database
                // answers), and the publisher's durable commit flushes every reservation made
                // before the records that rest on it.
                try await opened.rows("SET synchronous_commit = off")
                // A statement this side stopped waiting for must not go on holding its band keys'
                // locks, with other hosts' reservations queued behind them: the server stops it.
                try await opened.rows(PostgresQuery(unsafeSQL: "SET statement_timeout = \(Self.statementTimeout(within: timeout))"))
                // PL/pgSQL keeps a generic plan for each statement of the reservation functions
                // from their sixth call in a session on, planned for the tables as they were then.
                // A host starts on a nearly empty database, so that plan scanned `bands`, `band_counts`
                // and `originals` whole, and kept doing so as they grew: 6 ms a reservation at
                // 120,000 bands, most of the sharing's cost in a burst. Planning each call
                // (a fraction of a millisecond) keeps the look-ups on their indexes.
                try await opened.rows("SET plan_cache_mode = force_custom_plan")
                connection = opened
            }
            guard let connection else { throw .unexpected("no connection") }
            if !migrated {
                try await SchemaMigrator.migrate(connection)
                state.withLock { $0.migrated = true }
            }
            // A deadlock the server broke (counting bands down while another host counts them
            // up) or a serialization failure: the work is simply done again.
            for _ in 1..<Self.attempts {
                do throws(ClusterStoreError) {
                    return try await body(connection)
                } catch let error where Self.isRetryable(error) {
                    continue
                }
            }
            return try await body(connection)
        }
        switch result {
        case let .success(value):
            state.withLock { $0.quietUntil = nil }
            return .success(value)
        case let .failure(error):
            let dropped = state.withLock { state -> DatabaseConnection? in
                defer { state.connection = nil }
                state.quietUntil = .now + .seconds(1)
                state.lastFailure = error
                return state.connection
            }
            if let dropped { BlockingBridge.detach { await dropped.close() } }
            return .failure(error)
        }
    }

    /// The server's limit for one statement of the reserver, in milliseconds: four fifths
    /// of the time a call is waited for, so the server stops a statement (and its locks go)
    /// before the caller would give up on it. A statement left running after the caller
    /// gave up is never noticed by the server until it ends.
    static func statementTimeout(within timeout: Duration) -> Int64 {
        let milliseconds = timeout.components.seconds * 1_000 + timeout.components.attoseconds / 1_000_000_000_000_000
        return max(1, milliseconds * 4 / 5)
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

    /// Keys held by this many originals or more are passed over by lookups and locks: a
    /// story's own keys are held by its few originals, while a key dozens share comes from
    /// a stock phrase (in a burst of invented articles, one key was held by a third of them),
    /// and the other keys of a real copy still meet.
    static let commonBand = 32

    static func decodeHeld(_ rows: [PostgresRow]) throws(ClusterStoreError) -> [Held] {
        var held: [Held] = []
        for row in rows {
            let (article, owner, content, recorded) = try EventStream.decode(row, as: (String, String, String, String).self)
            held.append(Held(article: article, content: content, host: owner, text: "", recorded: recorded))
        }
        return held
    }

    static func withTexts(_ held: [Held], on connection: DatabaseConnection) async throws(ClusterStoreError) -> [Held] {
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

    private static func isRetryable(_ error: ClusterStoreError) -> Bool {
        if case let .server(state, _) = error { return state == "40P01" || state == "40001" }
        return false
    }

    /// Removes reservations with their bands, and counts the bands down.
    static func remove(_ articles: [String], host: String, on connection: DatabaseConnection) async throws(ClusterStoreError) {
        try await connection.rows("""
            WITH gone AS (
                DELETE FROM claimwatch.bands WHERE host = \(host) AND article = ANY(\(articles)::text[]) RETURNING band
            )
            UPDATE claimwatch.band_counts c SET originals = c.originals - g.n
            FROM (SELECT band, count(*) AS n FROM gone GROUP BY band) AS g WHERE c.band = g.band
            """)
        try await connection.rows("DELETE FROM claimwatch.originals WHERE host = \(host) AND article = ANY(\(articles)::text[])")
        try await connection.rows("DELETE FROM claimwatch.contested WHERE host = \(host) AND article = ANY(\(articles)::text[])")
    }
}

/// The reserver is the pipeline's seam itself: the daemon hands it over as it is.
extension OriginalReserver: OriginalReservations {
    public func releaseReservations(except recorded: Set<String>) -> Int? {
        release(except: recorded)
    }

    public func earlierOriginals(than original: ReservationRequest) -> [ForeignOriginal]? {
        earlier(than: original)
    }

    public func earlierOriginals(than originals: [ReservationRequest]) -> [[ForeignOriginal]]? {
        earlier(than: originals)
    }

    public func contestedOriginals() -> Set<String>? {
        contested()
    }
}
