import ConsoleOutput

/// Live counts for status lines and the final report.
public struct IngestCounters: Sendable, Equatable {
    /// New articles.
    public var ingested = 0
    /// Copies of articles already in the record.
    public var duplicates = 0
    public var rejected = 0
    /// Claims found in the new articles.
    public var claims = 0
    /// Gone before they could be read.
    public var vanished = 0
    /// Seen again and already handled.
    public var skipped = 0
    /// Files whose events are not yet durable.
    public var pending = 0

    public init() {}

    public var processed: Int { ingested + duplicates }

    /// `STATUS=` text for systemd and the progress line of `claimwatch ingest`.
    public var summary: String {
        "\(Wording.count(ingested, "article")), \(Wording.count(duplicates, "copy")), \(rejected) rejected, "
            + Wording.count(claims, "claim") + (pending > 0 ? ", \(pending) pending" : "")
    }
}
