import ConsoleOutput
import EventLog
import Ingest
import Store

/// The JSON API: each endpoint answers what the matching command prints with `--json`,
/// byte for byte (JSON lines, one object each, built by the same answer builders from the
/// log's own records), so a notebook or a spreadsheet reads the ledger the way a script
/// reads the CLI. A topic's figures also come as the CSV `figures --csv` writes.
enum LedgerAPI {
    /// An answer's bytes and whether some record it needed was damaged (it then leaves
    /// that record out, as the CLI does, and says so in a header).
    struct Answer: Sendable {
        var body: [UInt8]
        var damaged = 0
    }

    /// The endpoints, for `/api/`: path, the command it mirrors, the query it takes.
    static let endpoints: [(path: String, command: String, query: String)] = [
        ("/api/stats", "claimwatch stats --json", ""),
        ("/api/articles", "claimwatch articles --json", "outlet, n"),
        ("/api/articles/ID", "claimwatch show ID --json", ""),
        ("/api/dupes", "claimwatch dupes --json", "outlet"),
        ("/api/claims", "claimwatch claims --json", "claimant, article, contains, outlet, stance, quotes, n"),
        ("/api/claimants", "claimwatch claimants --json", "outlet, stance, n"),
        ("/api/figures", "claimwatch figures --json", "about, claimant, outlet, n"),
        ("/api/stories", "claimwatch stories --json", "outlet, n"),
        ("/api/stories/ID", "claimwatch stories --story ID --json", ""),
        ("/api/topics/ID", "one line of claimwatch figures --json: the topic with this id", ""),
        ("/api/topics/ID/figures.csv", "claimwatch figures --csv, for one topic", ""),
        ("/events", "Server-Sent Events: article.ingested, article.duplicate, figure.compared, story.merged and file.rejected records as they land, each story they touched as a line of stories --json (event story), and stats", ""),
    ]

    static func index() throws(WebError) -> Answer {
        var list = JSONObjectBuilder.Array()
        do {
            for endpoint in endpoints {
                var object = JSONObjectBuilder()
                try object.field("path", endpoint.path)
                try object.field("mirrors", endpoint.command)
                if !endpoint.query.isEmpty { try object.field("query", endpoint.query) }
                list.append(object.build())
            }
        } catch {
            throw .log(error)
        }
        var object = JSONObjectBuilder()
        object.raw("endpoints", list.build())
        return Answer(body: object.build() + [0x0A])
    }

    static func stats(_ reading: LedgerReading) throws(WebError) -> Answer {
        let stats = try reading.query { store throws(StoreError) in try store.stats() }
        do {
            return Answer(body: Array(try CompactJSON.encode(stats).utf8) + [0x0A])
        } catch {
            throw .log(error)
        }
    }

    /// `articles --json`: each story by its fullest version, newest first, with its copies
    /// and other versions; an outlet filters by the fullest version's.
    static func articles(_ reading: LedgerReading, outlet: String?, limit: Int?) throws(WebError) -> Answer {
        try requireMatches(reading, claimant: nil, outlet: outlet)
        let stories = reading.articles.stories().sorted { $0.representative.record.seq > $1.representative.record.seq }
        var body: [UInt8] = []
        var shown = 0
        for story in stories {
            if let limit, shown >= max(0, limit) { break }
            guard let line = try storyLine(reading, story, outlet: outlet) else { continue }
            body += line + [0x0A]
            shown += 1
        }
        return Answer(body: body)
    }

    /// `dupes --json`: each story with copies or other versions, by its oldest article.
    static func dupes(_ reading: LedgerReading, outlet: String?) throws(WebError) -> Answer {
        try requireMatches(reading, claimant: nil, outlet: outlet)
        var body: [UInt8] = []
        for story in reading.articles.stories() where story.others > 0 {
            guard let line = try storyLine(reading, story, outlet: outlet) else { continue }
            body += line + [0x0A]
        }
        return Answer(body: body)
    }

    /// A story as `articles` and `dupes` print it; nil when its fullest version's outlet
    /// does not match.
    private static func storyLine(_ reading: LedgerReading, _ story: ArticleRecords.Story, outlet: String?) throws(WebError) -> [UInt8]? {
        let record = try reading.record(story.representative.record)
        if let outlet, !(try Self.outlet(of: record, matches: outlet)) { return nil }
        var copies: [LogRecord] = [], versions: [LogRecord] = []
        for copy in story.copies { copies.append(try reading.record(copy.record)) }
        for version in story.versions { versions.append(try reading.record(version.record)) }
        return AnswerJSON.story(record, copies: copies, versions: versions).build()
    }

    /// `show ID --json`: the story by its fullest version, whichever of its ids was asked.
    static func article(_ reading: LedgerReading, id: String) throws(WebError) -> Answer {
        let found = try ArticleAnswer.find(reading, id: id)
        let rows = try ArticleAnswer.claimRows(reading, of: found.entry.id)
        let ingested = try ArticleAnswer.decode(found.record, as: ArticleIngested.self)
        let story = AnswerJSON.story(found.record, copies: found.copies.map(\.record), versions: found.versions.map(\.record))
        do {
            let (line, damage) = try AnswerJSON.shownStory(story, text: reading.texts.text(for: ingested.content), claims: rows,
                                                           reader: reading.records, copy: found.via?.record,
                                                           version: found.viaVersion?.record)
            return Answer(body: line + [0x0A], damaged: damage.count)
        } catch {
            throw .log(error)
        }
    }

    /// `claims --json`.
    static func claims(_ reading: LedgerReading, filter: ClaimFilter) throws(WebError) -> Answer {
        try requireMatches(reading, claimant: filter.claimant, outlet: filter.outlet)
        var filter = filter
        if let article = filter.article {
            let found = try reading.query { store throws(StoreError) in try store.lookup(article: article) }
            guard let original = found.original else { throw .notFound("no article or copy has an id starting with '\(article)'") }
            filter.article = original
        }
        let rows = try reading.query { store throws(StoreError) in try store.claims(filter) }
        var answer = Answer(body: [])
        for row in rows {
            do {
                let record = try reading.records.record(at: row.location, seq: UInt64(row.seq))
                answer.body += try AnswerJSON.claim(record, row: row) + [0x0A]
            } catch {
                answer.damaged += 1
            }
        }
        return answer
    }

    /// `claimants --json`.
    static func claimants(_ reading: LedgerReading, filter: ClaimFilter, limit: Int?) throws(WebError) -> Answer {
        try requireMatches(reading, claimant: nil, outlet: filter.outlet)
        let rows = try reading.query { store throws(StoreError) in try store.claimants(limit: limit, filter: filter) }
        var body: [UInt8] = []
        do {
            for row in rows { body += try AnswerJSON.claimant(row) + [0x0A] }
        } catch {
            throw .log(error)
        }
        return Answer(body: body)
    }

    /// `figures --json`.
    static func figures(_ reading: LedgerReading, filter: FigureFilter) throws(WebError) -> Answer {
        try requireMatches(reading, claimant: filter.claimant, outlet: filter.outlet)
        let topics = try reading.query { store throws(StoreError) in try store.figures(filter) }
        var answer = Answer(body: [])
        for topic in topics {
            let (line, damage) = try reading.query { store throws(StoreError) in try store.json(topic, reader: reading.records) }
            answer.body += line + [0x0A]
            answer.damaged += damage.count
        }
        return answer
    }

    /// `stories --json`: the most recently told first.
    static func stories(_ reading: LedgerReading, outlet: String?, limit: Int?) throws(WebError) -> Answer {
        try requireMatches(reading, claimant: nil, outlet: outlet)
        return try storyLines(reading, StoryFilter(outlet: outlet, limit: limit))
    }

    /// `stories --story ID --json`: one story, whichever of its ids (or a merged story's) was asked.
    static func story(_ reading: LedgerReading, id: String) throws(WebError) -> Answer {
        try storyLines(reading, StoryFilter(story: try StoryPage.resolve(reading, id: id)))
    }

    private static func storyLines(_ reading: LedgerReading, _ filter: StoryFilter) throws(WebError) -> Answer {
        let stories = try reading.query { store throws(StoreError) in try store.stories(filter) }
        var body: [UInt8] = []
        do {
            for story in stories { body += Array(try CompactJSON.encode(story).utf8) + [0x0A] }
        } catch {
            throw .log(error)
        }
        return Answer(body: body)
    }

    /// One topic, as a line of `figures --json`.
    static func topic(_ reading: LedgerReading, id: String) throws(WebError) -> Answer {
        guard let topic = try reading.query({ store throws(StoreError) in try store.topic(id: id) }) else {
            throw .notFound("no topic has the id '\(id)'")
        }
        let (line, damage) = try reading.query { store throws(StoreError) in try store.json(topic, reader: reading.records) }
        return Answer(body: line + [0x0A], damaged: damage.count)
    }

    /// One topic's figures as `figures --csv` writes them.
    static func topicCSV(_ reading: LedgerReading, id: String) throws(WebError) -> Answer {
        guard let topic = try reading.query({ store throws(StoreError) in try store.topic(id: id) }) else {
            throw .notFound("no topic has the id '\(id)'")
        }
        var csv = CSV(header: AnswerCSV.figuresHeader)
        for fields in AnswerCSV.figureRows(topic) { csv.append(fields) }
        return Answer(body: Array(csv.text.utf8))
    }

    /// A claimant or outlet named in a filter must be in the record, as the CLI insists.
    private static func requireMatches(_ reading: LedgerReading, claimant: String?, outlet: String?) throws(WebError) {
        if let claimant, try reading.query({ store throws(StoreError) in try store.claimants(matching: claimant) }).isEmpty {
            throw .notFound("no claimant in the record matches '\(claimant)'")
        }
        if let outlet, try reading.query({ store throws(StoreError) in try store.outlets(matching: outlet) }).isEmpty {
            throw unknownOutlet(outlet)
        }
    }

    private static func unknownOutlet(_ outlet: String) -> WebError {
        .notFound("no outlet in the record matches '\(outlet)'")
    }

    /// Whether an article's outlet holds the words of `outlet` in a row, as `--outlet` matches.
    private static func outlet(of record: LogRecord, matches outlet: String) throws(WebError) -> Bool {
        do {
            let article = try record.decode(ArticleIngested.self)
            return article.outlet.map { SearchWords.contains($0, phrase: SearchWords.words(outlet)) } ?? false
        } catch {
            throw .log(error)
        }
    }
}
