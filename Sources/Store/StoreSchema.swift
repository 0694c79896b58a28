/// The tables of the query store. `figures` carries, keyed by topic, all the topic's
/// view reads of a figure packed in `record` (see `FigureRecord`): its range, its source
/// and article as numbers from `sources` (names interned once, at write time, so counting
/// a topic's independent sources compares integers), and the display fields of the figure,
/// its claim, claimant and article. A topic's view is one range scan, with no lookup per
/// figure; only `copies`, kept current as copies arrive, is read beside the record. A
/// figure with no topic (no range to compare) has topic ''.
/// `carriers` says which articles carry each claim: the one that recorded it, those that
/// repeat it, and the copies of either; a figure's `copies` counts the carriers of its claim
/// but the first, so one report reprinted by ten articles is one source with ten reports.
/// A figure a later claim updates names that figure in `updated_by` (history, not conflict),
/// whichever of the two came first (in a cluster's stream, a host's update of another host's
/// claim may come before that claim: `figures_updates` finds it).
/// Each claim keeps where its record lies in the log (`log_segment`, `log_offset`), so
/// `--json` prints the record itself; `log_damage` holds the lines the catch-up skipped as
/// damaged, so every answer can say it is partial.
/// A store of a cluster's shared stream (`ClaimStore(streamCache:)`) has no log: its `seq`
/// columns hold stream positions (the one order of every host's records), a claim's
/// location is (0, position), and `stream_records` keeps each record's line, its host and
/// its seq in that host's log and its type, for the answers that print records (`KeptRecords`,
/// `keptRecords(types:)`); a local
/// store leaves it empty.
/// Articles are in stories (`articles.story`, `stories`: each named after its first article,
/// with the story it merged into once it did), and topics are scoped by story
/// (`topics.story`); `topic_contexts` counts what the sentences say beside a topic's figures,
/// so its label is made as the live ledger makes it (`TopicLabelColumns`). A topic's
/// `conflicts` is its conflicting pairs as its figures answer counts them, NULL from the
/// moment a figure joins it until the catch-up compares it again (`settleConflicts`).
/// A change here bumps `version`; a store with another
/// version is rebuilt from the log rather than migrated (it is only a projection).
enum StoreSchema {
    static let version = 8

    static func create(fts: Bool) -> String {
        var sql = """
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS articles(
                id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT, outlet TEXT, published TEXT,
                words INTEGER NOT NULL, copies INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL, time TEXT NOT NULL,
                published_at TEXT, story TEXT);
            CREATE INDEX IF NOT EXISTS articles_published ON articles(published_at);
            CREATE INDEX IF NOT EXISTS articles_story ON articles(story, seq);
            CREATE TABLE IF NOT EXISTS stories(id TEXT PRIMARY KEY, title TEXT, seq INTEGER NOT NULL, merged_into TEXT);
            CREATE TABLE IF NOT EXISTS copies(
                id TEXT PRIMARY KEY, original TEXT NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL,
                similarity REAL, seq INTEGER NOT NULL, listed INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS copies_original ON copies(original);
            CREATE TABLE IF NOT EXISTS claimants(
                id INTEGER PRIMARY KEY, canonical TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                claims INTEGER NOT NULL DEFAULT 0, figures INTEGER NOT NULL DEFAULT 0,
                articles INTEGER NOT NULL DEFAULT 0, last_seq INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS claimant_words(
                word TEXT NOT NULL, claimant INTEGER NOT NULL, PRIMARY KEY(word, claimant)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS claimant_articles(
                claimant INTEGER NOT NULL, article TEXT NOT NULL, PRIMARY KEY(claimant, article)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS claims(
                seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, article TEXT NOT NULL, text TEXT NOT NULL,
                content TEXT, claimant INTEGER, name TEXT, kind TEXT, cue TEXT, stance TEXT NOT NULL,
                hedges TEXT NOT NULL, quote INTEGER NOT NULL, time TEXT NOT NULL, figures INTEGER NOT NULL DEFAULT 0,
                log_segment INTEGER NOT NULL DEFAULT 0, log_offset INTEGER NOT NULL DEFAULT 0, repeats TEXT, updates TEXT);
            CREATE INDEX IF NOT EXISTS claims_claimant ON claims(claimant, seq);
            CREATE INDEX IF NOT EXISTS claims_article ON claims(article, seq);
            CREATE INDEX IF NOT EXISTS claims_time ON claims(time);
            CREATE TABLE IF NOT EXISTS figures(
                topic TEXT NOT NULL, seq INTEGER NOT NULL, idx INTEGER NOT NULL, claim TEXT NOT NULL, text TEXT NOT NULL,
                article TEXT NOT NULL, copies INTEGER NOT NULL DEFAULT 0, record BLOB NOT NULL,
                updates TEXT, updated_by TEXT, PRIMARY KEY(topic, seq, idx)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS figures_claim ON figures(claim, idx);
            CREATE INDEX IF NOT EXISTS figures_article ON figures(article);
            CREATE INDEX IF NOT EXISTS figures_updates ON figures(updates) WHERE updates IS NOT NULL;
            CREATE TABLE IF NOT EXISTS sources(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE IF NOT EXISTS carriers(
                claim TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY(claim, article)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS carriers_article ON carriers(article);
            CREATE TABLE IF NOT EXISTS topics(
                id TEXT PRIMARY KEY, key TEXT NOT NULL, label TEXT NOT NULL, figures INTEGER NOT NULL DEFAULT 0,
                max_lo REAL NOT NULL, min_hi REAL NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0, story TEXT NOT NULL DEFAULT '',
                conflicts INTEGER);
            CREATE INDEX IF NOT EXISTS topics_story ON topics(story);
            CREATE TABLE IF NOT EXISTS topic_phrases(
                topic TEXT NOT NULL, phrase TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(topic, phrase)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS topic_contexts(
                topic TEXT NOT NULL, context TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(topic, context)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS stream_records(
                position INTEGER PRIMARY KEY, host TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, line BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS stream_records_type ON stream_records(type, position);
            CREATE TABLE IF NOT EXISTS log_damage(
                segment INTEGER NOT NULL, offset_bytes INTEGER NOT NULL, reason TEXT NOT NULL,
                PRIMARY KEY(segment, offset_bytes)) WITHOUT ROWID;
            """
        if fts {
            sql += "\nCREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(text, content='claims', content_rowid='seq');"
        }
        return sql
    }

    static let drop = """
        DROP TABLE IF EXISTS claims_fts; DROP TABLE IF EXISTS topic_phrases; DROP TABLE IF EXISTS topic_contexts;
        DROP TABLE IF EXISTS topics; DROP TABLE IF EXISTS stories;
        DROP TABLE IF EXISTS figures; DROP TABLE IF EXISTS sources; DROP TABLE IF EXISTS carriers; DROP TABLE IF EXISTS claims; DROP TABLE IF EXISTS claimant_articles; DROP TABLE IF EXISTS claimant_words;
        DROP TABLE IF EXISTS claimants; DROP TABLE IF EXISTS copies; DROP TABLE IF EXISTS articles;
        DROP TABLE IF EXISTS log_damage; DROP TABLE IF EXISTS stream_records; DROP TABLE IF EXISTS meta;
        """
}
