public import EventLog

/// The articles and copies the log records, read from the log in one pass: what
/// `claimwatch articles`, `show` and `dupes` list.
public struct ArticleCatalog: Sendable {
    public struct Entry: Sendable {
        public var ingested: ArticleIngested
        /// The record as the log holds it, for answers that print it.
        public var record: LogRecord
        public var seq: UInt64 { record.seq }
        public var time: String { record.time }
        /// Copies of this article, in the order they arrived.
        public var copies: [Copy] = []
    }

    public struct Copy: Sendable {
        public var duplicate: ArticleDuplicate
        public var record: LogRecord
        public var seq: UInt64 { record.seq }
        public var time: String { record.time }
    }

    /// Originals, oldest first.
    public private(set) var articles: [Entry] = []
    private var position: [String: Int] = [:]
    /// Copies whose original is not in the log (it should never happen; kept to be shown).
    public private(set) var orphans: [Copy] = []
    /// Lines of the log that are not valid records: what the catalog holds leaves them out.
    public private(set) var damage: [LogDamage] = []

    public init(log directory: String) throws(EventLogError) {
        let cursor = try LogCursor(directory: directory)
        while let item = try cursor.next() {
            guard case let .record(record) = item else {
                if let damage = item.damage { self.damage.append(damage) }
                continue
            }
            switch record.type {
            case ArticleIngested.eventType:
                let ingested = try record.decode(ArticleIngested.self)
                position[ingested.article] = articles.count
                articles.append(Entry(ingested: ingested, record: record))
            case ArticleDuplicate.eventType:
                let duplicate = try record.decode(ArticleDuplicate.self)
                let copy = Copy(duplicate: duplicate, record: record)
                if let index = position[duplicate.of] { articles[index].copies.append(copy) } else { orphans.append(copy) }
            default:
                continue
            }
        }
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
}
