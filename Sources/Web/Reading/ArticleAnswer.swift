import EventLog
import Store

/// A story found by the id of any of its articles or copies (any unique prefix), shown by
/// its fullest version, with the records of its versions and copies read back from the log:
/// what the article page and `/api/articles/ID` are built from, as `claimwatch show` builds
/// its answer.
struct ArticleAnswer {
    struct Copy {
        var record: LogRecord
        var duplicate: ArticleDuplicate
        var time: String { record.time }
    }

    /// Another version of the story: a shorter article the fullest contains, or one an
    /// update followed.
    struct Version {
        var entry: ArticleRecords.Entry
        var record: LogRecord
        var ingested: ArticleIngested
    }

    /// A claim of the article, its record decoded.
    struct Claim {
        var row: ClaimRow
        var claim: ClaimExtracted
    }

    /// The fullest version.
    var entry: ArticleRecords.Entry
    var record: LogRecord
    var versions: [Version]
    /// The copies of every version, oldest first.
    var copies: [Copy]
    /// The copy whose id was asked for, when it was a copy's.
    var via: Copy?
    /// The version whose id was asked for, when it was not the fullest.
    var viaVersion: Version?

    static func find(_ reading: LedgerReading, id: String) throws(WebError) -> ArticleAnswer {
        let found = try reading.query { store throws(StoreError) in try store.lookup(article: id) }
        let asked: String, copyID: String?
        switch found {
        case let .article(article):
            (asked, copyID) = (article, nil)
        case let .copy(copy, of):
            (asked, copyID) = (of, copy)
        case .notFound:
            throw .notFound("no article or copy has an id starting with '\(id)'")
        case let .ambiguous(candidates, total):
            let listed = candidates.map { "\($0.id) (\($0.title))" }.joined(separator: ", ")
            throw .badRequest("'\(id)' is the start of \(total) ids; give more of it: \(listed)")
        }
        guard let story = reading.articles.story(id: asked) else {
            throw .notFound("the log holds no article \(asked) (the query store is ahead of it: `claimwatch reindex` rebuilds it)")
        }
        var answer = ArticleAnswer(entry: story.representative, record: try reading.record(story.representative.record),
                                   versions: [], copies: [], via: nil, viaVersion: nil)
        for entry in story.versions {
            let record = try reading.record(entry.record)
            let version = Version(entry: entry, record: record, ingested: try decode(record, as: ArticleIngested.self))
            answer.versions.append(version)
            if entry.id == asked { answer.viaVersion = version }
        }
        for copy in story.copies {
            let record = try reading.record(copy.record)
            let read = Copy(record: record, duplicate: try decode(record, as: ArticleDuplicate.self))
            answer.copies.append(read)
            if copy.id == copyID { answer.via = read }
        }
        return answer
    }

    static func decode<Payload: EventPayload>(_ record: LogRecord, as type: Payload.Type) throws(WebError) -> Payload {
        do {
            return try record.decode(type)
        } catch {
            throw .log(error)
        }
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
