extension SchemaMigration {
    /// Reservations a batch at a time, for a host reconciling the originals it recorded
    /// while the database was away: one call per a few hundred of them instead of one each
    /// (thousands of round trips made the first pass after an outage take a minute).
    ///
    /// The batch is one transaction. Its telling keys are all locked first, in ascending
    /// order, as `reserve_original` locks its own: a batch and a single reservation never
    /// wait on each other in a circle. Then each article is judged as `reserve_original`
    /// judges it (other hosts' originals sharing two telling keys that are not in `known`
    /// come back, with the article's place in the batch, and it is not reserved); the bands
    /// of those reserved are written at the end, and counted in key order.
    /// `p_bands` holds every article's keys one after the other, the article at place i
    /// (from 1) from `p_band_starts[i]` up to `p_band_starts[i + 1]`, exclusive.
    static let batchedReservations = SchemaMigration(version: 3, summary: "originals reserved a batch at a time", statements: [
        """
        CREATE FUNCTION claimwatch.reserve_originals(
            p_host text, p_articles text[], p_contents text[], p_texts text[], p_recorded text[],
            p_band_starts integer[], p_bands bigint[], p_known text[]
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
                -- The same keys as before the locks unless another host's commit moved a count
                -- across the line meanwhile; a key not locked yet is locked now (a circle the
                -- server would break is retried by the caller).
                telling := claimwatch.telling_bands(own);
                PERFORM pg_advisory_xact_lock(k.band) FROM unnest(telling) AS k(band) WHERE NOT (k.band = ANY(every_telling));
                RETURN QUERY
                    SELECT place, o.article, o.host, o.content, o.recorded FROM (
                        SELECT b.article, b.host, count(*) AS shared FROM claimwatch.bands b
                        WHERE b.band = ANY(telling) AND b.host <> p_host
                        GROUP BY b.article, b.host HAVING count(*) >= 2
                    ) AS looked
                    JOIN claimwatch.originals o ON o.article = looked.article AND o.host = looked.host
                    WHERE NOT (o.article = ANY(p_known))
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
        // The keys fewer than 32 originals hold, in ascending order; all of them when that
        // leaves fewer than two (as `reserve_original` picks them).
        """
        CREATE FUNCTION claimwatch.telling_bands(p_bands bigint[]) RETURNS bigint[]
        LANGUAGE plpgsql STABLE AS $$
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
            RETURN coalesce(telling, '{}');
        END
        $$
        """,
    ])
}
