import Ingest
import PostgresNIO

/// The marks one host leaves on another's reservations recorded later than an original it
/// reserved after an outage (schema version 5, `claimwatch.contested`), and the holder's
/// reading of them: the rule that the earliest recorded original of a story stays the
/// original holds for reservations made in any order.
extension OriginalReserver {
    /// Marks the other hosts' originals sharing two telling keys with any of `requests` that
    /// are later than it (by recorded time, then host name), naming it. Runs in the caller's
    /// transaction, after the reservation: a reservation committed before it is marked, one
    /// committed after it waits for its keys' locks and then meets the request's original.
    static func contest(laterThan requests: [Request], host: String, on connection: DatabaseConnection)
        async throws(ClusterStoreError) {
        guard !requests.isEmpty else { return }
        var binds = PostgresBindings()
        let (places, bands) = flattened(requests)
        binds.append(places)
        binds.append(bands)
        binds.append(requests.map(\.recorded))
        binds.append(host)
        binds.append(requests.map(\.article))
        try await connection.rows(PostgresQuery(unsafeSQL: """
            WITH \(placedNeighbours),
            later AS (SELECT DISTINCT ON (o.host, o.article) o.article, o.host, r.article AS by_article
                FROM looked l JOIN claimwatch.originals o ON o.article = l.article AND o.host = l.host
                JOIN unnest($3::text[], $5::text[]) WITH ORDINALITY AS r(recorded, article, place) ON r.place = l.place
                WHERE (o.recorded, o.host) > (r.recorded, $4::text)
                ORDER BY o.host, o.article, r.recorded)
            INSERT INTO claimwatch.contested (article, host, by_article, by_host)
            SELECT article, host, by_article, $4 FROM later ORDER BY host, article
            ON CONFLICT (host, article) DO NOTHING
            """, binds: binds))
    }

    /// This host's reservations another host marked as later than its own original; nil
    /// when the database cannot be reached. Blocks the calling thread.
    public func contested() -> Set<String>? {
        let host = host
        let result = withConnection { connection throws(ClusterStoreError) -> Set<String> in
            var articles = Set<String>()
            let rows = try await connection.rows("""
                SELECT c.article FROM claimwatch.contested c
                JOIN claimwatch.originals o ON o.article = c.article AND o.host = c.host WHERE c.host = \(host)
                """)
            for row in rows { articles.insert(try EventStream.decode(row, as: String.self)) }
            return articles
        }
        return try? result.get()
    }

    /// Clears the marks on this host's reservations of `articles`, once judged. Blocks the
    /// calling thread.
    public func clearContests(_ articles: [String]) -> Bool {
        guard !articles.isEmpty else { return true }
        let host = host
        let result = withConnection { connection throws(ClusterStoreError) -> Bool in
            try await connection.rows("DELETE FROM claimwatch.contested WHERE host = \(host) AND article = ANY(\(articles)::text[])")
            return true
        }
        return (try? result.get()) ?? false
    }
}
