public import EventLog

/// The articles and copies the log records, read from the log in one pass, grouped into
/// stories: what `claimwatch articles`, `show` and `dupes` list.
///
/// A story is an article with every version of it: its copies, the shorter articles it
/// turned out to contain (`article.contained`), and the later versions that update it. Its
/// representative is the fullest version in the record (the most words; the earliest of
/// equals), whichever arrived first, so the full wire story stands for the story even when
/// its trimmed copy came in before it. Nothing is rewritten: the grouping is worked out from
/// the events each time.
public struct ArticleCatalog: Sendable {
    public struct Entry: Sendable {
        public var ingested: ArticleIngested
        /// The record as the log holds it, for answers that print it.
        public var record: LogRecord
        public var seq: UInt64 { record.seq }
        public var time: String { record.time }
        /// Copies of this article, in the order they arrived.
        public var copies: [Copy] = []
        /// The fuller article this one was found to lie inside, if any.
        public var within: ArticleContained?
    }

    public struct Copy: Sendable {
        public var duplicate: ArticleDuplicate
        public var record: LogRecord
        public var seq: UInt64 { record.seq }
        public var time: String { record.time }
    }

    /// One story: the fullest version, and the others in the order they arrived.
    public struct Story: Sendable {
        public var representative: Entry
        /// The other articles of the story (shorter versions, updates), oldest first.
        public var versions: [Entry]
        /// The copies of every article of the story, oldest first.
        public var copies: [Copy]
        /// The newest record of the story.
        public var latestSeq: UInt64

        /// Everything but the representative.
        public var others: Int { versions.count + copies.count }
    }

    /// Articles, oldest first.
    public private(set) var articles: [Entry] = []
    private var position: [String: Int] = [:]
    /// Copies whose original is not in the log (it should never happen; kept to be shown).
    public private(set) var orphans: [Copy] = []
    /// Stories, oldest representative first.
    public private(set) var stories: [Story] = []
    private var storyOf: [String: Int] = [:]
    /// Lines of the log that are not valid records: what the catalog holds leaves them out.
    public private(set) var damage: [LogDamage] = []

    public init(log directory: String) throws(EventLogError) {
        var links: [(String, String)] = []
        let cursor = try LogCursor(directory: directory)
        while let item = try cursor.next() {
            guard case let .record(record) = item else {
                if let damage = item.damage { self.damage.append(damage) }
                continue
            }
            try add(record, links: &links)
        }
        group(links)
    }

    /// The catalog of records given in their order (a cluster's stream, each record's seq
    /// its stream position, so copies and versions of several hosts keep that one order).
    public init(records: some Sequence<LogRecord>) throws(EventLogError) {
        var links: [(String, String)] = []
        for record in records { try add(record, links: &links) }
        group(links)
    }

    private mutating func add(_ record: LogRecord, links: inout [(String, String)]) throws(EventLogError) {
        switch record.type {
        case ArticleIngested.eventType:
            let ingested = try record.decode(ArticleIngested.self)
            position[ingested.article] = articles.count
            articles.append(Entry(ingested: ingested, record: record))
            if let earlier = ingested.updates { links.append((ingested.article, earlier)) }
        case ArticleDuplicate.eventType:
            let duplicate = try record.decode(ArticleDuplicate.self)
            // A late verdict (the cluster mode): the article recorded as an original is a copy.
            if duplicate.reconciled == true, duplicate.of != duplicate.article, let index = position.removeValue(forKey: duplicate.article) {
                articles.remove(at: index)
                for later in articles[index...].indices { position[articles[later].ingested.article] = later }
            }
            let copy = Copy(duplicate: duplicate, record: record)
            if let index = position[duplicate.of] { articles[index].copies.append(copy) } else { orphans.append(copy) }
        case ArticleContained.eventType:
            let contained = try record.decode(ArticleContained.self)
            if let index = position[contained.article] { articles[index].within = contained }
            links.append((contained.article, contained.within))
        case ArticleReconciled.eventType:
            // A late verdict: a later version of another host's original, as `updates` says.
            let version = try record.decode(ArticleReconciled.self)
            links.append((version.article, version.updates))
        default:
            return
        }
    }

    /// The record types a catalog reads.
    public static let types: Set<String> = [ArticleIngested.eventType, ArticleDuplicate.eventType, ArticleContained.eventType,
                                            ArticleReconciled.eventType]

    /// Stories are the connected groups of articles the version links join.
    private mutating func group(_ links: [(String, String)]) {
        var parent = Array(articles.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        for (left, right) in links {
            guard let a = position[left], let b = position[right] else { continue }
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var members: [Int: [Int]] = [:]
        for index in articles.indices { members[root(index), default: []].append(index) }
        for key in members.keys.sorted() {
            let group = members[key] ?? []
            guard let best = Self.fullest(of: group, words: { articles[$0].ingested.words }) else { continue }
            let copies = group.flatMap { articles[$0].copies }.sorted { $0.seq < $1.seq }
            let latest = max(group.map { articles[$0].seq }.max() ?? 0, copies.last?.seq ?? 0)
            let story = Story(representative: articles[best], versions: group.filter { $0 != best }.map { articles[$0] },
                              copies: copies, latestSeq: latest)
            for index in group {
                storyOf[articles[index].ingested.article] = stories.count
                for copy in articles[index].copies { storyOf[copy.duplicate.article] = stories.count }
            }
            stories.append(story)
        }
    }

    /// The version that stands for a story: the one with the most words; among equals, the
    /// earliest (the lowest position). The web face's record index groups by the same rule.
    package static func fullest(of group: [Int], words: (Int) -> Int) -> Int? {
        group.min { words($0) != words($1) ? words($0) > words($1) : $0 < $1 }
    }

    /// The article with this id.
    public func article(id: String) -> Entry? {
        position[id].map { articles[$0] }
    }

    /// The copy with this id, with the article it copies.
    public func copy(id: String) -> (copy: Copy, of: Entry)? {
        for entry in articles {
            if let copy = entry.copies.first(where: { $0.duplicate.article == id }) { return (copy, entry) }
        }
        return nil
    }

    /// The story an article or copy id belongs to.
    public func story(id: String) -> Story? {
        storyOf[id].map { stories[$0] }
    }
}
