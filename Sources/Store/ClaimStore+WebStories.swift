/// Reads the web face's story pages need beyond `stories`: the stories whose topics
/// conflict (newest conflict first), one story's articles and topics, and a story's title.
/// Each is one pass over the topics table or an index probe (`articles_story`,
/// `topics_story`), never a scan of claims or figures.
extension ClaimStore {
    /// A story whose figures conflict somewhere, as the overview lists it.
    public struct StoryConflicts: Sendable, Equatable {
        public var story: String
        public var title: String?
        /// Topics of two figures or more, and those holding a disjoint pair.
        public var topics: Int
        public var conflicts: Int
        /// The newest record that filed a figure in one of its conflicting topics.
        public var lastSeq: Int64
    }

    /// Stories with a conflicting topic, the one whose conflict grew most recently first.
    /// A merged story's topics are filed under the story it joined, so merges need no
    /// following here.
    public func conflictingStories(limit: Int) throws(StoreError) -> [StoryConflicts] {
        try database.prepare("""
            SELECT t.story, s.title, count(*), sum(t.max_lo > t.min_hi),
                   max(CASE WHEN t.max_lo > t.min_hi THEN t.last_seq END) AS newest
            FROM topics t LEFT JOIN stories s ON s.id = t.story
            WHERE t.figures > 1 AND t.story != '' GROUP BY t.story HAVING sum(t.max_lo > t.min_hi) > 0
            ORDER BY newest DESC LIMIT \(max(0, limit))
            """).rows { row in
            StoryConflicts(story: row.text(0) ?? "", title: row.text(1), topics: Int(row.integer(2)),
                           conflicts: Int(row.integer(3)), lastSeq: row.integer(4))
        }
    }

    /// Conflicting topics in no story (figures recorded before stories were), newest first.
    public func conflictingTopicsOutsideStories(limit: Int) throws(StoreError) -> [TopicSummary] {
        try database.prepare("""
            SELECT id, label, key, figures, 1, last_seq FROM topics
            WHERE story = '' AND figures > 1 AND max_lo > min_hi ORDER BY last_seq DESC LIMIT \(max(0, limit))
            """).rows { row in
            TopicSummary(id: row.text(0) ?? "", label: row.text(1) ?? "", key: row.text(2) ?? "", figures: Int(row.integer(3)),
                         conflicting: true, lastSeq: row.integer(5))
        }
    }

    /// The articles (originals) of one story, by outlet (articles without one last), then
    /// by the day they speak for, then in log order.
    public func articleSummaries(inStory story: String) throws(StoreError) -> [ArticleSummary] {
        let rows = try database.prepare("""
            SELECT id, path, title, outlet, published, words, copies, seq, time FROM articles WHERE story = ? ORDER BY seq
            """).rows([.text(story)], Self.articleSummary)
        let days = rows.map { Self.day(published: $0.published, recorded: $0.time).day }
        return rows.indices.sorted { left, right in
            let (a, b) = (rows[left], rows[right])
            if a.outlet != b.outlet {
                guard let first = a.outlet else { return false }
                guard let second = b.outlet else { return true }
                return first < second
            }
            return days[left] == days[right] ? a.seq < b.seq : days[left] < days[right]
        }.map { rows[$0] }
    }

    /// The topics of one story, those in conflict first, then the largest, then the one a
    /// figure joined most recently.
    public func topics(inStory story: String) throws(StoreError) -> [TopicSummary] {
        try database.prepare("""
            SELECT id, label, key, figures, figures > 1 AND max_lo > min_hi AS conflicting, last_seq FROM topics WHERE story = ?
            ORDER BY conflicting DESC, figures DESC, last_seq DESC
            """).rows([.text(story)]) { row in
            TopicSummary(id: row.text(0) ?? "", label: row.text(1) ?? "", key: row.text(2) ?? "", figures: Int(row.integer(3)),
                         conflicting: row.integer(4) != 0, lastSeq: row.integer(5))
        }
    }

    /// A story's title (its first article's), and the story it merged into, if it did;
    /// nil for an id the store does not hold.
    public func storyName(id: String) throws(StoreError) -> (title: String?, mergedInto: String?)? {
        try database.prepare("SELECT title, merged_into FROM stories WHERE id = ?").rows([.text(id)]) { row in
            (title: row.text(0), mergedInto: row.text(1))
        }.first
    }
}
