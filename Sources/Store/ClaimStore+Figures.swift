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
        let lines = try database.prepare("""
            SELECT f.claim, f.idx, f.text, f.low, f.high, f.bound, f.unit, f.counted, f.lo, f.hi,
                   c.article, cl.canonical, c.cue, c.stance, c.time, a.outlet, a.published, a.copies, a.path
            FROM figures f JOIN claims c ON c.id = f.claim LEFT JOIN claimants cl ON cl.id = c.claimant
            LEFT JOIN articles a ON a.id = c.article
            WHERE f.topic = ? ORDER BY f.seq, f.idx
            """)
        return try topics.map { (topic: (String, String, String)) throws(StoreError) in
            var ranges: [FigureRange] = []
            var report = TopicReport(topic: topic.2, id: topic.0, key: topic.1, figures: [], conflicts: [])
            report.figures = try lines.rows([.text(topic.0)]) { row in
                ranges.append(FigureRange(low: row.real(8) ?? 0, high: row.real(9) ?? 0))
                return TopicReport.Line(
                    figure: "\(row.text(0) ?? "")#\(row.integer(1))", text: row.text(2) ?? "", low: row.real(3),
                    high: row.real(4), bound: row.text(5) ?? "", unit: row.text(6), counted: row.text(7),
                    claimant: row.text(11), cue: row.text(12), stance: row.text(13) ?? "asserts", article: row.text(10) ?? "", path: row.text(18),
                    outlet: row.text(15), published: row.text(16), time: row.text(14) ?? "", copies: Int(row.integer(17)),
                    sources: 0, reports: 0, conflicts: [])
            }
            Self.compare(&report, ranges: ranges)
            return report
        }
    }

    /// Fills in sources, reports and conflicts, with the ledger's own rules.
    static func compare(_ report: inout TopicReport, ranges: [FigureRange]) {
        let sourced = report.figures.enumerated().map { index, line in
            SourceCounter.Sourced(ref: FigureRef(claim: line.figure, index: 0), range: ranges[index],
                                  claimant: line.claimant, outlet: line.outlet, article: line.article, copies: line.copies)
        }
        for (index, backing) in SourceCounter.backing(sourced).enumerated() {
            report.figures[index].sources = backing.sources
            report.figures[index].reports = backing.reports
        }
        for first in ranges.indices {
            for second in ranges.indices where second > first && !ranges[first].overlaps(ranges[second]) {
                report.figures[first].conflicts.append(report.figures[second].figure)
                report.figures[second].conflicts.append(report.figures[first].figure)
                report.conflicts.append([report.figures[first].figure, report.figures[second].figure])
            }
        }
    }
}
