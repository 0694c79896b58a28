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
}
