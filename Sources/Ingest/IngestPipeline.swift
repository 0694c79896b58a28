import ArticleText
public import EventLog
import Foundation
import Ledger
public import Logging
import Store
public import Watcher

/// The pipeline for dropped files, shared by the daemon and `claimwatch ingest`: intake →
/// text → copies → log → archive or quarantine. One thread owns it.
///
/// Files are staged a batch at a time: their texts are stored, synced once, and their
/// events queued in the log together. A file is moved out of the drop folder only once
/// its events are durable, so a crash at any point leaves it to be taken again — and the
/// registry, rebuilt from the log, makes sure that it is never recorded twice.
public final class IngestPipeline {
    private var configuration: IngestConfiguration
    private let writer: EventLogWriter
    let logger: Logger
    private var intake: FileIntake
    private let mover: FileMover
    private let store: ArticleStore
    private let dropRoot: DropPath
    private var analyzer: ArticleAnalyzer
    /// Set when the log refused an article the analyzer had already indexed: the index then
    /// holds an original the log never recorded, and is rebuilt from the log before the
    /// next file, so a retried file is not called a copy of itself.
    private var analyzerAhead = false
    private var registry = ProcessedRegistry()
    /// The figures' topics, for the live comparison (`figure.compared`).
    private var ledger = Ledger()
    /// The query store, opened on first use; nil again after a failure, so the next
    /// refresh retries (it is a projection: the log stays the truth).
    private var claimStore: ClaimStore?
    private var staged: [StagedFile] = []
    private var inFlight: [StagedFile] = []
    public private(set) var counters = IngestCounters()

    public init(configuration: IngestConfiguration, writer: EventLogWriter, logger: Logger) throws(IngestError) {
        self.configuration = configuration
        self.writer = writer
        self.logger = logger
        intake = FileIntake(configuration: configuration.intake)
        mover = try FileMover(root: configuration.layout.root)
        store = ArticleStore(folder: configuration.layout.articles)
        dropRoot = try DropPath(configuration.dropFolder)
        analyzer = try ArticleAnalyzer(store: store, indexFolder: configuration.layout.index,
                                       maximumBytes: configuration.intake.maximumBytes)
    }

    /// Reads the log back into the registry and the near-copy index. With
    /// `rewriteIndex`, the index's file is made anew from the stored texts (`reindex`).
    public func rebuild(rewriteIndex: Bool = false) throws(IngestError) {
        let started = ContinuousClock.now
        var events = 0
        // Only what the index needs, so a log of a million articles is cheap to hold.
        var originals: [(article: String, content: String)] = []
        do {
            let cursor = try LogCursor(directory: configuration.layout.log)
            while let item = try cursor.next() {
                guard case let .record(record) = item else { continue }
                switch record.type {
                case ArticleIngested.eventType, ArticleDuplicate.eventType, FileRejected.eventType: break
                case ClaimExtracted.eventType:
                    // The ledger files the figures again in log order: the same topics as live.
                    try Self.file(figuresOf: record, in: &ledger)
                    continue
                default: continue
                }
                let event = try record.event()
                registry.record(event)
                if case let .articleIngested(ingested) = event { originals.append((ingested.article, ingested.content)) }
                events += 1
            }
        } catch {
            throw .log(error)
        }
        let missingTexts = try analyzer.restore(originals, rewrite: rewriteIndex)
        if missingTexts > 0 {
            logger.warning("article texts missing from the store; those articles cannot be matched as originals",
                           metadata: ["missing": "\(missingTexts)"])
        }
        logger.info("state rebuilt from the log", metadata: [
            "files": "\(registry.count)", "articles": "\(analyzer.indexedArticles)", "events": "\(events)",
            "figures": "\(ledger.count)",
            "elapsed": "\(ContinuousClock.now - started)",
        ])
    }

    /// A new analyzer and ledger with the originals and figures the log holds, and nothing
    /// else: both took in articles whose records the log then refused.
    private func restoreAnalyzer() throws(IngestError) {
        var originals: [(article: String, content: String)] = []
        var freshLedger = Ledger()
        do {
            let cursor = try LogCursor(directory: configuration.layout.log)
            while let item = try cursor.next() {
                guard case let .record(record) = item else { continue }
                switch record.type {
                case ArticleIngested.eventType:
                    guard case let .articleIngested(ingested) = try record.event() else { continue }
                    originals.append((ingested.article, ingested.content))
                case ClaimExtracted.eventType:
                    try Self.file(figuresOf: record, in: &freshLedger)
                default:
                    continue
                }
            }
        } catch {
            throw .log(error)
        }
        var fresh = try ArticleAnalyzer(store: store, indexFolder: configuration.layout.index,
                                        maximumBytes: configuration.intake.maximumBytes)
        _ = try fresh.restore(originals, rewrite: false)
        analyzer = fresh
        ledger = freshLedger
        analyzerAhead = false
        logger.info("near-copy index rebuilt from the log after refused records", metadata: ["articles": "\(originals.count)"])
    }

    /// Files a `claim.extracted` record's figures in `ledger`. Most claims carry no figure;
    /// those are skipped without decoding them.
    private static func file(figuresOf record: LogRecord, in ledger: inout Ledger) throws(EventLogError) {
        // Looked for in the line's bytes: a String of the line and Foundation's search cost
        // more than filing the figures of the claims that have some.
        if record.line.containsBytes(noFigures) { return }
        for figure in try record.decode(ClaimExtracted.self).ledgerFigures { ledger.add(figure) }
    }

    private static let noFigures = Array(#""figures":[]"#.utf8)

    /// How many originals the near-copy index holds.
    public var indexedArticles: Int { analyzer.indexedArticles }

    /// Applies new settings (a reload). The state folder and drop folder stay as they were.
    public func reconfigure(_ new: IngestConfiguration) {
        configuration.intake = new.intake
        configuration.keepProcessed = new.keepProcessed
        configuration.batchSize = new.batchSize
        intake = FileIntake(configuration: new.intake)
    }

    // MARK: Taking files

    /// Takes one dropped file: stages its events, or finishes a move left undone, or
    /// skips it if it is already on its way. Commits the batch once it is full.
    public func take(_ file: DroppedFile) throws(IngestError) {
        let relativeText = file.relativePath.description
        let seen = file.absolutePath.withCString { FileIntake.identity(ofPathAt: $0) }
        if let (identity, mode) = seen {
            if mode & S_IFMT == S_IFDIR, registry.isRefusedFolder(identity) {
                counters.skipped += 1
                return
            }
            if registry.isInFlight(identity) {
                counters.skipped += 1
                return
            }
            if let disposition = registry.disposition(of: identity) {
                counters.skipped += 1
                finishMove(file, disposition: disposition)
                return
            }
        }
        if analyzerAhead {
            // Whatever else is on its way goes to the log first, so the log holds every
            // original the new index must know.
            try drain()
            try restoreAnalyzer()
        }
        let outcome = file.absolutePath.withCString { intake.read(pathAt: $0) }
        switch outcome {
        case .vanished:
            counters.vanished += 1
            logger.info("file vanished before it could be read", metadata: ["path": "\(relativeText)"])
        case let .rejected(rejection, identity):
            try stageRejection(file, rejection: rejection, identity: identity)
        case let .accepted(bytes, identity):
            let name = file.relativePath.lastComponent.string ?? file.relativePath.lastComponent.description
            switch analyzer.analyze(bytes: bytes, fileName: name, path: relativeText, identity: identity) {
            case let .rejected(rejection):
                try stageRejection(file, rejection: rejection, identity: identity)
            case let .duplicate(duplicate, article):
                if let content = duplicate.content { try store.store(article.text, contentID: content) }
                stage(StagedFile(file: file, identity: identity, events: [duplicate], disposition: .archive))
            case let .article(ingested, article, claims):
                try store.store(article.text, contentID: ingested.content)
                let compared = compare(claims)
                stage(StagedFile(file: file, identity: identity, events: [ingested] + claims + compared, disposition: .archive))
            }
        }
        if staged.count >= configuration.batchSize { try commit() }
    }

    /// Files the new claims' figures in the ledger: one `figure.compared` for each figure
    /// that joins a topic already holding figures.
    private func compare(_ claims: [ClaimExtracted]) -> [FigureCompared] {
        claims.flatMap { claim in
            claim.ledgerFigures.compactMap { figure in
                ledger.add(figure).map { FigureCompared($0, figure: figure, article: claim.article) }
            }
        }
    }

    /// Brings the query store up to the log's durable end, or `maximum` records nearer
    /// to it (the daemon calls this when idle, a slice at a time, so a long backlog never
    /// holds up new files). A failure is logged, not thrown: queries catch up on their
    /// own when they open the store.
    public func refreshStore(maximum: Int? = nil) {
        do {
            let store = try claimStore ?? ClaimStore(path: configuration.layout.claimStore, log: configuration.layout.log,
                                                     catchUp: false)
            claimStore = store
            let applied = try store.catchUp(maximum: maximum)
            if applied > 0 { logger.debug("query store caught up", metadata: ["records": "\(applied)"]) }
        } catch {
            claimStore = nil
            logger.warning("cannot update the query store; queries will catch up themselves", metadata: ["error": "\(error)"])
        }
    }

    private func stageRejection(_ file: DroppedFile, rejection: Rejection, identity: FileIdentity?) throws(IngestError) {
        let relativeText = file.relativePath.description
        logger.notice("file rejected", metadata: ["path": "\(relativeText)", "reason": "\(rejection.code.rawValue)",
                                                   "message": "\(rejection.message)"])
        var quarantined: DropPath?
        if rejection.code != .directory, configuration.quarantineRejected {
            let note = "path: \(relativeText)\nreason: \(rejection.code.rawValue)\nmessage: \(rejection.message)\n"
                + "time: \(Timestamp.format(configuration.now()))\n"
            quarantined = try mover.claimQuarantine(for: file.relativePath, folder: configuration.layout.quarantine,
                                                    date: configuration.now(), note: note)
        }
        let event = FileRejected(path: relativeText, reason: rejection.code.rawValue, message: rejection.message,
                                 quarantined: quarantined.flatMap { $0.relative(to: mover.root)?.description }, file: identity)
        let disposition: ProcessedRegistry.Disposition = quarantined.map { .quarantine($0) }
            ?? (rejection.code == .directory ? .leave : .rejectedInPlace)
        stage(StagedFile(file: file, identity: identity, events: [event], disposition: disposition))
    }

    private func stage(_ staged: StagedFile) {
        if let identity = staged.identity { registry.begin(identity) }
        self.staged.append(staged)
        counters.pending += 1
    }

    // MARK: Committing

    /// Syncs the batch's texts and queues its events in the log.
    public func commit() throws(IngestError) {
        guard !staged.isEmpty else { return }
        let batch = staged
        staged = []
        do throws(IngestError) {
            try store.sync()
            for var file in batch {
                do throws(EventLogError) {
                    file.receipt = try writer.enqueueWithReceipt(file.events)
                } catch {
                    throw .log(error)
                }
                inFlight.append(file)
            }
        } catch {
            abandon(batch.filter { file in !inFlight.contains { $0.file == file.file } })
            throw error
        }
    }

    /// Moves the files whose events are durable. With `waiting`, first waits until
    /// everything queued is durable. Files whose events the log refused (a failed write,
    /// rolled back) are forgotten, so a later look takes them again, and the refusal is
    /// thrown.
    public func settle(waiting: Bool) throws(IngestError) {
        guard !inFlight.isEmpty else { return }
        var failure: EventLogError?
        if waiting {
            do {
                try writer.flush()
            } catch {
                failure = error
            }
        }
        var remaining: [StagedFile] = []
        var refused: [StagedFile] = []
        for file in inFlight {
            switch file.receipt.map({ writer.fate(of: $0) }) ?? .durable {
            case .pending:
                remaining.append(file)
            case let .refused(error):
                refused.append(file)
                failure = failure ?? error
            case .durable:
                counters.pending -= 1
                count(file.events)
                logRecorded(file)
                if let identity = file.identity { registry.commit(identity, file.disposition) }
                finishMove(file.file, disposition: file.disposition)
            }
        }
        inFlight = remaining
        abandon(refused)
        if let failure { throw .log(failure) }
    }

    /// Files are counted once their events are durable, so a file the log refused and
    /// that is taken again later is counted once.
    private func count(_ events: [any EventPayload]) {
        for event in events {
            switch event {
            case is ArticleIngested: counters.ingested += 1
            case is ArticleDuplicate: counters.duplicates += 1
            case is FileRejected: counters.rejected += 1
            case is ClaimExtracted: counters.claims += 1
            default: break
            }
        }
    }

    /// Everything staged or queued: commit, wait, and move.
    public func drain() throws(IngestError) {
        try commit()
        try settle(waiting: true)
    }

    public var hasPendingWork: Bool { !staged.isEmpty || !inFlight.isEmpty }

    /// The files never made it into the log: forget them so a later look takes them again.
    private func abandon(_ files: [StagedFile]) {
        for file in files {
            if file.events.contains(where: { $0 is ArticleIngested }) { analyzerAhead = true }
            if let identity = file.identity { registry.abandon(identity) }
            counters.pending -= 1
        }
    }

    private func finishMove(_ file: DroppedFile, disposition: ProcessedRegistry.Disposition) {
        do {
            switch disposition {
            case .archive:
                guard !configuration.keepProcessed else { return }
                _ = try mover.move(file.absolutePath, relative: file.relativePath,
                                   into: configuration.layout.archive, date: configuration.now())
            case let .quarantine(target):
                let destination = target.map { $0.bytes.first == UInt8(ascii: "/") ? $0 : mover.root.appending($0) }
                if let destination {
                    try mover.moveExactly(file.absolutePath, to: destination)
                } else {
                    _ = try mover.move(file.absolutePath, relative: file.relativePath,
                                       into: configuration.layout.quarantine, date: configuration.now())
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
}

/// One file on its way through a batch.
struct StagedFile {
    var file: DroppedFile
    var identity: FileIdentity?
    var events: [any EventPayload]
    var disposition: ProcessedRegistry.Disposition
    /// Set once its events are queued in the log.
    var receipt: EventLogWriter.Receipt?
}
