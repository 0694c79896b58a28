public import EventLog

extension AnswerJSON {
    /// One article as `show --json` prints it: its `article.ingested` record, `copies` (as
    /// `articles`), `text` (the stored text), `claims` (each as `claims` prints it, in the
    /// order given) and, when the article was reached through a copy's id, `copy` (that
    /// copy's record). A claim whose record cannot be read is left out and its damage
    /// returned, so the answer can say it is partial.
    public static func shownArticle(_ record: LogRecord, copies: [LogRecord], text: String?, claims rows: some Sequence<ClaimRow>,
                                    reader: LogRecordReader, via copy: LogRecord? = nil) throws(EventLogError)
        -> (line: [UInt8], damage: [LogDamage]) {
        var object = article(record, copies: copies)
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
        return (object.build(), damage)
    }
}
