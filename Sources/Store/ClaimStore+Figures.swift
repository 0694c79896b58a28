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
            try lines.bind([.text(topic.id)] + scan.values)
            while try lines.step() {
                let copies = Int(lines.integer(2))
                guard lines.withBytes(3, { FigureRecord.read($0, copies: copies, into: &report.figures, &keyed) }) == true else {
                    throw .damaged("the record of the figure at seq \(lines.integer(0)), index \(lines.integer(1))")
                }
                report.figures[report.figures.count - 1].updates = lines.text(4)
                report.figures[report.figures.count - 1].updatedBy = lines.text(5)
            }
            guard report.figures.count >= least else { continue }
            Self.compare(&report, keyed: keyed)
            reports.append(report)
        }
        return reports
    }

    /// The statement that reads one topic's figures that pass the filter, and the values
    /// bound after the topic's id; nil when some filter matches nothing.
    private func figureScan(_ filter: FigureFilter) throws(StoreError) -> (sql: String, values: [SQLValue])? {
        var sql = "SELECT seq, idx, copies, record, updates, updated_by FROM figures WHERE topic = ?"
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
            sql += " AND article IN (SELECT id FROM articles WHERE published_at IS NOT NULL"
            if let since = filter.since {
                sql += " AND published_at >= ?"
                values.append(.text(since))
            }
            if let until = filter.until {
                sql += " AND published_at < ?"
                values.append(.text(until))
            }
            sql += ")"
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
        return (sql + " ORDER BY seq, idx", values)
    }

    /// Fills in sources, reports, histories and conflicts, with the live ledger's own rules
    /// (`SourceHistory`, `FigureDays`): a figure a later claim updated, or its source's newer
    /// figure, is history and conflicts with nothing; the current figures of different
    /// sources conflict when disjoint and their days are comparable.
    static func compare(_ report: inout TopicReport, keyed: [SourceCounter.Keyed]) {
        let ranges = keyed.map(\.range)
        let byLow = StableOrder.positions(by: ranges.map { StableOrder.key($0.low) })
        // The figures in order of low are grouped by value with one more sort, by high.
        for (index, backing) in SourceCounter.backing(keyed, byLow: byLow).enumerated() {
            report.figures[index].sources = backing.sources
            report.figures[index].reports = backing.reports
        }
        let dates = report.figures.map { StoryDate(published: $0.published, recorded: $0.time) }
        markHistories(&report, keyed: keyed, dates: dates)
        let current = report.figures.indices.filter { report.figures[$0].updatedBy == nil }
        let currentDates = current.map { dates[$0] }
        let timeless = FigureDays.allComparable(currentDates)
        guard current.count < report.figures.count || !timeless else {
            compare(&report, ranges: ranges, byLow: byLow)
            return
        }
        // Conflicts among the current figures alone, their positions mapped back.
        var subset = report
        subset.figures = current.map { report.figures[$0] }
        if timeless {
            compare(&subset, ranges: current.map { ranges[$0] })
        } else {
            compare(&subset, ranges: current.map { ranges[$0] }, dates: currentDates)
        }
        for (position, index) in current.enumerated() {
            report.figures[index].conflicting = subset.figures[position].conflicting
            report.figures[index].agreeing = subset.figures[position].agreeing
            report.figures[index].conflicts = subset.figures[position].conflicts.map { current[$0] }
        }
        for index in report.figures.indices where report.figures[index].updatedBy != nil {
            report.figures[index].agreeing = 0
        }
        report.conflictingPairs = subset.conflictingPairs
        report.conflicts = subset.conflicts.map { $0.map { current[$0] } }
    }

    /// Each source's figures in topic order, as the live ledger files them: its newer
    /// figure updates its older one, and one that arrives after a newer one is history at
    /// once. A figure the store already marks (a later version's claim updated it) keeps
    /// that mark.
    private static func markHistories(_ report: inout TopicReport, keyed: [SourceCounter.Keyed], dates: [StoryDate?]) {
        var history = SourceHistory<Int64>()
        for index in keyed.indices {
            switch history.file(keyed[index].source, at: index, date: { dates[$0] }) {
            case .first:
                break
            case .updates(let previous):
                guard report.figures[previous].updatedBy == nil else { continue }
                report.figures[previous].updatedBy = report.figures[index].figure
                if report.figures[index].updates == nil { report.figures[index].updates = claim(of: report.figures[previous].figure) }
            case .updatedBy(let newer):
                if report.figures[index].updatedBy == nil { report.figures[index].updatedBy = report.figures[newer].figure }
            }
        }
    }

    /// The claim of a `claim#index` figure name.
    private static func claim(of figure: String) -> String {
        figure.lastIndex(of: "#").map { String(figure[..<$0]) } ?? figure
    }

    /// Fills in each figure's conflicts and the topic's conflicting pairs when not every
    /// two figures speak for comparable days: pair by pair, only those that do are compared.
    /// Conflicts are listed by position, the first `TopicReport.listed` of them.
    static func compare(_ report: inout TopicReport, ranges: [FigureRange], dates: [StoryDate?]) {
        var total = 0
        for index in ranges.indices {
            report.figures[index].conflicting = 0
            report.figures[index].agreeing = 0
            report.figures[index].conflicts = []
        }
        for first in ranges.indices {
            for second in (first + 1)..<ranges.count where FigureDays.comparable(dates[first], dates[second]) {
                guard !ranges[first].overlaps(ranges[second]) else {
                    report.figures[first].agreeing += 1
                    report.figures[second].agreeing += 1
                    continue
                }
                total += 1
                for (one, other) in [(first, second), (second, first)] {
                    report.figures[one].conflicting += 1
                    if report.figures[one].conflicts.count < TopicReport.listed { report.figures[one].conflicts.append(other) }
                }
                if report.conflicts.count < TopicReport.pairsListed { report.conflicts.append([first, second]) }
            }
        }
        report.conflictingPairs = total
    }

    /// Fills in each figure's conflicts and the topic's conflicting pairs.
    static func compare(_ report: inout TopicReport, ranges: [FigureRange], byLow: [Int]? = nil) {
        // A figure conflicts with those whose high is below its low and those whose low is
        // above its high. With both ends sorted, one sweep in order of low counts the highs
        // below each figure, and one in order of high the lows above it. Equal ends stay in
        // topic order, which decides who is listed past the cap.
        let byHigh = StableOrder.positions(by: ranges.map { StableOrder.key($0.high) })
        let byLow = byLow ?? StableOrder.positions(by: ranges.map { StableOrder.key($0.low) })
        let highs = byHigh.map { ranges[$0].high }, lows = byLow.map { ranges[$0].low }
        let count = ranges.count
        var below = [Int](repeating: 0, count: count), above = [Int](repeating: 0, count: count)
        var passed = 0
        for (low, index) in zip(lows, byLow) {
            while passed < count, highs[passed] < low { passed += 1 }
            below[index] = passed
        }
        passed = 0
        for (high, index) in zip(highs, byHigh) {
            while passed < count, lows[passed] <= high { passed += 1 }
            above[index] = count - passed
        }
        // The list depends only on how many lie below and above (the lowest-ending figures
        // below, then the lowest-starting above, to the cap): figures that give the same
        // value, common in a large topic, share one list.
        var lists: [Int: [Int]] = [:]
        var total = 0
        for index in ranges.indices {
            let conflicting = below[index] + above[index]
            report.figures[index].conflicting = conflicting
            report.figures[index].agreeing = count - 1 - conflicting
            total += conflicting
            guard conflicting > 0 else { continue }
            let key = below[index] * (count + 1) + above[index]
            let others: [Int]
            if let known = lists[key] {
                others = known
            } else {
                let listedBelow = min(below[index], TopicReport.listed)
                let listedAbove = min(above[index], TopicReport.listed - listedBelow)
                let firstAbove = count - above[index]
                var list: [Int] = []
                list.reserveCapacity(listedBelow + listedAbove)
                list.append(contentsOf: byHigh[0..<listedBelow])
                list.append(contentsOf: byLow[firstAbove..<(firstAbove + listedAbove)])
                list.sort()
                lists[key] = list
                others = list
            }
            if report.conflicts.count < TopicReport.pairsListed {
                for other in others where other > index && report.conflicts.count < TopicReport.pairsListed {
                    report.conflicts.append([index, other])
                }
            }
            report.figures[index].conflicts = others
        }
        report.conflictingPairs = total / 2
    }
}
