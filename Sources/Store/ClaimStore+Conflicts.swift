import Ledger

/// Which topics conflict, for every count of them (`stats`, `stories`, the web face's
/// overview and story pages): a topic conflicts when the figures answer finds a conflicting
/// pair in it (`compare`: histories, one source's own figures and comparable days taken
/// into account), never by its extremes alone.
extension ClaimStore {
    /// A topic that could conflict (two figures or more, some two of them disjoint) and
    /// how many pairs conflict in it.
    struct TopicConflicts {
        var id: String
        var label: String
        var key: String
        var figures: Int
        /// '' for a topic outside any story.
        var story: String
        var lastSeq: Int64
        var pairs: Int
    }

    /// The topics that conflict, `story`'s alone when given ('' for those in no story).
    /// Only topics whose extremes are disjoint are compared, and a topic compared before
    /// is compared again only once a figure joined it.
    func topicConflicts(story: String? = nil) throws(StoreError) -> [TopicConflicts] {
        var sql = "SELECT id, label, key, figures, story, last_seq FROM topics WHERE figures > 1 AND max_lo > min_hi"
        var values: [SQLValue] = []
        if let story {
            sql += " AND story = ?"
            values.append(.text(story))
        }
        let candidates = try database.prepare(sql).rows(values) { row in
            TopicConflicts(id: row.text(0) ?? "", label: row.text(1) ?? "", key: row.text(2) ?? "", figures: Int(row.integer(3)),
                           story: row.text(4) ?? "", lastSeq: row.integer(5), pairs: 0)
        }
        guard !candidates.isEmpty else { return [] }
        let lines = try database.prepare(Self.topicFigures + Self.topicOrder)
        var found: [TopicConflicts] = []
        for var topic in candidates {
            topic.pairs = try conflictingPairs(topic: topic.id, lastSeq: topic.lastSeq, figures: topic.figures, lines: lines)
            if topic.pairs > 0 { found.append(topic) }
        }
        return found
    }

    /// Those of the topics given that conflict.
    func topicConflicts(in ids: [String]) throws(StoreError) -> Set<String> {
        guard !ids.isEmpty else { return [] }
        let rows = try database.prepare("""
            SELECT id, figures, last_seq FROM topics WHERE figures > 1 AND max_lo > min_hi AND id IN (\(Self.placeholders(ids.count)))
            """).rows(ids.map { .text($0) }) { (id: $0.text(0) ?? "", figures: Int($0.integer(1)), lastSeq: $0.integer(2)) }
        let lines = try database.prepare(Self.topicFigures + Self.topicOrder)
        var found: Set<String> = []
        for row in rows {
            if try conflictingPairs(topic: row.id, lastSeq: row.lastSeq, figures: row.figures, lines: lines) > 0 { found.insert(row.id) }
        }
        return found
    }

    /// The topic's conflicting pairs, compared again only when it changed since last time.
    private func conflictingPairs(topic id: String, lastSeq: Int64, figures: Int, lines: Statement) throws(StoreError) -> Int {
        if let known = comparedTopics[id], known.lastSeq == lastSeq, known.figures == figures { return known.pairs }
        var report = TopicReport(topic: "", id: id, key: "", figures: [], conflictingPairs: 0, conflicts: [])
        var keyed: [SourceCounter.Keyed] = []
        try Self.readFigures(lines, values: [.text(id)], into: &report, &keyed)
        Self.compare(&report, keyed: keyed)
        comparedTopics[id] = ComparedTopic(lastSeq: lastSeq, figures: figures, pairs: report.conflictingPairs)
        return report.conflictingPairs
    }
}

/// A topic's conflicting pairs, and what the topic was (its newest record, its size) when
/// they were counted.
struct ComparedTopic {
    var lastSeq: Int64
    var figures: Int
    var pairs: Int
}
