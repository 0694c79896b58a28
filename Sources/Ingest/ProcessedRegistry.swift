import EventLog
import Watcher

/// Which drops have already been handled, by file identity (device, inode, size, mtime),
/// so no file is processed twice: not after a repeated notification, a rescan, a
/// restart, nor a crash between a durable event and the file's move. A projection of the
/// log: `rebuild` reads it back.
struct ProcessedRegistry {
    /// What is left to do with a file seen again.
    enum Disposition: Sendable, Equatable {
        /// Its events are durable; it belongs in the archive.
        case archive
        /// Rejected; it belongs in quarantine, at this path (absolute, or relative to the
        /// state folder when read back from the log).
        case quarantine(DropPath?)
        /// Rejected but left where it is (a folder).
        case leave
    }

    private var entries: [FileIdentity: Disposition] = [:]
    /// Files whose events are on their way to the log.
    private var inFlight: Set<FileIdentity> = []

    var count: Int { entries.count }

    func disposition(of identity: FileIdentity) -> Disposition? { entries[identity] }

    func isInFlight(_ identity: FileIdentity) -> Bool { inFlight.contains(identity) }

    mutating func begin(_ identity: FileIdentity) { inFlight.insert(identity) }

    mutating func commit(_ identity: FileIdentity, _ disposition: Disposition) {
        inFlight.remove(identity)
        entries[identity] = disposition
    }

    /// The events never became durable: the file is free to be taken again.
    mutating func abandon(_ identity: FileIdentity) { inFlight.remove(identity) }

    mutating func record(_ event: Event) {
        switch event {
        case let .articleIngested(ingested): if let file = ingested.file { entries[file] = .archive }
        case let .articleDuplicate(duplicate): if let file = duplicate.file { entries[file] = .archive }
        case let .fileRejected(rejected):
            guard let file = rejected.file else { return }
            entries[file] = rejected.reason == Rejection.Code.directory.rawValue
                ? .leave : .quarantine(rejected.quarantined.flatMap { DropPath(bytes: Array($0.utf8)) })
        default: break
        }
    }
}
