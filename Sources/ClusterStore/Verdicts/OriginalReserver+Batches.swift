public import Ingest
import PostgresNIO

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
        let result = withConnection { connection throws(ClusterStoreError) -> [[Held]] in
            var binds = PostgresBindings()
            let (places, bands) = Self.flattened(requests)
            binds.append(places)
            binds.append(bands)
            binds.append(requests.map(\.recorded))
            binds.append(host)
            let sql = """
                WITH wanted AS (SELECT DISTINCT w.place, w.band FROM unnest($1::integer[], $2::bigint[]) AS w(place, band)),
                counted AS (SELECT w.place, w.band, coalesce(c.originals, 0) AS originals FROM wanted w
                    LEFT JOIN claimwatch.band_counts c ON c.band = w.band),
                few AS (SELECT place, count(*) FILTER (WHERE originals < \(Self.commonBand)) AS telling FROM counted GROUP BY place),
                keys AS (SELECT c.place, c.band FROM counted c JOIN few f ON f.place = c.place
                    WHERE c.originals < \(Self.commonBand) OR f.telling < \(Self.minimumSharedBands)),
                looked AS (SELECT k.place, b.article, b.host FROM keys k JOIN claimwatch.bands b ON b.band = k.band
                    WHERE b.host <> $4 GROUP BY k.place, b.article, b.host HAVING count(*) >= \(Self.minimumSharedBands)),
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

    /// Reserves each request unless other hosts hold originals sharing its telling keys that
    /// are not among `known` (those come back for it, with their texts, and it is not
    /// reserved), in one transaction. Each outcome in the requests' order; every one
    /// `.unavailable` when the database cannot answer. Blocks the calling thread.
    public func reserve(_ requests: [Request], known: Set<String>) -> [Outcome] {
        guard !requests.isEmpty else { return [] }
        let host = host
        let result = withConnection { connection throws(ClusterStoreError) -> (held: Set<Int>, [[Held]]) in
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
            binds.append(Array(known))
            let rows = try await connection.rows(PostgresQuery(unsafeSQL: """
                SELECT held_place, held_article, held_host, held_content, held_recorded FROM claimwatch.reserve_originals(
                    $1::text, $2::text[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::bigint[], $8::text[])
                """, binds: binds))
            let placed = try Self.decodePlaced(rows)
            return (Set(placed.map(\.place)), try await Self.grouped(placed, count: requests.count, on: connection))
        }
        switch result {
        case let .success((heldPlaces, held)):
            // Not reserved where anything was held, even if none of its texts could be read.
            return held.enumerated().map { heldPlaces.contains($0.offset + 1) ? .earlier($0.element) : .reserved }
        case let .failure(error):
            return Array(repeating: .unavailable(error.description), count: requests.count)
        }
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
    private static func flattened(_ requests: [Request]) -> (places: [Int32], bands: [Int64]) {
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
        let rows = try await connection.rows("""
            SELECT content, text FROM claimwatch.texts WHERE content = ANY(\(Array(Set(placed.map(\.held.content))))::text[])
            """)
        var texts: [String: String] = [:]
        for row in rows {
            let (content, text) = try EventStream.decode(row, as: (String, String).self)
            texts[content] = text
        }
        for (place, held) in placed where (1...count).contains(place) {
            guard let text = texts[held.content] else { continue }
            var held = held
            held.text = text
            groups[place - 1].append(held)
        }
        return groups
    }
}
