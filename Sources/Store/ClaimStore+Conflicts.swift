import Ledger

/// Which topics conflict, for every count of them (`stats`, `stories`, the web face's
/// overview and story pages): a topic conflicts when its figures answer finds a conflicting
/// pair in it (`compare`: histories, one source's own figures and comparable days taken
/// into account), never by its extremes alone. The count is kept in `topics.conflicts`,
/// compared once after each catch-up for the topics figures joined, so a count of them
/// reads one small table.
extension ClaimStore {
    /// A topic that conflicts, and how many of its pairs do.
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

    /// Compares the topics a figure joined since they were last compared (`conflicts` is
    /// NULL), and stores their conflicting pairs; a topic whose extremes overlap has none.
    func settleConflicts() throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            let pending = try database.prepare("""
                SELECT id FROM topics WHERE conflicts IS NULL AND figures > 1 AND max_lo > min_hi
                """).rows { $0.text(0) ?? "" }
            try database.execute("UPDATE topics SET conflicts = 0 WHERE conflicts IS NULL AND NOT (figures > 1 AND max_lo > min_hi)")
            guard !pending.isEmpty else { return }
            let lines = try database.prepare(Self.topicFigures + Self.topicOrder)
            let store = try database.prepare("UPDATE topics SET conflicts = ? WHERE id = ?")
            for id in pending { try store.run([.integer(Int64(try conflictingPairs(topic: id, lines: lines))), .text(id)]) }
        }
    }

    /// The topics that conflict, `story`'s alone when given ('' for those in no story). A
    /// topic not yet compared (a store opened without catching up, or caught up by an
    /// older build) is compared here, and the answer kept in memory while it is unchanged.
    func topicConflicts(story: String? = nil, unsettledOnly: Bool = false) throws(StoreError) -> [TopicConflicts] {
        var sql = """
            SELECT id, label, key, figures, story, last_seq, conflicts FROM topics
            WHERE figures > 1 AND max_lo > min_hi AND (conflicts IS NULL\(unsettledOnly ? "" : " OR conflicts > 0"))
            """
        var values: [SQLValue] = []
        if let story {
            sql += " AND story = ?"
            values.append(.text(story))
        }
        let rows = try database.prepare(sql).rows(values) { row in
            (topic: TopicConflicts(id: row.text(0) ?? "", label: row.text(1) ?? "", key: row.text(2) ?? "",
                                   figures: Int(row.integer(3)), story: row.text(4) ?? "", lastSeq: row.integer(5),
                                   pairs: Int(row.integer(6))),
             known: row.real(6) != nil)
        }
        var found: [TopicConflicts] = []
        var lines: Statement?
        for (var topic, known) in rows {
            if !known {
                let statement: Statement
                if let lines {
                    statement = lines
                } else {
                    statement = try database.prepare(Self.topicFigures + Self.topicOrder)
                    lines = statement
                }
                topic.pairs = try unsettledPairs(topic.id, lastSeq: topic.lastSeq, figures: topic.figures, lines: statement)
            }
            if topic.pairs > 0 { found.append(topic) }
        }
        return found
    }

    /// How many topics conflict: a count of the topics table, and those not yet compared.
    func conflictingTopicCount() throws(StoreError) -> Int {
        let settled = try database.prepare("""
            SELECT count(*) FROM topics WHERE figures > 1 AND max_lo > min_hi AND conflicts > 0
            """).rows { Int($0.integer(0)) }.first ?? 0
        return settled + (try topicConflicts(unsettledOnly: true).count)
    }

    /// Those of the topics given that conflict.
    func topicConflicts(in ids: [String]) throws(StoreError) -> Set<String> {
        guard !ids.isEmpty else { return [] }
        let wanted = Set(ids)
        return Set(try topicConflicts().map(\.id).filter(wanted.contains))
    }

    /// A topic's conflicting pairs where the store holds none yet, kept in memory while the
    /// topic is unchanged.
    private func unsettledPairs(_ id: String, lastSeq: Int64, figures: Int, lines: Statement) throws(StoreError) -> Int {
        if let known = comparedTopics[id], known.lastSeq == lastSeq, known.figures == figures { return known.pairs }
        let pairs = try conflictingPairs(topic: id, lines: lines)
        comparedTopics[id] = ComparedTopic(lastSeq: lastSeq, figures: figures, pairs: pairs)
        return pairs
    }

    private func conflictingPairs(topic id: String, lines: Statement) throws(StoreError) -> Int {
        var report = TopicReport(topic: "", id: id, key: "", figures: [], conflictingPairs: 0, conflicts: [])
        var keyed: [SourceCounter.Keyed] = []
        try Self.readFigures(lines, values: [.text(id)], into: &report, &keyed)
        Self.compare(&report, keyed: keyed)
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
