import EventLog
import Watcher

/// One file on its way through a batch: its events, and what becomes of the file once they
/// are durable.
struct StagedFile: Sendable {
    var file: DroppedFile
    var identity: FileIdentity?
    var events: [any EventPayload]
    var disposition: ProcessedRegistry.Disposition
    /// Set once its events are queued in the log.
    var receipt: EventLogWriter.Receipt?

    init(file: DroppedFile, identity: FileIdentity?, events: [any EventPayload], disposition: ProcessedRegistry.Disposition) {
        self.file = file
        self.identity = identity
        self.events = events
        self.disposition = disposition
    }
}
