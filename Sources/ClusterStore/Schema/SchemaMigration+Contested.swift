extension SchemaMigration {
    /// Reservations another host found later than an original it reserved after an outage.
    ///
    /// A host that recorded an original while the database was away reserves it once the
    /// database returns. Another host may have reserved its own copy of the same story
    /// meanwhile, normally, though it recorded it later: that host never looks at it again,
    /// and the story had two originals (issue 17, "story 1153: 2 originals"). The reconciling
    /// host marks such reservations here, in the transaction that makes its own; the holder
    /// reads its marks, judges each against the earlier originals as a late verdict, and
    /// clears them (`OriginalReserver.contested()`). A mark has no foreign key: a holder
    /// withdrawing its reservation meanwhile must not fail the other host's transaction, and
    /// a mark whose reservation is gone means nothing (the holder reads them joined).
    static let contestedOriginals = SchemaMigration(version: 5, summary: "reservations marked later than another host's", statements: [
        """
        CREATE TABLE claimwatch.contested (
            article text NOT NULL,
            host text NOT NULL,
            by_article text NOT NULL,
            by_host text NOT NULL,
            marked_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (host, article)
        )
        """,
    ])
}
