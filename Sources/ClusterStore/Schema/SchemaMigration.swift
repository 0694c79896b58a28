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
    static let all: [SchemaMigration] = [streamOfRecords]

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
