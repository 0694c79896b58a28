/// The articles a story shares reports with: those carrying a claim one of its versions
/// carries (a claim it repeats, or one that repeats its own), found through `carriers`
/// by its index on articles, never by a scan of claims.
extension ClaimStore {
    /// Another article and how many of the story's claims it carries too.
    public struct SharedReports: Sendable, Equatable {
        public var article: String
        public var title: String?
        public var claims: Int
    }

    /// The recorded articles, none of `story` (its versions and their copies), that carry
    /// a claim some article of `story` carries, most claims shared first. Copies of another
    /// article are left out: the article they copy carries the same claims and is listed.
    public func sharedReports(story: [String]) throws(StoreError) -> [SharedReports] {
        guard !story.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: story.count).joined(separator: ", ")
        let statement = try database.prepare("""
            SELECT o.article, a.title, count(DISTINCT o.claim) AS shared
            FROM carriers m JOIN carriers o ON o.claim = m.claim JOIN articles a ON a.id = o.article
            WHERE m.article IN (\(marks)) AND o.article NOT IN (\(marks))
            GROUP BY o.article ORDER BY shared DESC, o.article
            """)
        let values = story.map { SQLValue.text($0) }
        return try statement.rows(values + values) { row in
            SharedReports(article: row.text(0) ?? "", title: row.text(1), claims: Int(row.integer(2)))
        }
    }
}
