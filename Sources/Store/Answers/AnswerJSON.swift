public import EventLog

/// The JSON lines the read commands print. Each is a record of the log as it stands, or
/// built from one, with the fields the command adds after the record's own: so a field
/// has the same name and shape in `claimwatch … --json` as in the log, a field a newer
/// version writes comes through untouched, and one `jq` filter reads both. The record's
/// `crc` is left out, since it covers the record alone.
public enum AnswerJSON {
    /// A claim: its `claim.extracted` record, then its article's `outlet`, `published`
    /// and `path`, and `reports`, how many articles carry it (or the claim it repeats).
    public static func claim(_ record: LogRecord, row: ClaimRow) throws(EventLogError) -> [UInt8] {
        var object = JSONObjectBuilder(record: record)
        try object.field("outlet", row.outlet)
        try object.field("published", row.published)
        try object.field("path", row.path)
        try object.field("reports", row.reports)
        // A late verdict (the cluster mode) recast the claim after its record was written: what
        // it reports again or updates is the row's.
        if let repeats = row.repeats, !record.json.contains("\"repeats\":") { try object.field("repeats", repeats) }
        if let updates = row.updates, !record.json.contains("\"updates\":") { try object.field("updates", updates) }
        return object.build()
    }

    /// An article: its `article.ingested` record, then `copies`, its copies'
    /// `article.duplicate` records, oldest first.
    public static func article(_ record: LogRecord, copies: [LogRecord]) -> JSONObjectBuilder {
        var object = JSONObjectBuilder(record: record)
        object.objects("copies", copies.map { JSONObjectBuilder(record: $0).build() })
        return object
    }

    /// A claimant as the log's `claimant` objects have it (`canonical`, `kind`; names as
    /// written vary, so there is no `name`), with what it asserts.
    public static func claimant(_ row: ClaimantRow) throws(EventLogError) -> [UInt8] {
        var claimant = JSONObjectBuilder()
        try claimant.field("canonical", row.claimant)
        try claimant.field("kind", row.kind)
        var object = JSONObjectBuilder()
        object.raw("claimant", claimant.build())
        try object.field("claims", row.claims)
        try object.field("figures", row.figures)
        try object.field("articles", row.articles)
        return object.build()
    }

    /// `{"claim":…,"index":…}`, a figure as `figure.compared` names one.
    static func reference(claim: String, index: Int) throws(EventLogError) -> [UInt8] {
        var object = JSONObjectBuilder()
        try object.field("claim", claim)
        try object.field("index", index)
        return object.build()
    }
}

extension TopicReport.Line {
    /// `claim#index` apart.
    static func split(_ figure: String) -> (claim: String, index: Int) {
        guard let mark = figure.lastIndex(of: "#"), let index = Int(figure[figure.index(after: mark)...]) else { return (figure, 0) }
        return (String(figure[..<mark]), index)
    }

    /// The claim the figure belongs to, and its place in the claim's `figures`.
    public var claim: String { Self.split(figure).claim }
    public var index: Int { Self.split(figure).index }
}
