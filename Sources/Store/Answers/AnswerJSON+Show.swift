public import EventLog

extension AnswerJSON {
    /// A story as `articles`, `dupes` and `show` print it in JSON: its fullest version's
    /// `article.ingested` record, then `copies`, the `article.duplicate` records of every
    /// version's copies, and `versions`, the other versions' `article.ingested` records
    /// (shorter ones it contains, or those it updates), each oldest first.
    public static func story(_ representative: LogRecord, copies: [LogRecord], versions: [LogRecord]) -> JSONObjectBuilder {
        var object = article(representative, copies: copies)
        object.objects("versions", versions.map { JSONObjectBuilder(record: $0).build() })
        return object
    }

    /// One story as `show --json` prints it: the story (above), `text` (the fullest
    /// version's stored text), `claims` (each as `claims` prints it, in the order given),
    /// and, when the story was reached through a copy's or another version's id, `copy` or
    /// `version` (that record). A claim whose record cannot be read is left out and its
    /// damage returned, so the answer can say it is partial.
    public static func shownStory(_ story: JSONObjectBuilder, text: String?, claims rows: some Sequence<ClaimRow>,
                                  reader: some RecordReading, copy: LogRecord? = nil, version: LogRecord? = nil) throws(EventLogError)
        -> (line: [UInt8], damage: [LogDamage]) {
        var object = story
        try object.field("text", text)
        var lines = JSONObjectBuilder.Array()
        var damage: [LogDamage] = []
        for row in rows {
            do {
                lines.append(try claim(try reader.record(at: row.location, seq: UInt64(row.seq)), row: row))
            } catch {
                if let damaged = LogDamage(error) { damage.append(damaged) }
            }
        }
        object.raw("claims", lines.build())
        if let copy { object.raw("copy", JSONObjectBuilder(record: copy).build()) }
        if let version { object.raw("version", JSONObjectBuilder(record: version).build()) }
        return (object.build(), damage)
    }
}
