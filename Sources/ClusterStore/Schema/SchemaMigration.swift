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
    static let all: [SchemaMigration] = [streamOfRecords, sharedVerdicts, batchedReservations, passingReservations,
                                          contestedOriginals]

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
        // One reservation in one call (see OriginalReserver): in READ COMMITTED each statement
        // of the function reads anew, so the look after the locks sees what the host that held
        // them committed. It returns the other hosts' originals sharing two telling keys that
        // are not in `known` (without their texts) and writes nothing, or reserves and returns
        // no row. Keys held by 32 originals or more are not telling, unless fewer than two are.
        """
        CREATE FUNCTION claimwatch.reserve_original(
            p_article text, p_host text, p_content text, p_text text, p_recorded text, p_bands bigint[], p_known text[]
        ) RETURNS TABLE (held_article text, held_host text, held_content text, held_recorded text)
        LANGUAGE plpgsql AS $$
        DECLARE
            telling bigint[];
        BEGIN
            SELECT array_agg(counted.band ORDER BY counted.band) INTO telling FROM (
                SELECT DISTINCT u.band, coalesce(c.originals, 0) AS originals FROM unnest(p_bands) AS u(band)
                LEFT JOIN claimwatch.band_counts c ON c.band = u.band
            ) AS counted WHERE counted.originals < 32;
            IF coalesce(array_length(telling, 1), 0) < 2 THEN
                SELECT array_agg(DISTINCT u.band ORDER BY u.band) INTO telling FROM unnest(p_bands) AS u(band);
            END IF;
            PERFORM pg_advisory_xact_lock(k.band) FROM unnest(telling) WITH ORDINALITY AS k(band, place) ORDER BY k.place;
            RETURN QUERY
                SELECT o.article, o.host, o.content, o.recorded FROM (
                    SELECT b.article, b.host, count(*) AS shared FROM claimwatch.bands b
                    WHERE b.band = ANY(telling) AND b.host <> p_host
                    GROUP BY b.article, b.host HAVING count(*) >= 2
                ) AS looked
                JOIN claimwatch.originals o ON o.article = looked.article AND o.host = looked.host
                WHERE NOT (o.article = ANY(p_known))
                ORDER BY looked.shared DESC, o.recorded, o.host LIMIT 32;
            IF FOUND THEN
                RETURN;
            END IF;
            INSERT INTO claimwatch.texts (content, text) VALUES (p_content, p_text) ON CONFLICT (content) DO NOTHING;
            INSERT INTO claimwatch.originals (article, host, content, recorded)
                VALUES (p_article, p_host, p_content, p_recorded) ON CONFLICT (article, host) DO NOTHING;
            IF NOT FOUND THEN
                RETURN;
            END IF;
            INSERT INTO claimwatch.bands (band, article, host)
                SELECT DISTINCT u.band, p_article, p_host FROM unnest(p_bands) AS u(band) ON CONFLICT DO NOTHING;
            -- In key order, as the locks: two hosts counting common keys never wait on each other in a circle.
            INSERT INTO claimwatch.band_counts (band, originals)
                SELECT DISTINCT u.band, 1 FROM unnest(p_bands) AS u(band) ORDER BY u.band
                ON CONFLICT (band) DO UPDATE SET originals = claimwatch.band_counts.originals + 1;
        END
        $$
        """,
    ])
}
