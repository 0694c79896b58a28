/// What a story id, or the start of one, names (as with article ids, any unique prefix
/// will do). A story that merged into another names the one it joined.
public enum StoryLookup: Sendable, Equatable {
    case story(String)
    case notFound
    /// Several stories' ids start with it: some of them (up to `ClaimStore.candidatesListed`).
    case ambiguous([String])
}

extension ClaimStore {
    /// Looks up a story by its id or a prefix of one, following merges to the story that
    /// holds its articles now.
    public func lookup(story prefix: String) throws(StoreError) -> StoryLookup {
        guard !prefix.isEmpty else { return .notFound }
        let found = try database.prepare("""
            SELECT id, merged_into FROM stories WHERE id >= ? AND id < ? ORDER BY id LIMIT \(Self.candidatesListed + 1)
            """).rows([.text(prefix), .text(prefix + "\u{10FFFF}")]) { (id: $0.text(0) ?? "", into: $0.text(1)) }
        guard let match = found.first(where: { $0.id == prefix }) ?? (found.count == 1 ? found.first : nil) else {
            return found.isEmpty ? .notFound : .ambiguous(Array(found.map(\.id).prefix(Self.candidatesListed)))
        }
        return .story(match.into ?? match.id)
    }

    /// The ids of the articles a story holds (originals; their copies are in it too).
    public func articles(inStory story: String) throws(StoreError) -> [String] {
        try database.prepare("SELECT id FROM articles WHERE story = ? ORDER BY seq").rows([.text(story)]) { $0.text(0) ?? "" }
    }

    /// The stories, the most recently told first, with their articles, outlets, days and
    /// ledger. With `story`, that story alone; with `outlet` or a time, only the stories with
    /// an article that passes, counted over the articles that pass.
    public func stories(_ filter: StoryFilter = StoryFilter()) throws(StoreError) -> [StoryReport] {
        var sql = "SELECT story, outlet, published, time, copies, seq FROM articles WHERE story IS NOT NULL"
        var values: [SQLValue] = []
        if let story = filter.story {
            sql += " AND story = ?"
            values.append(.text(story))
        }
        if let outlet = filter.outlet {
            let names = try outlets(matching: outlet)
            guard !names.isEmpty else { return [] }
            sql += " AND outlet IN (\(Self.placeholders(names.count)))"
            values.append(contentsOf: names.map { .text($0) })
        }
        let column = filter.published ? "published_at" : "time"
        if let since = filter.since {
            sql += " AND \(column) >= ?"
            values.append(.text(since))
        }
        if let until = filter.until {
            sql += " AND \(column) < ?"
            values.append(.text(until))
        }
        var reports: [String: StoryReport] = [:]
        var outletCounts: [String: [String: Int]] = [:]
        let statement = try database.prepare(sql + " ORDER BY seq")
        try statement.bind(values)
        while try statement.step() {
            let story = statement.text(0) ?? ""
            let (day, dated) = Self.day(published: statement.text(2), recorded: statement.text(3) ?? "")
            var report = reports[story] ?? StoryReport(story: story, title: nil, articles: 0, copies: 0, outlets: [],
                                                       first: day, firstDated: dated, last: day, lastDated: dated,
                                                       topics: 0, conflicts: 0, merged: [], seq: 0)
            report.articles += 1
            report.copies += Int(statement.integer(4))
            report.seq = max(report.seq, statement.integer(5))
            if day < report.first { (report.first, report.firstDated) = (day, dated) }
            if day > report.last { (report.last, report.lastDated) = (day, dated) }
            if let outlet = statement.text(1) { outletCounts[story, default: [:]][outlet, default: 0] += 1 }
            reports[story] = report
        }
        guard !reports.isEmpty else { return [] }
        let names = try database.prepare("SELECT id, title, merged_into FROM stories").rows { row in
            (id: row.text(0) ?? "", title: row.text(1), into: row.text(2))
        }
        for name in names {
            if let into = name.into { reports[into]?.merged.append(name.id) } else { reports[name.id]?.title = name.title }
        }
        let ledger = try database.prepare("""
            SELECT story, count(*) FROM topics WHERE figures > 1 AND story != '' GROUP BY story
            """).rows { (story: $0.text(0) ?? "", topics: Int($0.integer(1))) }
        for row in ledger where reports[row.story] != nil { reports[row.story]?.topics = row.topics }
        // Topics in conflict by the figures answer's rules (`topicConflicts`).
        for topic in try topicConflicts(story: filter.story) where !topic.story.isEmpty {
            reports[topic.story]?.conflicts += 1
        }
        for (story, counts) in outletCounts {
            reports[story]?.outlets = counts.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }.map(\.key)
        }
        let ordered = reports.values.sorted { $0.seq > $1.seq }
        return filter.limit.map { Array(ordered.prefix(max(0, $0))) } ?? ordered
    }

    /// The day an article speaks for, as the figures ledger takes it: its published date
    /// when that reads as one, else the day the log recorded it.
    public static func day(published: String?, recorded: String) -> (day: String, dated: String) {
        if let published, published.utf8.count >= 10 {
            let day = String(published.prefix(10))
            let shape = day.utf8.enumerated().allSatisfy { offset, byte in
                offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : (0x30...0x39).contains(byte)
            }
            if shape { return (day, "published") }
        }
        return (String(recorded.prefix(10)), "recorded")
    }
}

/// Which stories `claimwatch stories` lists.
public struct StoryFilter: Sendable, Equatable {
    /// One story's id (as `lookup(story:)` resolves it).
    public var story: String?
    /// Only articles of this outlet count.
    public var outlet: String?
    /// Only articles recorded (with `published`, published) in this time count.
    public var since: String?
    public var until: String?
    public var published = false
    /// At most this many stories.
    public var limit: Int?

    public init(story: String? = nil, outlet: String? = nil, since: String? = nil, until: String? = nil,
                published: Bool = false, limit: Int? = nil) {
        self.story = story
        self.outlet = outlet
        self.since = since
        self.until = until
        self.published = published
        self.limit = limit
    }
}
