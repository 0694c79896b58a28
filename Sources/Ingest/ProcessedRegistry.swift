import EventLog
import Watcher

/// Which drops have already been handled, by file identity (device, inode, size, mtime),
/// so no file is processed twice: not after a repeated notification, a rescan, a
/// restart, nor a crash between a durable event and the file's move. A projection of the
/// log: `rebuild` reads it back.
struct ProcessedRegistry {
    /// What is left to do with a file seen again.
    enum Disposition: Sendable, Equatable {
        /// Its events are durable; it belongs in the archive, at this path (absolute, or
        /// relative to the state folder when read back from the log), or in the day's archive
        /// folder when no path was recorded.
        case archive(DropPath?)
        /// Rejected; it belongs in quarantine, at this path (absolute, or relative to the
        /// state folder when read back from the log).
        case quarantine(DropPath?)
        /// A folder refused in a flat drop folder: left where it is.
        case leave
        /// Refused and left where it is (`claimwatch ingest` moves nothing).
        case rejectedInPlace
    }

    private var entries: [FileIdentity: Disposition] = [:]
    /// Folders refused in a flat drop folder, by device and inode alone: a folder's mtime
    /// changes as files come and go, and it must not be refused again each time.
    private var folders: Set<FolderKey> = []

    struct FolderKey: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ identity: FileIdentity) {
            device = identity.device
            inode = identity.inode
        }
    }
    /// Files whose events are on their way to the log.
    private var inFlight: Set<FileIdentity> = []

    var count: Int { entries.count }

    func disposition(of identity: FileIdentity) -> Disposition? { entries[identity] }

    func isRefusedFolder(_ identity: FileIdentity) -> Bool { folders.contains(FolderKey(identity)) }

    func isInFlight(_ identity: FileIdentity) -> Bool { inFlight.contains(identity) }

    mutating func begin(_ identity: FileIdentity) { inFlight.insert(identity) }

    mutating func commit(_ identity: FileIdentity, _ disposition: Disposition) {
        inFlight.remove(identity)
        if disposition == .leave {
            folders.insert(FolderKey(identity))
        } else {
            entries[identity] = disposition
        }
    }

    /// The events never became durable: the file is free to be taken again.
    mutating func abandon(_ identity: FileIdentity) { inFlight.remove(identity) }

    mutating func record(_ event: Event) {
        switch event {
        case let .articleIngested(ingested):
            if let file = ingested.file { entries[file] = .archive(ingested.archived.flatMap { DropPath(bytes: Array($0.utf8)) }) }
        case let .articleDuplicate(duplicate):
            if let file = duplicate.file { entries[file] = .archive(duplicate.archived.flatMap { DropPath(bytes: Array($0.utf8)) }) }
        case let .fileRejected(rejected):
            guard let file = rejected.file else { return }
            if rejected.reason == Rejection.Code.directory.rawValue {
                folders.insert(FolderKey(file))
            } else if rejected.quarantined == nil {
                entries[file] = .rejectedInPlace
            } else {
                entries[file] = .quarantine(rejected.quarantined.flatMap { DropPath(bytes: Array($0.utf8)) })
            }
        default: break
        }
    }
}
