public import Ingest
import PostgresNIO
import Synchronization

/// The reserver's calls for many originals at once: a host reconciling the originals it
/// recorded during an outage asks about a few hundred per round trip (schema version 3's
/// `claimwatch.reserve_originals`), not one at a time.
extension OriginalReserver {
    /// For each request, other hosts' originals sharing two of its telling band keys that
    /// are earlier than it (as `earlier(than:)` answers for one), in the requests' order; nil
    /// when the database cannot be reached. Blocks the calling thread.
    public func earlier(than requests: [Request]) -> [[Held]]? {
        guard !requests.isEmpty else { return [] }
        let host = host
        let began = ContinuousClock.now
        defer {
            logger.debug("look-up batch", metadata: ["size": "\(requests.count)", "took": "\(ContinuousClock.now - began)"])
        }
        let result = withConnection { connection throws(ClusterStoreError) -> [[Held]] in
            var binds = PostgresBindings()
            let (places, bands) = Self.flattened(requests)
            binds.append(places)
            binds.append(bands)
            binds.append(requests.map(\.recorded))
            binds.append(host)
            let sql = """
                WITH \(Self.placedNeighbours),
                ranked AS (SELECT l.place, o.article, o.host, o.content, o.recorded,
                        row_number() OVER (PARTITION BY l.place ORDER BY o.recorded, o.host) AS rank
                    FROM looked l JOIN claimwatch.originals o ON o.article = l.article AND o.host = l.host
                    JOIN unnest($3::text[]) WITH ORDINALITY AS r(recorded, place) ON r.place = l.place
                    WHERE (o.recorded, o.host) < (r.recorded, $4::text))
                SELECT place::integer, article, host, content, recorded FROM ranked WHERE rank <= \(Self.candidateLimit)
                ORDER BY place, rank
                """
            let rows = try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: binds))
            return try await Self.grouped(Self.decodePlaced(rows), count: requests.count, on: connection)
        }
        return try? result.get()
    }

    /// For each request's place (from 1, `$1`) and band keys (`$2`), the other hosts' (`$4`)
    /// originals sharing two of its telling keys, as `looked (place, article, host)`: the
    /// common part of the look-up of earlier originals and of the marking of later ones.
    static let placedNeighbours = """
        wanted AS (SELECT DISTINCT w.place, w.band FROM unnest($1::integer[], $2::bigint[]) AS w(place, band)),
        counted AS (SELECT w.place, w.band, coalesce(c.originals, 0) AS originals FROM wanted w
            LEFT JOIN claimwatch.band_counts c ON c.band = w.band),
        few AS (SELECT place, count(*) FILTER (WHERE originals < \(commonBand)) AS telling FROM counted GROUP BY place),
        keys AS (SELECT c.place, c.band FROM counted c JOIN few f ON f.place = c.place
            WHERE c.originals < \(commonBand) OR f.telling < \(minimumSharedBands)),
        looked AS (SELECT k.place, b.article, b.host FROM keys k JOIN claimwatch.bands b ON b.band = k.band
            WHERE b.host <> $4 GROUP BY k.place, b.article, b.host HAVING count(*) >= \(minimumSharedBands))
        """

    /// Reserves each request unless other hosts hold originals sharing its telling keys that
    /// are not among `known` (those come back for it, with their texts, and it is not
    /// reserved). Each outcome in the requests' order; every one `.unavailable` when the
    /// database cannot answer. Blocks the calling thread.
    ///
    /// The database is never sent `known` (thousands of ids, tested against every candidate
    /// of every article made a call take seconds): it returns every original that holds an
    /// article, and the articles held only by originals this host knows are asked about
    /// again in a new transaction, passing those over (schema version 4).
    public func reserve(_ requests: [Request], known: Set<String>) -> [Outcome] {
        reserve(requests, known: known, contesting: false)
    }

    /// `reserve(_:known:)`; with `contesting`, each transaction that reserves some of the
    /// requests also marks the other hosts' reservations recorded later that share their
    /// keys (`contest`), so that the mark is made exactly when the reservation is.
    public func reserve(_ requests: [Request], known: Set<String>, contesting: Bool) -> [Outcome] {
        guard !requests.isEmpty else { return [] }
        let host = host
        let began = ContinuousClock.now
        let calls = Mutex(0)
        defer {
            logger.debug("reservation batch", metadata: ["size": "\(requests.count)", "known": "\(known.count)",
                                                         "calls": "\(calls.withLock { $0 })", "took": "\(ContinuousClock.now - began)"])
        }
        let result = withConnection { connection throws(ClusterStoreError) -> [Outcome] in
            var outcomes = [Outcome?](repeating: nil, count: requests.count)
            var asking = Array(requests.indices)
            var passed: [String] = []
            for _ in 0..<Self.attempts where !asking.isEmpty {
                calls.withLock { $0 += 1 }
                let placed = try await Self.reserveCall(asking.map { requests[$0] }, host: host, passing: passed, contesting: contesting,
                                                        on: connection)
                var held = [[Held]](repeating: [], count: asking.count)
                for (place, original) in placed where (1...asking.count).contains(place) { held[place - 1].append(original) }
                var again: [Int] = [], unknown: [(index: Int, held: [Held])] = []
                for (slot, index) in asking.enumerated() {
                    if held[slot].isEmpty {
                        outcomes[index] = .reserved
                    } else if held[slot].allSatisfy({ known.contains($0.article) }) {
                        again.append(index)
                        passed += held[slot].map(\.article)
                    } else {
                        unknown.append((index, held[slot].filter { !known.contains($0.article) }))
                    }
                }
                // Not reserved where an unknown original holds it, even if its text cannot be read.
                let texts = try await Self.texts(of: unknown.flatMap(\.held), on: connection)
                for (index, originals) in unknown { outcomes[index] = .earlier(Self.withTexts(originals, texts)) }
                asking = again
            }
            return outcomes.map { $0 ?? .unavailable("the reservation kept meeting originals this host knows") }
        }
        switch result {
        case let .success(outcomes): return outcomes
        case let .failure(error): return Array(repeating: .unavailable(error.description), count: requests.count)
        }
    }

    /// One call of version 4's batch reservation: the originals holding each request, by
    /// its place (from 1), except those in `passed`; the requests held by none are reserved.
    private static func reserveCall(_ requests: [Request], host: String, passing passed: [String], contesting: Bool,
                                    on connection: DatabaseConnection) async throws(ClusterStoreError) -> [(place: Int, held: Held)] {
        guard contesting else { return try await reserveCall(requests, host: host, passing: passed, on: connection) }
        return try await connection.transaction { connection throws(ClusterStoreError) -> [(place: Int, held: Held)] in
            let placed = try await reserveCall(requests, host: host, passing: passed, on: connection)
            let held = Set(placed.map(\.place))
            let reserved = requests.indices.filter { !held.contains($0 + 1) }.map { requests[$0] }
            try await contest(laterThan: reserved, host: host, on: connection)
            return placed
        }
    }

    private static func reserveCall(_ requests: [Request], host: String, passing passed: [String], on connection: DatabaseConnection)
        async throws(ClusterStoreError) -> [(place: Int, held: Held)] {
        var binds = PostgresBindings()
        var starts: [Int32] = [1], bands: [Int64] = []
        for request in requests {
            bands += request.bands
            starts.append(Int32(bands.count + 1))
        }
        binds.append(host)
        binds.append(requests.map(\.article))
        binds.append(requests.map(\.content))
        binds.append(requests.map(\.text))
        binds.append(requests.map(\.recorded))
        binds.append(starts)
        binds.append(bands)
        binds.append(passed)
        let rows = try await connection.rows(PostgresQuery(unsafeSQL: """
            SELECT held_place, held_article, held_host, held_content, held_recorded FROM claimwatch.reserve_originals_passing(
                $1::text, $2::text[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::bigint[], $8::text[])
            """, binds: binds))
        return try decodePlaced(rows)
    }

    /// Removes this host's reservations of `articles` in one transaction. Blocks the calling thread.
    public func withdraw(_ articles: [String]) -> Bool {
        guard !articles.isEmpty else { return true }
        let host = host
        let result = withConnection { connection throws(ClusterStoreError) -> Bool in
            try await connection.transaction { connection throws(ClusterStoreError) -> Bool in
                try await Self.remove(articles, host: host, on: connection)
                return true
            }
        }
        return (try? result.get()) ?? false
    }

    /// Every request's band keys, each beside its request's place (from 1).
    static func flattened(_ requests: [Request]) -> (places: [Int32], bands: [Int64]) {
        var places: [Int32] = [], bands: [Int64] = []
        for (index, request) in requests.enumerated() {
            places += Array(repeating: Int32(index + 1), count: request.bands.count)
            bands += request.bands
        }
        return (places, bands)
    }

    private static func decodePlaced(_ rows: [PostgresRow]) throws(ClusterStoreError) -> [(place: Int, held: Held)] {
        var placed: [(place: Int, held: Held)] = []
        for row in rows {
            let (place, article, owner, content, recorded) = try EventStream.decode(row, as: (Int32, String, String, String, String).self)
            placed.append((Int(place), Held(article: article, content: content, host: owner, text: "", recorded: recorded)))
        }
        return placed
    }

    /// The held originals of each place, for `count` places, with their texts (one left
    /// out when its text is gone, as `withTexts` does).
    private static func grouped(_ placed: [(place: Int, held: Held)], count: Int, on connection: DatabaseConnection)
        async throws(ClusterStoreError) -> [[Held]] {
        var groups = Array(repeating: [Held](), count: count)
        guard !placed.isEmpty else { return groups }
        let texts = try await texts(of: placed.map(\.held), on: connection)
        for (place, held) in placed where (1...count).contains(place) {
            groups[place - 1] += withTexts([held], texts)
        }
        return groups
    }

    /// The stored texts of `held`, by content id, in one query.
    private static func texts(of held: [Held], on connection: DatabaseConnection) async throws(ClusterStoreError) -> [String: String] {
        guard !held.isEmpty else { return [:] }
        let rows = try await connection.rows("""
            SELECT content, text FROM claimwatch.texts WHERE content = ANY(\(Array(Set(held.map(\.content))))::text[])
            """)
        var texts: [String: String] = [:]
        for row in rows {
            let (content, text) = try EventStream.decode(row, as: (String, String).self)
            texts[content] = text
        }
        return texts
    }

    /// `held` with their texts; one whose text is gone is left out.
    private static func withTexts(_ held: [Held], _ texts: [String: String]) -> [Held] {
        held.compactMap { original in
            texts[original.content].map { text in
                var original = original
                original.text = text
                return original
            }
        }
    }
}
