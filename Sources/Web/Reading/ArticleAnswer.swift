import EventLog
import Store

/// An article found by id (any unique prefix, a copy's id standing for its original), with
/// its record and its copies' records read back from the log: what the article page and
/// `/api/articles/ID` are built from, as `claimwatch show` builds its answer.
struct ArticleAnswer {
    struct Copy {
        var record: LogRecord
        var duplicate: ArticleDuplicate
        var time: String { record.time }
    }

    /// A claim of the article, its record decoded.
    struct Claim {
        var row: ClaimRow
        var claim: ClaimExtracted
    }

    var entry: ArticleRecords.Entry
    var record: LogRecord
    var copies: [Copy]
    /// The copy whose id was asked for, when it was a copy's.
    var via: Copy?

    static func find(_ reading: LedgerReading, id: String) throws(WebError) -> ArticleAnswer {
        let found = try reading.query { store throws(StoreError) in try store.lookup(article: id) }
        let original: String, copyID: String?
        switch found {
        case let .article(article):
            (original, copyID) = (article, nil)
        case let .copy(copy, of):
            (original, copyID) = (of, copy)
        case .notFound:
            throw .notFound("no article or copy has an id starting with '\(id)'")
        case let .ambiguous(candidates, total):
            let listed = candidates.map { "\($0.id) (\($0.title))" }.joined(separator: ", ")
            throw .badRequest("'\(id)' is the start of \(total) ids; give more of it: \(listed)")
        }
        guard let entry = reading.articles.entry(id: original) else {
            throw .notFound("the log holds no article \(original) (the query store is ahead of it: `claimwatch reindex` rebuilds it)")
        }
        var answer = ArticleAnswer(entry: entry, record: try reading.record(entry.record), copies: [], via: nil)
        for copy in entry.copies {
            let record = try reading.record(copy.record)
            do {
                let read = Copy(record: record, duplicate: try record.decode(ArticleDuplicate.self))
                answer.copies.append(read)
                if copy.id == copyID { answer.via = read }
            } catch {
                throw .log(error)
            }
        }
        return answer
    }

    /// The rows of an article's claims, oldest first, as `show` lists them.
    static func claimRows(_ reading: LedgerReading, of article: String) throws(WebError) -> [ClaimRow] {
        try reading.query { store throws(StoreError) in try store.claims(ClaimFilter(article: article)) }.reversed()
    }

    /// The article's claims with their records decoded, oldest first; a claim whose record
    /// cannot be read is left out.
    static func claims(_ reading: LedgerReading, of article: String) throws(WebError) -> [Claim] {
        try claimRows(reading, of: article).compactMap { row in
            guard let record = try? reading.records.record(at: row.location, seq: UInt64(row.seq)),
                  let claim = try? record.decode(ClaimExtracted.self) else { return nil }
            return Claim(row: row, claim: claim)
        }
    }
}
