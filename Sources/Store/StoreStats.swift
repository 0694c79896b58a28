/// The sizes of the record, as `claimwatch stats` prints them.
public struct StoreStats: Sendable, Codable, Equatable {
    public var articles: Int
    public var copies: Int
    /// Stories of articles (not counting those merged into others).
    public var stories: Int
    public var claims: Int
    public var figures: Int
    public var claimants: Int
    /// Topics with two figures or more.
    public var topics: Int
    /// Topics holding at least one conflicting pair, by the figures answer's rules.
    public var conflicts: Int
    /// The last log record applied.
    public var seq: Int64
}

extension ClaimStore {
    public func stats() throws(StoreError) -> StoreStats {
        func count(_ key: String) throws(StoreError) -> Int { Int(try meta(key) ?? "0") ?? 0 }
        let topics = try database.prepare("SELECT count(*) FROM topics WHERE figures > 1").rows { $0.integer(0) }.first ?? 0
        let claimants = try database.prepare("SELECT count(*) FROM claimants").rows { $0.integer(0) }.first ?? 0
        let stories = try database.prepare("SELECT count(*) FROM stories WHERE merged_into IS NULL").rows { $0.integer(0) }.first ?? 0
        return StoreStats(articles: try count("count.articles"), copies: try count("count.copies"), stories: Int(stories),
                          claims: try count("count.claims"), figures: try count("count.figures"),
                          claimants: Int(claimants), topics: Int(topics), conflicts: try conflictingTopicCount(),
                          seq: Int64(try lastSeq()))
    }

    /// Everyone who asserts something, the most prolific first. With a filter, only the
    /// claims that pass it count (who asserts what in a week, in one outlet, who denies).
    public func claimants(limit: Int? = nil, filter: ClaimFilter = ClaimFilter()) throws(StoreError) -> [ClaimantRow] {
        let cut = limit.map { " LIMIT \(max(0, $0))" } ?? ""
        guard filter.narrows else {
            let sql = "SELECT canonical, kind, claims, figures, articles FROM claimants ORDER BY claims DESC, canonical" + cut
            return try database.prepare(sql).rows([], Self.claimantRow)
        }
        guard let selection = try selection(filter) else { return [] }
        var matching = "SELECT c.seq FROM \(selection.from) WHERE c.claimant IS NOT NULL"
        if !selection.conditions.isEmpty { matching += " AND " + selection.conditions.joined(separator: " AND ") }
        let sql = """
            SELECT cl.canonical, cl.kind, count(*), sum(c.figures), count(DISTINCT c.article)
            FROM claims c JOIN claimants cl ON cl.id = c.claimant WHERE c.seq IN (\(matching))
            GROUP BY c.claimant ORDER BY 3 DESC, 1
            """ + cut
        return try database.prepare(sql).rows(selection.values, Self.claimantRow)
    }

    private static func claimantRow(_ row: Statement) -> ClaimantRow {
        ClaimantRow(claimant: row.text(0) ?? "", kind: row.text(1) ?? "", claims: Int(row.integer(2)),
                    figures: Int(row.integer(3)), articles: Int(row.integer(4)))
    }
}

/// A claimant and how much they assert, in how many articles.
public struct ClaimantRow: Sendable, Codable, Equatable {
    public var claimant: String
    public var kind: String
    public var claims: Int
    public var figures: Int
    public var articles: Int
}
