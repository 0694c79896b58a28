import Ledger

/// Reads the web face needs beyond the commands': one topic by id, topic names matching
/// words, the newest articles, and one claimant's figures by topic. Each is an index probe
/// or a scan of the small tables (topics, the newest rows of articles), never a scan of
/// claims or figures.
extension ClaimStore {
    /// A topic as the ledger lists it (its id, label, key, how many figures, and whether
    /// any two of them are disjoint), without its figures.
    public struct TopicSummary: Sendable, Equatable {
        public var id: String
        public var label: String
        public var key: String
        public var figures: Int
        /// Some pair of its figures is disjoint.
        public var conflicting: Bool
        /// The newest record that filed a figure in it.
        public var lastSeq: Int64
    }

    /// One topic with every figure, compared as `figures` compares them; nil for an id the
    /// store does not hold.
    public func topic(id: String) throws(StoreError) -> TopicReport? {
        let found = try database.prepare("SELECT key, label, figures, story FROM topics WHERE id = ?")
            .rows([.text(id)]) { row in
                (key: row.text(0) ?? "", label: row.text(1) ?? "", figures: Int(row.integer(2)),
                 story: row.text(3).flatMap { $0.isEmpty ? nil : $0 })
            }
        guard let topic = found.first else { return nil }
        var report = TopicReport(topic: topic.label, id: id, key: topic.key, figures: [], story: topic.story, conflictingPairs: 0,
                                 conflicts: [])
        report.figures.reserveCapacity(topic.figures)
        var keyed: [SourceCounter.Keyed] = []
        keyed.reserveCapacity(topic.figures)
        try Self.readFigures(database.prepare(Self.topicFigures + Self.topicOrder), values: [.text(id)], into: &report, &keyed)
        Self.compare(&report, keyed: keyed)
        return report
    }

    /// Topics whose key or label holds every word of `words` (as `figures --about`
    /// matches), the largest first; topics of one figure too, since a search names them.
    public func topics(matching words: String, limit: Int) throws(StoreError) -> [TopicSummary] {
        let wanted = SearchWords.words(words)
        guard !wanted.isEmpty else { return [] }
        let statement = try database.prepare("""
            SELECT id, label, key, figures, max_lo > min_hi, last_seq FROM topics ORDER BY figures DESC, last_seq DESC
            """)
        try statement.bind([])
        var found: [TopicSummary] = []
        while try statement.step(), found.count < max(0, limit) {
            let kept = statement.withBytes(2) { key in
                statement.withBytes(1) { label in SearchWords.matches(wanted, key, label) } ?? false
            } ?? false
            if kept { found.append(Self.topicSummary(statement)) }
        }
        // Disjoint extremes only say a topic might conflict; the ledger's rules say whether it does.
        let conflicting = try topicConflicts(in: found.filter(\.conflicting).map(\.id))
        for index in found.indices { found[index].conflicting = conflicting.contains(found[index].id) }
        return found
    }

    private static func topicSummary(_ row: Statement) -> TopicSummary {
        TopicSummary(id: row.text(0) ?? "", label: row.text(1) ?? "", key: row.text(2) ?? "", figures: Int(row.integer(3)),
                     conflicting: row.integer(4) != 0, lastSeq: row.integer(5))
    }

    /// An article as the store lists it.
    public struct ArticleSummary: Sendable, Equatable {
        public var id: String
        public var path: String
        public var title: String?
        public var outlet: String?
        public var published: String?
        public var words: Int
        public var copies: Int
        public var seq: Int64
        public var time: String
    }

    /// The newest articles recorded (originals only), newest first. Rows go in in log order,
    /// so the rowid runs with it and the newest are the last rows: no sort, no index.
    public func latestArticles(limit: Int) throws(StoreError) -> [ArticleSummary] {
        try database.prepare("""
            SELECT id, path, title, outlet, published, words, copies, seq, time FROM articles ORDER BY rowid DESC LIMIT \(max(0, limit))
            """).rows([], Self.articleSummary)
    }

    /// One article (an original) by its whole id.
    public func article(id: String) throws(StoreError) -> ArticleSummary? {
        try database.prepare("SELECT id, path, title, outlet, published, words, copies, seq, time FROM articles WHERE id = ?")
            .rows([.text(id)], Self.articleSummary).first
    }

    static func articleSummary(_ row: Statement) -> ArticleSummary {
        ArticleSummary(id: row.text(0) ?? "", path: row.text(1) ?? "", title: row.text(2), outlet: row.text(3),
                       published: row.text(4), words: Int(row.integer(5)), copies: Int(row.integer(6)), seq: row.integer(7),
                       time: row.text(8) ?? "")
    }

    /// A claimant by exact canonical name, with what it asserts; nil when no claim names it.
    public func claimant(canonical: String) throws(StoreError) -> ClaimantRow? {
        try database.prepare("SELECT canonical, kind, claims, figures, articles FROM claimants WHERE canonical = ?")
            .rows([.text(canonical)]) { row in
                ClaimantRow(claimant: row.text(0) ?? "", kind: row.text(1) ?? "", claims: Int(row.integer(2)),
                            figures: Int(row.integer(3)), articles: Int(row.integer(4)))
            }.first
    }

    /// One claimant's figure in a topic: where it is, and what it says.
    public struct ClaimantFigure: Sendable, Equatable {
        public var topic: String
        /// The topic's label; nil for a figure in no topic (nothing to compare it by).
        public var label: String?
        public var claim: String
        public var index: Int
        public var text: String
        public var article: String
        public var seq: Int64
    }

    /// The figures one claimant (exact canonical name) gives, newest first, at most `limit`.
    public func figures(ofClaimant canonical: String, limit: Int) throws(StoreError) -> [ClaimantFigure] {
        try database.prepare("""
            SELECT f.topic, t.label, f.claim, f.idx, f.text, f.article, f.seq
            FROM claims c JOIN figures f ON f.claim = c.id LEFT JOIN topics t ON t.id = f.topic
            WHERE c.claimant = (SELECT id FROM claimants WHERE canonical = ?)
            ORDER BY c.seq DESC, f.idx LIMIT \(max(0, limit))
            """).rows([.text(canonical)]) { row in
            ClaimantFigure(topic: row.text(0) ?? "", label: row.text(1), claim: row.text(2) ?? "", index: Int(row.integer(3)),
                           text: row.text(4) ?? "", article: row.text(5) ?? "", seq: row.integer(6))
        }
    }

    /// The claims of one claimant (exact canonical name), newest first: `claims --claimant`
    /// matches words of names, and a page about one claimant must not take in another.
    public func claims(ofClaimant canonical: String, limit: Int) throws(StoreError) -> [ClaimRow] {
        guard let id = try database.prepare("SELECT id FROM claimants WHERE canonical = ?")
            .rows([.text(canonical)], { $0.integer(0) }).first else { return [] }
        return try claimRows(matching: "SELECT seq FROM claims WHERE claimant = \(id) ORDER BY seq DESC LIMIT \(max(0, limit))",
                             values: [])
    }
}
