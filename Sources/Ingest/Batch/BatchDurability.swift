import EventLog
import Foundation
import Logging
import Watcher

/// Carries files from staged to durable: a batch's texts are synced once and its events
/// queued in the log together; each file then waits until the log says its events are
/// durable, or refused. Only a durable file counts as processed: it enters the registry
/// for good and leaves the drop folder (for the archive path its events name, or the
/// quarantine). A refused file is forgotten, so a later look takes it again, and it stays
/// where it was dropped.
final class BatchDurability {
    /// What became of the files settled in one call.
    struct Settlement {
        var durable: [StagedFile] = []
        var refused: [StagedFile] = []
        /// Why the log refused them (the first reason).
        var failure: EventLogError?
    }

    private let writer: EventLogWriter
    private let texts: ArticleStore
    private let mover: FileMover
    private let layout: StateLayout
    private let logger: Logger
    /// Which files are processed or on their way: fed by the log at start (`LogReplay`),
    /// then by what becomes durable here.
    var registry = ProcessedRegistry()
    private var staged: [StagedFile] = []
    private var inFlight: [StagedFile] = []
    /// Archive paths claimed by files still on their way.
    private var claimed: Set<DropPath> = []
    /// Leave processed files where they are.
    var keepProcessed: Bool
    let now: @Sendable () -> Date

    init(writer: EventLogWriter, texts: ArticleStore, mover: FileMover, layout: StateLayout, keepProcessed: Bool,
         logger: Logger, now: @escaping @Sendable () -> Date) {
        self.writer = writer
        self.texts = texts
        self.mover = mover
        self.layout = layout
        self.keepProcessed = keepProcessed
        self.logger = logger
        self.now = now
    }

    /// Files staged but not yet queued in the log.
    var stagedCount: Int { staged.count }

    /// Files whose events are not yet durable.
    var pendingCount: Int { staged.count + inFlight.count }

    var hasPendingWork: Bool { !staged.isEmpty || !inFlight.isEmpty }

    /// The articles that files staged but not yet queued in the log record as originals.
    var stagedOriginals: Set<String> {
        var articles: Set<String> = []
        for file in staged {
            for case let ingested as ArticleIngested in file.events { articles.insert(ingested.article) }
        }
        return articles
    }

    /// Where a processed file will go: a claimed archive path (relative to the state folder,
    /// as the events say it), or nil when it stays in the drop folder.
    func claimArchive(for file: DroppedFile) throws(IngestError) -> DropPath? {
        guard !keepProcessed else { return nil }
        let path = try mover.claimArchive(for: file.relativePath, folder: layout.archive, date: now(), taken: claimed)
        claimed.insert(path)
        return path
    }

    /// The state-relative form an event records.
    func recorded(_ path: DropPath) -> String {
        (path.relative(to: mover.root) ?? path).description
    }

    /// Adds a file to the batch; from now on a second look at it skips it.
    func stage(_ file: StagedFile) {
        if let identity = file.identity { registry.begin(identity) }
        staged.append(file)
    }

    /// Syncs the batch's texts and queues its events in the log. Files the log would not
    /// take are forgotten, as refused, and the error thrown.
    func commit() throws(IngestError) {
        guard !staged.isEmpty else { return }
        let batch = staged
        staged = []
        var queued = 0
        do throws(IngestError) {
            try texts.sync()
            for var file in batch {
                do throws(EventLogError) {
                    file.receipt = try writer.enqueueWithReceipt(file.events)
                } catch {
                    throw .log(error)
                }
                inFlight.append(file)
                queued += 1
            }
        } catch {
            forget(Array(batch[queued...]))
            throw error
        }
    }

    /// Settles the files whose fate is known: durable ones are registered and moved, refused
    /// ones forgotten. With `waiting`, first waits until everything queued is durable.
    func settle(waiting: Bool) -> Settlement {
        var settlement = Settlement()
        guard !inFlight.isEmpty else { return settlement }
        if waiting {
            do {
                try writer.flush()
            } catch {
                settlement.failure = error
            }
        }
        var remaining: [StagedFile] = []
        for file in inFlight {
            switch file.receipt.map({ writer.fate(of: $0) }) ?? .durable {
            case .pending:
                remaining.append(file)
            case let .refused(error):
                settlement.refused.append(file)
                settlement.failure = settlement.failure ?? error
            case .durable:
                if let identity = file.identity { registry.commit(identity, file.disposition) }
                release(file.disposition)
                finishMove(file.file, disposition: file.disposition)
                settlement.durable.append(file)
            }
        }
        inFlight = remaining
        forget(settlement.refused)
        return settlement
    }

    /// The files never made it into the log: forget them so a later look takes them again.
    private func forget(_ files: [StagedFile]) {
        for file in files {
            if let identity = file.identity { registry.abandon(identity) }
            release(file.disposition)
        }
    }

    private func release(_ disposition: ProcessedRegistry.Disposition) {
        if case let .archive(path?) = disposition { claimed.remove(path) }
    }

    /// Moves a file whose events are durable to where they say it goes.
    func finishMove(_ file: DroppedFile, disposition: ProcessedRegistry.Disposition) {
        do {
            switch disposition {
            case let .archive(target):
                if let target {
                    try mover.moveExactly(file.absolutePath, to: absolute(target))
                } else if !keepProcessed {
                    _ = try mover.move(file.absolutePath, relative: file.relativePath, into: layout.archive, date: now())
                }
            case let .quarantine(target):
                if let target {
                    try mover.moveExactly(file.absolutePath, to: absolute(target))
                } else {
                    _ = try mover.move(file.absolutePath, relative: file.relativePath, into: layout.quarantine, date: now())
                }
            case .leave, .rejectedInPlace:
                return
            }
        } catch {
            // The events are durable; the file stays in the drop folder and the registry
            // finishes the move on the next look.
            logger.error("could not move a processed file out of the drop folder",
                         metadata: ["path": "\(file.relativePath)", "error": "\(error)"])
        }
    }

    private func absolute(_ path: DropPath) -> DropPath {
        path.bytes.first == UInt8(ascii: "/") ? path : mover.root.appending(path)
    }
}
