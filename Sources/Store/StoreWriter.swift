import EventLog
import Ledger

/// Applies log records to the tables, with statements prepared once per catch-up.
/// The caller holds the transaction.
final class StoreWriter {
    private let database: Database
    private let fts: Bool
    private let insertArticle: Statement
    private let insertCopy: Statement
    /// A late verdict (`reconciled`) makes an article a copy: it leaves the articles, and its
    /// claims are recast (`LateVerdictWriter`).
    private let removeArticle: Statement
    private let countCopy: Statement
    private let insertClaimant: Statement
    private let countClaimant: Statement
    private let insertWord: Statement
    private let claimantID: Statement
    /// Claimant ids by canonical name, for this batch.
    private var claimantIDs: [String: Int64] = [:]
    private let sourceID: Statement
    private let insertSource: Statement
    /// Source and article numbers by name, for this batch.
    private var sourceIDs: [String: Int64] = [:]
    private let linkClaimant: Statement
    private let countArticle: Statement
    private let insertClaim: Statement
    private let insertText: Statement
    private let insertFigure: Statement
    private let articleFields: Statement
    private let carriers: CarrierWriter
    private let late: LateVerdictWriter
    private let supersede: Statement
    private let updater: Statement
    private let superseded: Statement
    private let upsertTopic: Statement
    private let upsertPhrase: Statement
    private let upsertContext: Statement
    private let stories: StoryWriter
    private let topicLabel: Statement
    private let topicContext: Statement
    private let setLabel: Statement
    /// Topics whose label may have changed in this batch.
    private var touched: Set<String> = []
    /// What this batch added, for the running totals in `meta` (so `stats` counts nothing).
    private var added: [String: Int] = [:]
    private let addCount: Statement
    private let insertDamage: Statement

    init(database: Database, fts: Bool) throws(StoreError) {
        self.database = database
        self.fts = fts
        insertArticle = try database.prepare("""
            INSERT OR IGNORE INTO articles(id, path, title, outlet, published, words, copies, seq, time, published_at, story)
            VALUES(?, ?, ?, ?, ?, ?, (SELECT count(*) FROM copies WHERE original = ?1), ?, ?, ?, ?)
            """)
        insertCopy = try database.prepare(
            "INSERT OR IGNORE INTO copies(id, original, path, kind, similarity, seq, listed) VALUES(?, ?, ?, ?, ?, ?, ?)")
        countCopy = try database.prepare("UPDATE articles SET copies = copies + 1 WHERE id = ?")
        removeArticle = try database.prepare("DELETE FROM articles WHERE id = ?")
        insertClaimant = try database.prepare("INSERT INTO claimants(canonical, kind) VALUES(?, ?)")
        countClaimant = try database.prepare(
            "UPDATE claimants SET claims = claims + 1, figures = figures + ?, last_seq = ? WHERE id = ?")
        insertWord = try database.prepare("INSERT OR IGNORE INTO claimant_words(word, claimant) VALUES(?, ?)")
        claimantID = try database.prepare("SELECT id FROM claimants WHERE canonical = ?")
        sourceID = try database.prepare("SELECT id FROM sources WHERE name = ?")
        insertSource = try database.prepare("INSERT INTO sources(name) VALUES(?)")
        linkClaimant = try database.prepare("INSERT OR IGNORE INTO claimant_articles(claimant, article) VALUES(?, ?)")
        countArticle = try database.prepare("UPDATE claimants SET articles = articles + 1 WHERE id = ?")
        insertClaim = try database.prepare("""
            INSERT OR IGNORE INTO claims(seq, id, article, text, content, claimant, name, kind, cue, stance, hedges, quote, time,
                                         figures, log_segment, log_offset, repeats, updates)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertText = try database.prepare("INSERT INTO claims_fts(rowid, text) VALUES(?, ?)")
        insertFigure = try database.prepare("""
            INSERT OR IGNORE INTO figures(topic, seq, idx, claim, text, article, copies, record, updates)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        articleFields = try database.prepare("SELECT outlet, published, path, story FROM articles WHERE id = ?")
        carriers = try CarrierWriter(database: database)
        late = try LateVerdictWriter(database: database, fts: fts, carriers: carriers)
        supersede = try database.prepare("UPDATE figures SET updated_by = ? WHERE claim = ? AND topic = ? AND updated_by IS NULL")
        updater = try database.prepare("SELECT claim, idx FROM figures WHERE updates = ? AND topic = ? ORDER BY seq, idx LIMIT 1")
        superseded = try database.prepare("UPDATE figures SET updated_by = ? WHERE topic = ? AND seq = ? AND idx = ?")
        upsertTopic = try database.prepare("""
            INSERT INTO topics(id, key, label, figures, max_lo, min_hi, last_seq, story) VALUES(?, ?, ?, 1, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET figures = figures + 1, max_lo = max(max_lo, excluded.max_lo),
            min_hi = min(min_hi, excluded.min_hi), last_seq = excluded.last_seq, conflicts = NULL
            """)
        upsertPhrase = try database.prepare("""
            INSERT INTO topic_phrases(topic, phrase, n) VALUES(?, ?, 1)
            ON CONFLICT(topic, phrase) DO UPDATE SET n = n + 1
            """)
        upsertContext = try database.prepare("""
            INSERT INTO topic_contexts(topic, context, n) VALUES(?, ?, 1)
            ON CONFLICT(topic, context) DO UPDATE SET n = n + 1
            """)
        stories = try StoryWriter(database: database)
        topicLabel = try database.prepare("""
            SELECT t.key, (SELECT phrase FROM topic_phrases WHERE topic = t.id ORDER BY n DESC, phrase LIMIT 1)
            FROM topics t WHERE t.id = ?
            """)
        topicContext = try database.prepare("SELECT context FROM topic_contexts WHERE topic = ? ORDER BY n DESC, context LIMIT 1")
        setLabel = try database.prepare("UPDATE topics SET label = ? WHERE id = ?")
        insertDamage = try database.prepare("INSERT OR REPLACE INTO log_damage(segment, offset_bytes, reason) VALUES(?, ?, ?)")
        addCount = try database.prepare("""
            INSERT INTO meta(key, value) VALUES(?1, ?2)
            ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + CAST(?2 AS INTEGER)
            """)
    }

    /// Applies one record found at `location`; types the store does not keep are skipped.
    func apply(_ record: LogRecord, at location: RecordLocation?) throws(StoreError) {
        do {
            switch record.type {
            case ArticleIngested.eventType:
                let article = try record.decode(ArticleIngested.self)
                try insertArticle.run([.text(article.article), .text(article.path), .text(article.title), .text(article.outlet),
                                       .text(article.published), .integer(article.words), .integer(Int64(record.seq)),
                                       .text(record.time), .text(Self.publishedStamp(article.published)), .text(article.story)])
                if database.changes > 0 {
                    added["count.articles", default: 0] += 1
                    if let story = article.story {
                        try stories.record(article: article.article, story: story, title: article.title, seq: Int64(record.seq))
                    }
                }
            case StoryMerged.eventType:
                touched.formUnion(try stories.merge(try record.decode(StoryMerged.self)))
            case ArticleDuplicate.eventType:
                let copy = try record.decode(ArticleDuplicate.self)
                if copy.reconciled == true {
                    // Recorded as an original while the cluster's database was away; another
                    // host's earlier original holds it.
                    try removeArticle.run([.text(copy.article)])
                    if database.changes > 0 { added["count.articles", default: 0] -= 1 }
                }
                try insertCopy.run([.text(copy.article), .text(copy.of), .text(copy.path), .text(copy.kind.rawValue),
                                    .real(copy.similarity), .integer(Int64(record.seq)), .integer(copy.reports == nil ? 0 : 1)])
                if database.changes > 0 {
                    try countCopy.run([.text(copy.of)])
                    try carriers.add(copy: copy.article, of: copy.of, reports: copy.reports)
                    added["count.copies", default: 0] += 1
                    // Its recorded claims read as the copy's would have been recorded.
                    if let recast = copy.recast { try late.apply(recast, article: copy.article, added: &added, touched: &touched) }
                }
            case ArticleReconciled.eventType:
                let version = try record.decode(ArticleReconciled.self)
                try late.apply(version.recast, article: version.article, added: &added, touched: &touched)
            case ClaimExtracted.eventType:
                try apply(try record.decode(ClaimExtracted.self), seq: Int64(record.seq), time: record.time, location: location)
            default:
                return
            }
        } catch let error as EventLogError {
            throw .log(error.description)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .log("\(error)")
        }
    }

    private func apply(_ claim: ClaimExtracted, seq: Int64, time: String, location: RecordLocation?) throws(StoreError) {
        var claimant: SQLValue = .null
        if let who = claim.claimant, !who.canonical.isEmpty {
            let id = try self.claimant(who.canonical, kind: who.kind)
            try countClaimant.run([.integer(claim.figures.count), .integer(seq), .integer(id)])
            claimant = .integer(id)
            try linkClaimant.run([.integer(id), .text(claim.article)])
            if database.changes > 0 { try countArticle.run([.integer(id)]) }
        }
        try insertClaim.run([.integer(seq), .text(claim.claim), .text(claim.article), .text(claim.text), .text(claim.content),
                             claimant, .text(claim.claimant?.name), .text(claim.claimant?.kind), .text(claim.cue),
                             .text(claim.stance), .text(claim.hedges.joined(separator: ", ")), .integer(claim.quote ? 1 : 0),
                             .text(time), .integer(claim.figures.count), .integer(Int64(location?.segment ?? 0)),
                             .integer(location?.offset ?? 0), .text(claim.repeats), .text(claim.updates)])
        guard database.changes > 0 else { return }
        added["count.claims", default: 0] += 1
        if fts { try insertText.run([.integer(seq), .text(claim.text)]) }
        // A repeat is one more report of the claim it repeats: no figures of its own.
        let carried = try carriers.add(claim: claim.repeats ?? claim.claim, carriedBy: claim.article, first: claim.repeats == nil)
        guard claim.repeats == nil, !claim.figures.isEmpty else { return }
        added["count.figures", default: 0] += claim.figures.count
        // The article's display fields, copied onto each figure (see `StoreSchema`).
        var article = try articleFields.rows([.text(claim.article)]) { row in
            (outlet: row.text(0), published: row.text(1), path: row.text(2), story: row.text(3))
        }.first ?? (outlet: nil, published: nil, path: nil, story: nil)
        // A copy that says a recorded claim in other words is in its original's story.
        if article.path == nil, article.story == nil { article.story = try stories.story(ofCopy: claim.article) }
        let canonical = claim.claimant.flatMap { $0.canonical.isEmpty ? nil : $0.canonical }
        let source = try number(SourceCounter.source(claimant: canonical, outlet: article.outlet, article: claim.article))
        let report = try number(SourceCounter.article(claim.article))
        for var figure in claim.ledgerFigures {
            // Topics are scoped by the article's story, as the live ledger scopes them.
            figure.story = article.story
            let range = figure.range
            let read = range == nil ? nil : TopicKeyMaker.read(figure)
            let key = read?.0
            let topic = key?.topicID
            // A figure with no range is never in a topic's view; its record says [0, 0].
            let record = FigureRecord(range: FigureRange(low: Self.finite(range?.low ?? 0), high: Self.finite(range?.high ?? 0)),
                                      source: source, articleNumber: report, figure: figure.ref.description, text: figure.text,
                                      low: figure.low, high: figure.high, bound: figure.bound, unit: figure.unit,
                                      counted: figure.counted, claimant: canonical, cue: claim.cue, stance: claim.stance,
                                      article: claim.article, time: time, outlet: article.outlet, published: article.published,
                                      path: article.path, earlier: figure.earlier)
            try insertFigure.run([.text(topic ?? ""), .integer(seq), .integer(figure.ref.index), .text(figure.ref.claim),
                                  .text(figure.text), .text(claim.article), .integer(carried - 1), .blob(record.encoded()),
                                  .text(claim.updates)])
            guard let key, let topic, let range else { continue }
            // The figures of the claim this one updates, in the same topic, become its history.
            if let updates = claim.updates { try supersede.run([.text(figure.ref.description), .text(updates), .text(topic)]) }
            // And this one is history already when a claim that updates its claim came first.
            if let first = try updater.rows([.text(claim.claim), .text(topic)], { FigureRef(claim: $0.text(0) ?? "", index: Int($0.integer(1))) }).first {
                try superseded.run([.text(first.description), .text(topic), .integer(seq), .integer(figure.ref.index)])
            }
            let phrase = figure.counted ?? figure.text
            try upsertTopic.run([.text(topic), .text(key.description), .text(phrase), .real(Self.finite(range.low)),
                                 .real(Self.finite(range.high)), .integer(seq), .text(key.story)])
            try upsertPhrase.run([.text(topic), .text(phrase)])
            if let context = read?.1 { try upsertContext.run([.text(topic), .text(TopicLabelColumns.stored(context))]) }
            touched.insert(topic)
        }
    }

    /// The claimant's id, added with the words of its name (what `--claimant` looks up)
    /// when it is new.
    private func claimant(_ canonical: String, kind: String) throws(StoreError) -> Int64 {
        if let known = claimantIDs[canonical] { return known }
        if let found = try claimantID.rows([.text(canonical)], { $0.integer(0) }).first {
            claimantIDs[canonical] = found
            return found
        }
        try insertClaimant.run([.text(canonical), .text(kind)])
        let id = database.lastInsertedRow
        for word in Set(SearchWords.words(canonical)) { try insertWord.run([.text(word), .integer(id)]) }
        claimantIDs[canonical] = id
        return id
    }

    /// The number a source or article name is interned as (see `SourceCounter`).
    private func number(_ name: String) throws(StoreError) -> Int64 {
        if let known = sourceIDs[name] { return known }
        let id: Int64
        if let found = try sourceID.rows([.text(name)], { $0.integer(0) }).first {
            id = found
        } else {
            try insertSource.run([.text(name)])
            id = database.lastInsertedRow
        }
        sourceIDs[name] = id
        return id
    }

    /// Brings the labels of the topics this batch touched up to date.
    func finish() throws(StoreError) {
        for topic in touched {
            // The label the live ledger gives the topic: its most common phrase, its state,
            // and the most common context found beside its figures.
            guard let (key, phrase) = try topicLabel.rows([.text(topic)], { ($0.text(0), $0.text(1)) }).first,
                  let key, let phrase else { continue }
            let context = try topicContext.rows([.text(topic)]) { $0.text(0) }.first ?? nil
            try setLabel.run([.text(TopicLabelColumns.label(key: key, phrase: phrase, context: context)), .text(topic)])
        }
        touched.removeAll()
        for (key, value) in added { try addCount.run([.text(key), .text(String(value))]) }
        added.removeAll()
    }

    /// A line the catch-up skipped as damaged, kept so that answers can say they are partial.
    func noteDamage(_ damage: LogDamage) throws(StoreError) {
        try insertDamage.run([.integer(Int64(damage.segmentFirstSeq ?? 0)), .integer(damage.offset), .text(damage.reason)])
    }

    /// The article's published date as the instant it names, in the log's time format, so
    /// `--published` compares it as text; nil when it is not an ISO date.
    static func publishedStamp(_ published: String?) -> String? {
        published.flatMap(TimeSpan.publishedInstant).map(Timestamp.format)
    }

    /// SQLite keeps infinities, but plain large numbers sort and compare the same and
    /// survive every client.
    static func finite(_ value: Double) -> Double {
        min(max(value, -Double.greatestFiniteMagnitude), Double.greatestFiniteMagnitude)
    }
}
