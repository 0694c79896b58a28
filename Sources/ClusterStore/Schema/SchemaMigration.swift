/// One forward-only step of the shared database's schema. Steps are never edited once
/// released: a change is a new step, so every database reaches the same schema whichever
/// version made it.
struct SchemaMigration: Sendable {
    let version: Int
    let summary: String
    /// One statement each: the driver speaks the extended protocol, which takes one at a time.
    let statements: [String]
}

extension SchemaMigration {
    /// Every step, in order; `latest` is the schema this build writes.
    static let all: [SchemaMigration] = [streamOfRecords, sharedVerdicts]

    static var latest: Int { all.last?.version ?? 0 }

    /// Each host's log published into one stream: `hosts` holds each host's cursor (the
    /// last seq it published), `events` every record with its place in the stream, and
    /// `stream` the last place handed out. Publishers take the `stream` row last in their
    /// transaction, so places are handed out in commit order and without gaps: a reader
    /// that has seen place P has seen every place before it.
    static let streamOfRecords = SchemaMigration(version: 1, summary: "hosts and the stream of their published records", statements: [
        """
        CREATE TABLE claimwatch.hosts (
            host text PRIMARY KEY,
            published_seq bigint NOT NULL DEFAULT 0,
            first_published_at timestamptz NOT NULL DEFAULT now(),
            last_published_at timestamptz
        )
        """,
        """
        CREATE TABLE claimwatch.stream (
            only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
            position bigint NOT NULL
        )
        """,
        "INSERT INTO claimwatch.stream (only_row, position) VALUES (true, 0)",
        """
        CREATE TABLE claimwatch.events (
            position bigint PRIMARY KEY,
            host text NOT NULL REFERENCES claimwatch.hosts (host),
            seq bigint NOT NULL,
            time timestamptz NOT NULL,
            type text NOT NULL,
            line text NOT NULL,
            published_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (host, seq)
        )
        """,
        "CREATE INDEX events_time ON claimwatch.events (time)",
    ])
}

extension SchemaMigration {
    /// What hosts need to judge against each other's records: every published article's
    /// (and kept copy's) text by content id, and the originals each host reserved, with
    /// their LSH band keys. A host reserves an article before recording it as an original,
    /// under an advisory lock per band key, so two hosts holding copies of one story take
    /// turns and the second finds the first (`OriginalReserver`). `band_counts` says how
    /// many originals hold each key, so a lookup can pass over keys that thousands share.
    static let sharedVerdicts = SchemaMigration(version: 2, summary: "shared texts and reserved originals", statements: [
        """
        CREATE TABLE claimwatch.texts (
            content text PRIMARY KEY,
            text text NOT NULL
        )
        """,
        """
        CREATE TABLE claimwatch.originals (
            article text NOT NULL,
            host text NOT NULL,
            content text NOT NULL,
            recorded text NOT NULL,
            reserved_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (article, host)
        )
        """,
        """
        CREATE TABLE claimwatch.bands (
            band bigint NOT NULL,
            article text NOT NULL,
            host text NOT NULL,
            PRIMARY KEY (band, article, host)
        )
        """,
        "CREATE INDEX bands_of_article ON claimwatch.bands (article, host)",
        """
        CREATE TABLE claimwatch.band_counts (
            band bigint PRIMARY KEY,
            originals bigint NOT NULL
        )
        """,
    ])
}
