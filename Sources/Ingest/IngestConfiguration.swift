public import Foundation

/// How the pipeline treats files. Executables fill it from flags, environment and the
/// configuration file.
public struct IngestConfiguration: Sendable {
    public var layout: StateLayout
    /// The folder whose files are taken; paths in events are relative to it.
    public var dropFolder: String
    public var intake: FileIntake.Configuration
    /// Leave processed files where they are instead of moving them to the archive.
    /// Rejected files still go to quarantine.
    public var keepProcessed: Bool
    /// Move refused files to quarantine. `claimwatch ingest` turns it off: it leaves every
    /// source file where it is.
    public var quarantineRejected: Bool
    /// Files staged before their texts are synced and their events queued in one go.
    public var batchSize: Int
    public var now: @Sendable () -> Date

    public init(
        layout: StateLayout, dropFolder: String? = nil, intake: FileIntake.Configuration = .init(),
        keepProcessed: Bool = false, quarantineRejected: Bool = true, batchSize: Int = 64,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.quarantineRejected = quarantineRejected
        self.layout = layout
        self.dropFolder = dropFolder ?? layout.inbox
        self.intake = intake
        self.keepProcessed = keepProcessed
        self.batchSize = batchSize
        self.now = now
    }
}
