/// What an article id, or the start of one, names: like git with commit ids, any unique
/// prefix will do, and a prefix several ids share names none of them.
public enum ArticleLookup: Sendable, Equatable {
    case article(String)
    /// A copy's id: the copy, and the original it copies.
    case copy(String, of: String)
    case notFound
    /// Several ids start with it: some of them (up to `ClaimStore.candidatesListed`), and
    /// how many there are in all.
    case ambiguous([Candidate], total: Int)

    public struct Candidate: Sendable, Equatable {
        public var id: String
        /// The title or, failing one, the file's path.
        public var title: String
        /// For a copy, the original's id.
        public var copyOf: String?
    }

    /// The original article the id names, the copy's original for a copy.
    public var original: String? {
        switch self {
        case let .article(id): id
        case let .copy(_, original): original
        case .notFound, .ambiguous: nil
        }
    }
}

extension ClaimStore {
    public static let candidatesListed = 10

    /// Looks up an article or copy id, or a prefix of one. A whole id always names its
    /// article, even when it is also the start of a longer one.
    public func lookup(article prefix: String) throws(StoreError) -> ArticleLookup {
        guard !prefix.isEmpty else { return .notFound }
        let upper = prefix + "\u{10FFFF}"
        let limit = Self.candidatesListed + 1
        let originals = try database.prepare("""
            SELECT id, coalesce(title, path) FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT \(limit)
            """).rows([.text(prefix), .text(upper)]) { ArticleLookup.Candidate(id: $0.text(0) ?? "", title: $0.text(1) ?? "") }
        let copies = try database.prepare("""
            SELECT c.id, coalesce(a.title, c.path), c.original FROM copies c LEFT JOIN articles a ON a.id = c.original
            WHERE c.id >= ? AND c.id < ? ORDER BY c.id LIMIT \(limit)
            """).rows([.text(prefix), .text(upper)]) { row in
            ArticleLookup.Candidate(id: row.text(0) ?? "", title: row.text(1) ?? "", copyOf: row.text(2))
        }
        let all = originals + copies
        if let exact = all.first(where: { $0.id == prefix }) ?? (all.count == 1 ? all.first : nil) {
            if let original = exact.copyOf { return .copy(exact.id, of: original) }
            return .article(exact.id)
        }
        guard !all.isEmpty else { return .notFound }
        var total = all.count
        if originals.count == limit || copies.count == limit {
            total = try count("SELECT count(*) FROM articles WHERE id >= ? AND id < ?", prefix, upper)
                + count("SELECT count(*) FROM copies WHERE id >= ? AND id < ?", prefix, upper)
        }
        return .ambiguous(Array(all.sorted { $0.id < $1.id }.prefix(Self.candidatesListed)), total: total)
    }

    private func count(_ sql: String, _ low: String, _ high: String) throws(StoreError) -> Int {
        Int(try database.prepare(sql).rows([.text(low), .text(high)]) { $0.integer(0) }.first ?? 0)
    }
}
