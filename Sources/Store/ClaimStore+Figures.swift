import Ledger

extension ClaimStore {
    /// The topics whose key or label holds every word of `about` (all topics with two
    /// figures or more when `about` is nil), the largest first.
    public func figures(about: String? = nil, limit: Int? = nil) throws(StoreError) -> [TopicReport] {
        var conditions: [String] = []
        var values: [SQLValue] = []
        if let about {
            for word in Self.words(about) {
                conditions.append("(lower(key) || ' ' || lower(label)) LIKE ? ESCAPE '\\'")
                values.append(.text("%\(Self.escapedLike(word))%"))
            }
        } else {
            conditions.append("figures > 1")
        }
        var sql = "SELECT id, key, label FROM topics"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY figures DESC, last_seq DESC"
        if let limit { sql += " LIMIT \(max(0, limit))" }
        let topics = try database.prepare(sql).rows(values) { ($0.text(0) ?? "", $0.text(1) ?? "", $0.text(2) ?? "") }
        // One range scan of the topic's figures: their display fields are on the row, and
        // SQLite joins `claim#idx` in C rather than Swift interpolating it per row.
        let lines = try database.prepare("""
            SELECT claim || '#' || idx, text, low, high, bound, unit, counted, lo, hi,
                   article, claimant, cue, stance, time, outlet, published, copies, path, source, report
            FROM figures WHERE topic = ? ORDER BY seq, idx
            """)
        return try topics.map { (topic: (String, String, String)) throws(StoreError) in
            var keyed: [SourceCounter.Keyed] = []
            var report = TopicReport(topic: topic.2, id: topic.0, key: topic.1, figures: [], conflictingPairs: 0, conflicts: [])
            report.figures = try lines.rows([.text(topic.0)]) { row in
                let copies = Int(row.integer(16))
                keyed.append(SourceCounter.Keyed(range: FigureRange(low: row.real(7) ?? 0, high: row.real(8) ?? 0),
                                                 source: row.integer(18), article: row.integer(19), copies: copies))
                return TopicReport.Line(
                    figure: row.text(0) ?? "", text: row.text(1) ?? "", low: row.real(2), high: row.real(3),
                    bound: row.text(4) ?? "", unit: row.text(5), counted: row.text(6), claimant: row.text(10),
                    cue: row.text(11), stance: row.text(12) ?? "asserts", article: row.text(9) ?? "", path: row.text(17),
                    outlet: row.text(14), published: row.text(15), time: row.text(13) ?? "", copies: copies,
                    sources: 0, reports: 0, conflicting: 0, conflicts: [])
            }
            Self.compare(&report, keyed: keyed)
            return report
        }
    }

    /// How many leading elements of a sorted array satisfy `isBefore`.
    static func count(_ sorted: [Double], where isBefore: (Double) -> Bool) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(sorted[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Fills in sources, reports and conflicts, with the ledger's own rules.
    static func compare(_ report: inout TopicReport, keyed: [SourceCounter.Keyed]) {
        for (index, backing) in SourceCounter.backing(keyed).enumerated() {
            report.figures[index].sources = backing.sources
            report.figures[index].reports = backing.reports
        }
        compare(&report, ranges: keyed.map(\.range))
    }

    /// Fills in each figure's conflicts and the topic's conflicting pairs.
    static func compare(_ report: inout TopicReport, ranges: [FigureRange]) {
        // A figure conflicts with those whose high is below its low and those whose low is
        // above its high: with both ends sorted, counting them is two binary searches.
        let byHigh = ranges.indices.sorted { ranges[$0].high < ranges[$1].high }
        let byLow = ranges.indices.sorted { ranges[$0].low < ranges[$1].low }
        let highs = byHigh.map { ranges[$0].high }, lows = byLow.map { ranges[$0].low }
        var total = 0
        var others: [Int] = []
        others.reserveCapacity(TopicReport.listed)
        for index in ranges.indices {
            let below = Self.count(highs) { $0 < ranges[index].low }
            let above = lows.count - Self.count(lows) { $0 <= ranges[index].high }
            others.removeAll(keepingCapacity: true)
            others.append(contentsOf: byHigh.prefix(min(below, TopicReport.listed)))
            others.append(contentsOf: byLow.suffix(above).prefix(max(0, TopicReport.listed - below)))
            others.sort()
            report.figures[index].conflicting = below + above
            report.figures[index].conflicts = others
            total += below + above
            for other in others where other > index && report.conflicts.count < TopicReport.pairsListed {
                report.conflicts.append([index, other])
            }
        }
        report.conflictingPairs = total / 2
    }
}
