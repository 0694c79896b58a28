import Ledger
import Stories

extension ClaimStore {
    /// The topics whose key or label holds every word of `about` (all topics with two
    /// figures or more when `about` is nil), the largest first.
    public func figures(about: String? = nil, limit: Int? = nil) throws(StoreError) -> [TopicReport] {
        try figures(FigureFilter(about: about, limit: limit))
    }

    /// The topics the filter selects, the largest first, each with the figures that pass
    /// it: those are the ones compared (a topic's ledger for that outlet, claimant or
    /// time). A topic is listed when at least two of its figures pass, or one with `about`.
    public func figures(_ filter: FigureFilter) throws(StoreError) -> [TopicReport] {
        guard let scan = try figureScan(filter) else { return [] }
        var sql = "SELECT id, key, label, figures, story FROM topics"
        var conditions = filter.about == nil ? ["figures > 1"] : []
        var values: [SQLValue] = []
        if let story = filter.story {
            conditions.append("story = ?")
            values.append(.text(story))
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY figures DESC, last_seq DESC"
        let words = filter.about.map(SearchWords.words)
        if let words, words.isEmpty { return [] }
        var topics: [(id: String, key: String, label: String, figures: Int, story: String?)] = []
        let statement = try database.prepare(sql)
        try statement.bind(values)
        while try statement.step() {
            // Every topic is looked at for --about: its key and label are matched where
            // SQLite holds them, and only the topics kept become strings.
            if let words {
                let kept = statement.withBytes(1) { key in
                    statement.withBytes(2) { label in SearchWords.matches(words, key, label) } ?? false
                } ?? false
                guard kept else { continue }
            }
            topics.append((id: statement.text(0) ?? "", key: statement.text(1) ?? "", label: statement.text(2) ?? "",
                           figures: Int(statement.integer(3)), story: statement.text(4).flatMap { $0.isEmpty ? nil : $0 }))
        }
        // One range scan of the topic's figures: what the view shows and counts by is on
        // the row, packed in its record (see `FigureRecord`).
        let lines = try database.prepare(scan.sql)
        let least = filter.about == nil ? 2 : 1
        var reports: [TopicReport] = []
        for topic in topics {
            if let limit = filter.limit, reports.count >= max(0, limit) { break }
            var report = TopicReport(topic: topic.label, id: topic.id, key: topic.key, figures: [], story: topic.story,
                                     conflictingPairs: 0, conflicts: [])
            // Sized up front: a large topic's lines would otherwise be copied at every doubling.
            report.figures.reserveCapacity(topic.figures)
            var keyed: [SourceCounter.Keyed] = []
            keyed.reserveCapacity(topic.figures)
            try Self.readFigures(lines, values: [.text(topic.id)] + scan.values, into: &report, &keyed)
            guard report.figures.count >= least else { continue }
            Self.compare(&report, keyed: keyed)
            reports.append(report)
        }
        return reports
    }

    /// The statement that reads one topic's figures that pass the filter, and the values
    /// bound after the topic's id; nil when some filter matches nothing.
    private func figureScan(_ filter: FigureFilter) throws(StoreError) -> (sql: String, values: [SQLValue])? {
        var sql = Self.topicFigures
        var values: [SQLValue] = []
        if let claimant = filter.claimant {
            let ids = try claimantIDs(matching: claimant)
            guard !ids.isEmpty else { return nil }
            sql += " AND claim IN (SELECT id FROM claims WHERE claimant IN (\(ids.map(String.init).joined(separator: ","))))"
        }
        if let outlet = filter.outlet {
            let names = try outlets(matching: outlet)
            guard !names.isEmpty else { return nil }
            sql += " AND article IN (SELECT id FROM articles WHERE outlet IN (\(Self.placeholders(names.count))))"
            values.append(contentsOf: names.map { .text($0) })
        }
        if filter.published, filter.since != nil || filter.until != nil {
            let published = Self.timeBounds("published_at", since: filter.since, until: filter.until)
            sql += " AND article IN (SELECT id FROM articles WHERE "
                + (["published_at IS NOT NULL"] + published.conditions).joined(separator: " AND ") + ")"
            values += published.values
        } else if !filter.published, streamed {
            // Times do not rise with stream positions (see `claims`): the claims' own times.
            let times = Self.timeBounds("time", since: filter.since, until: filter.until)
            if !times.conditions.isEmpty {
                sql += " AND seq IN (SELECT seq FROM claims WHERE \(times.conditions.joined(separator: " AND ")))"
                values += times.values
            }
        } else if !filter.published {
            // A figure's seq is its claim's, so the time becomes a seq bound on the key.
            if let since = filter.since {
                guard let first = try database.prepare("SELECT min(seq) FROM claims WHERE time >= ?")
                    .rows([.text(since)], { $0.real(0).map { Int64($0) } }).first ?? nil else { return nil }
                sql += " AND seq >= \(first)"
            }
            if let until = filter.until {
                guard let last = try database.prepare("SELECT max(seq) FROM claims WHERE time < ?")
                    .rows([.text(until)], { $0.real(0).map { Int64($0) } }).first ?? nil else { return nil }
                sql += " AND seq <= \(last)"
            }
        }
        return (sql + Self.topicOrder, values)
    }

    /// The statement that reads a topic's figures, before any filter and its order.
    static let topicFigures = "SELECT seq, idx, copies, record, updates, updated_by FROM figures WHERE topic = ?"
    static let topicOrder = " ORDER BY seq, idx"

    /// Reads the figures a `topicFigures` statement finds onto the report's lines and the
    /// numbers they are counted by; a later claim's mark of history comes from its columns.
    static func readFigures(_ lines: Statement, values: [SQLValue], into report: inout TopicReport,
                            _ keyed: inout [SourceCounter.Keyed]) throws(StoreError) {
        try lines.bind(values)
        while try lines.step() {
            let copies = Int(lines.integer(2))
            guard lines.withBytes(3, { FigureRecord.read($0, copies: copies, into: &report.figures, &keyed) }) == true else {
                throw .damaged("the record of the figure at seq \(lines.integer(0)), index \(lines.integer(1))")
            }
            report.figures[report.figures.count - 1].updates = lines.text(4)
            report.figures[report.figures.count - 1].updatedBy = lines.text(5)
        }
    }
}
