public import EventLog

/// The articles and copies the log records, read from the log in one pass: what
/// `claimwatch articles`, `show` and `dupes` list.
public struct ArticleCatalog: Sendable {
    public struct Entry: Sendable {
        public var ingested: ArticleIngested
        public var seq: UInt64
        public var time: String
        /// Copies of this article, in the order they arrived.
        public var copies: [Copy] = []
    }

    public struct Copy: Sendable {
        public var duplicate: ArticleDuplicate
        public var seq: UInt64
        public var time: String
    }

    /// Originals, oldest first.
    public private(set) var articles: [Entry] = []
    private var position: [String: Int] = [:]
    /// Copies whose original is not in the log (it should never happen; kept to be shown).
    public private(set) var orphans: [Copy] = []

    public init(log directory: String) throws(EventLogError) {
        let cursor = try LogCursor(directory: directory)
        while let item = try cursor.next() {
            guard case let .record(record) = item else { continue }
            switch record.type {
            case ArticleIngested.eventType:
                let ingested = try record.decode(ArticleIngested.self)
                position[ingested.article] = articles.count
                articles.append(Entry(ingested: ingested, seq: record.seq, time: record.time))
            case ArticleDuplicate.eventType:
                let duplicate = try record.decode(ArticleDuplicate.self)
                let copy = Copy(duplicate: duplicate, seq: record.seq, time: record.time)
                if let index = position[duplicate.of] { articles[index].copies.append(copy) } else { orphans.append(copy) }
            default:
                continue
            }
        }
    }

    /// The article with this id, or whose id starts with it (as git does with commits);
    /// nil when none or several match.
    public func article(matching prefix: String) -> Entry? {
        if let index = position[prefix] { return articles[index] }
        let matches = articles.filter { $0.ingested.article.hasPrefix(prefix) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The copy with this id, with the article it copies.
    public func copy(matching prefix: String) -> (copy: Copy, of: Entry)? {
        for entry in articles {
            if let copy = entry.copies.first(where: { $0.duplicate.article.hasPrefix(prefix) }) { return (copy, entry) }
        }
        return nil
    }
}
