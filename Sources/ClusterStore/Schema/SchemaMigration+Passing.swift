extension SchemaMigration {
    /// Batch reservations that are told only what to pass over, not all the host knows.
    ///
    /// Version 3's `reserve_originals` took every article the host knows (thousands of ids,
    /// more as it learns the other hosts') and tested each candidate original against them.
    /// Planned once for the session (plpgsql keeps a generic plan after five calls), that
    /// test cannot use a hash of the list: in the outage run the plan scanned every
    /// original for each article of a batch and compared it with each known id, 5–40 ms an
    /// article, a quarter to three seconds a batch, while the other host's batch waited on
    /// the same band keys.
    ///
    /// `reserve_originals_passing` judges as version 3 does (the batch's telling keys locked
    /// first, in ascending order; then, for each article, the other hosts' originals sharing
    /// two telling keys; the bands of those reserved written at the end, counted in key
    /// order), but returns every original that holds an article, up to 32, except those in
    /// `p_passed`. The host tells which of them it knows and calls again for the articles
    /// held only by originals it knows, passing those over: in a new transaction, so an
    /// original reserved in between is seen. `p_passed` is tested on the few originals that
    /// share keys with one article, never on the whole table.
    static let passingReservations = SchemaMigration(
        version: 4, summary: "batch reservations pass over only what they are told", statements: [
        """
        CREATE FUNCTION claimwatch.reserve_originals_passing(
            p_host text, p_articles text[], p_contents text[], p_texts text[], p_recorded text[],
            p_band_starts integer[], p_bands bigint[], p_passed text[]
        ) RETURNS TABLE (held_place integer, held_article text, held_host text, held_content text, held_recorded text)
        LANGUAGE plpgsql AS $$
        DECLARE
            place integer;
            own bigint[];
            telling bigint[];
            every_telling bigint[] := '{}';
            kept_bands bigint[] := '{}';
            kept_articles text[] := '{}';
        BEGIN
            FOR place IN 1 .. coalesce(array_length(p_articles, 1), 0) LOOP
                own := p_bands[p_band_starts[place] : p_band_starts[place + 1] - 1];
                every_telling := every_telling || claimwatch.telling_bands(own);
            END LOOP;
            PERFORM pg_advisory_xact_lock(k.band) FROM (SELECT DISTINCT u.band FROM unnest(every_telling) AS u(band) ORDER BY u.band) AS k;
            FOR place IN 1 .. coalesce(array_length(p_articles, 1), 0) LOOP
                own := p_bands[p_band_starts[place] : p_band_starts[place + 1] - 1];
                telling := claimwatch.telling_bands(own);
                -- A key another host's commit made telling since the locks is locked now (as in version 3).
                PERFORM pg_advisory_xact_lock(k.band) FROM unnest(telling) AS k(band) WHERE NOT (k.band = ANY(every_telling));
                -- Materialized: the pass-over test stays on the few originals found by key.
                RETURN QUERY
                    WITH looked AS MATERIALIZED (
                        SELECT b.article, b.host, count(*) AS shared FROM claimwatch.bands b
                        WHERE b.band = ANY(telling) AND b.host <> p_host
                        GROUP BY b.article, b.host HAVING count(*) >= 2
                    )
                    SELECT place, o.article, o.host, o.content, o.recorded FROM looked
                    JOIN claimwatch.originals o ON o.article = looked.article AND o.host = looked.host
                    WHERE NOT (looked.article = ANY(p_passed))
                    ORDER BY looked.shared DESC, o.recorded, o.host LIMIT 32;
                CONTINUE WHEN FOUND;
                INSERT INTO claimwatch.texts (content, text) VALUES (p_contents[place], p_texts[place]) ON CONFLICT (content) DO NOTHING;
                INSERT INTO claimwatch.originals (article, host, content, recorded)
                    VALUES (p_articles[place], p_host, p_contents[place], p_recorded[place]) ON CONFLICT (article, host) DO NOTHING;
                CONTINUE WHEN NOT FOUND;
                kept_bands := kept_bands || own;
                kept_articles := kept_articles || array_fill(p_articles[place], ARRAY[coalesce(array_length(own, 1), 0)]);
            END LOOP;
            INSERT INTO claimwatch.bands (band, article, host)
                SELECT DISTINCT k.band, k.article, p_host FROM unnest(kept_bands, kept_articles) AS k(band, article) ON CONFLICT DO NOTHING;
            INSERT INTO claimwatch.band_counts (band, originals)
                SELECT each.band, count(*) FROM (SELECT DISTINCT k.band, k.article FROM unnest(kept_bands, kept_articles) AS k(band, article)) AS each
                GROUP BY each.band ORDER BY each.band
                ON CONFLICT (band) DO UPDATE SET originals = claimwatch.band_counts.originals + excluded.originals;
        END
        $$
        """,
    ])
}
