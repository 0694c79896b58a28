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

    /// Stories with a conflicting topic (`topicConflicts`), the one whose conflict grew most
    /// recently first. A merged story's topics are filed under the story it joined, so
    /// merges need no following here.
    public func conflictingStories(limit: Int) throws(StoreError) -> [StoryConflicts] {
        var byStory: [String: (conflicts: Int, newest: Int64)] = [:]
        for topic in try topicConflicts() where !topic.story.isEmpty {
            let known = byStory[topic.story] ?? (0, .min)
            byStory[topic.story] = (known.conflicts + 1, max(known.newest, topic.lastSeq))
        }
        let chosen = byStory.sorted { $0.value.newest == $1.value.newest ? $0.key < $1.key : $0.value.newest > $1.value.newest }
            .prefix(max(0, limit))
        return try chosen.map { story, counted throws(StoreError) in
            let row = try database.prepare("""
                SELECT (SELECT title FROM stories WHERE id = ?1), (SELECT count(*) FROM topics WHERE story = ?1 AND figures > 1)
                """).rows([.text(story)]) { (title: $0.text(0), topics: Int($0.integer(1))) }.first
            return StoryConflicts(story: story, title: row?.title, topics: row?.topics ?? 0, conflicts: counted.conflicts,
                                  lastSeq: counted.newest)
        }
    }

    /// Conflicting topics in no story (figures recorded before stories were), newest first.
    public func conflictingTopicsOutsideStories(limit: Int) throws(StoreError) -> [TopicSummary] {
        try topicConflicts(story: "").sorted { $0.lastSeq == $1.lastSeq ? $0.id < $1.id : $0.lastSeq > $1.lastSeq }
            .prefix(max(0, limit)).map { topic in
                TopicSummary(id: topic.id, label: topic.label, key: topic.key, figures: topic.figures, conflicting: true,
                             lastSeq: topic.lastSeq)
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

    /// The topics of one story, those in conflict (`topicConflicts`) first, then the
    /// largest, then the one a figure joined most recently.
    public func topics(inStory story: String) throws(StoreError) -> [TopicSummary] {
        let conflicting = Set(try topicConflicts(story: story).map(\.id))
        return try database.prepare("SELECT id, label, key, figures, last_seq FROM topics WHERE story = ?").rows([.text(story)]) { row in
            let id = row.text(0) ?? ""
            return TopicSummary(id: id, label: row.text(1) ?? "", key: row.text(2) ?? "", figures: Int(row.integer(3)),
                                conflicting: conflicting.contains(id), lastSeq: row.integer(4))
        }.sorted { first, second in
            if first.conflicting != second.conflicting { return first.conflicting }
            if first.figures != second.figures { return first.figures > second.figures }
            return first.lastSeq == second.lastSeq ? first.id < second.id : first.lastSeq > second.lastSeq
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
