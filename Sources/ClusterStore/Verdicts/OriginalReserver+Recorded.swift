import PostgresNIO

/// What a host's start asks of the shared database to find the originals it recorded while
/// the database was away (`OriginalReservations.reservedOriginals`): its log holds them, the
/// database holds no reservation of them.
extension OriginalReserver {
    /// The articles this host holds reservations of; nil when the database cannot be reached.
    /// Blocks the calling thread.
    public func reservedOriginals() -> Set<String>? {
        let host = host
        let result = withConnection { connection throws(ClusterStoreError) -> Set<String> in
            var articles = Set<String>()
            for row in try await connection.rows("SELECT article FROM claimwatch.originals WHERE host = \(host)") {
                articles.insert(try EventStream.decode(row, as: String.self))
            }
            return articles
        }
        return try? result.get()
    }

    /// Those of `articles` this host holds reservations of (a few seconds' worth, checked
    /// once the server has flushed them); nil when the database cannot be reached. Blocks
    /// the calling thread.
    public func reservedOriginals(among articles: [String]) -> Set<String>? {
        guard !articles.isEmpty else { return [] }
        let host = host
        let result = withConnection { connection throws(ClusterStoreError) -> Set<String> in
            var held = Set<String>()
            let rows = try await connection.rows("""
                SELECT article FROM claimwatch.originals WHERE host = \(host) AND article = ANY(\(articles)::text[])
                """)
            for row in rows { held.insert(try EventStream.decode(row, as: String.self)) }
            return held
        }
        return try? result.get()
    }
}
