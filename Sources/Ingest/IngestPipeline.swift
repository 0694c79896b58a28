import ArticleText
public import EventLog
import Fingerprint
import Foundation
import Ledger
public import Logging
import Store
public import Watcher

/// The pipeline for dropped files, shared by the daemon and `claimwatch ingest`: intake →
/// text → copies and claims → log → archive or quarantine. One thread owns it.
///
/// It has two jobs, each in its own part: what it remembers of the record (the registry of
/// processed files, the copy memory, the stories, the figures ledger) is brought back from
/// the log in one pass (`LogReplay`); and files are carried from staged to durable a batch at a time
/// (`BatchDurability`), so a file counts as processed only once its events are durable,
/// and a crash at any point leaves it to be taken again.
public final class IngestPipeline {
    private var configuration: IngestConfiguration
    let logger: Logger
    private var intake: FileIntake
    private let mover: FileMover
    let texts: ArticleStore
    let memory: LocalCopyMemory
    let fingerprinter: Fingerprinter
    private var analyzer: ArticleAnalyzer
    let batches: BatchDurability
    private let writer: EventLogWriter
    /// Set when the log refused an article the memory had already taken in: the memory
    /// then holds an article the log never recorded, and is rebuilt from the log before
    /// the next file, so a retried file is not called a copy of itself.
    private var memoryAhead = false
    /// The figures' topics, for the live comparison (`figure.compared`).
    var ledger = Ledger()
    /// Which story each article is in, for the ledger's scopes and the story of new articles.
    var stories = StoryIndex()
    /// The cluster mode's state (other hosts' articles, reservations); empty otherwise.
    var sharing = SharingState()
    /// The query store, opened on first use; nil again after a failure, so the next
    /// refresh retries (it is a projection: the log stays the truth).
    private var claimStore: ClaimStore?
    public private(set) var counters = IngestCounters()

    public init(configuration: IngestConfiguration, writer: EventLogWriter, logger: Logger) throws(IngestError) {
        self.configuration = configuration
        self.logger = logger
        self.writer = writer
        intake = FileIntake(configuration: configuration.intake)
        mover = try FileMover(root: configuration.layout.root)
        texts = ArticleStore(folder: configuration.layout.articles)
        let fingerprinter: Fingerprinter
        do {
            fingerprinter = try Fingerprinter()
        } catch {
            throw .configuration("fingerprint parameters: \(error)")
        }
        self.fingerprinter = fingerprinter
        memory = try LocalCopyMemory(fingerprinter: fingerprinter, indexFolder: configuration.layout.index, texts: texts)
        analyzer = ArticleAnalyzer(memory: memory, fingerprinter: fingerprinter, texts: texts,
                                   maximumBytes: configuration.intake.maximumBytes)
        // A drop folder that is no path (empty, or holding a NUL) is refused up front.
        _ = try DropPath(configuration.dropFolder)
        batches = BatchDurability(writer: writer, texts: texts, mover: mover, layout: configuration.layout,
                                  keepProcessed: configuration.keepProcessed, logger: logger, now: configuration.now)
    }

    /// Shares verdicts with other hosts (the cluster mode): each new original is reserved
    /// in `originals` before it is recorded. Set before the first file.
    public func shareOriginals(_ originals: any OriginalReservations) {
        sharing.originals = originals
        let now = configuration.now
        analyzer.reservation = { [unowned self] article, content, text, fingerprint in
            reserveOriginal(ReservationRequest(article: article, content: content, text: text, bands: fingerprint.reservationBands,
                                               recorded: Timestamp.format(now()), passing: knownNeighbours(of: fingerprint)))
        }
    }

    /// Reads the log back into the registry, the copy memory and the ledger. With
    /// `rewriteIndex`, the fingerprint file is made anew from the stored texts (`reindex`).
    public func rebuild(rewriteIndex: Bool = false) throws(IngestError) {
        let started = ContinuousClock.now
        let replay = try LogReplay.read(log: configuration.layout.log, texts: texts, late: sharing.late)
        batches.registry = replay.registry
        sharing.underived = replay.recordedOriginals
        try restore(from: replay, rewriteIndex: rewriteIndex)
        logger.info("state rebuilt from the log", metadata: [
            "files": "\(replay.registry.count)", "articles": "\(memory.articleCount)", "events": "\(replay.files)",
            "claims": "\(replay.claims.count)", "figures": "\(ledger.count)", "stories": "\(stories.count)",
            "elapsed": "\(ContinuousClock.now - started)",
        ])
    }

    /// The copy memory and the ledger from a replay of the log.
    private func restore(from replay: LogReplay, rewriteIndex: Bool) throws(IngestError) {
        let missing = try memory.restore(replay.articles, claims: replay.claims, rewrite: rewriteIndex)
        if missing > 0 {
            logger.warning("article texts missing from the store; those articles cannot be matched as originals",
                           metadata: ["missing": "\(missing)"])
        }
        ledger = replay.ledger
        stories = replay.stories
        memoryAhead = false
        sharing.stale = false
        sharing.late.formUnion(replay.late)
        sharing.known = Set(replay.articles.map(\.id))
        // Other hosts' records are not in this log: applied again after it, as at start.
        reapplyShared()
    }

    /// How many articles the copy memory holds.
    public var indexedArticles: Int { memory.articleCount }

    /// Applies new settings (a reload). The state folder and drop folder stay as they were.
    public func reconfigure(_ new: IngestConfiguration) {
        configuration.intake = new.intake
        configuration.keepProcessed = new.keepProcessed
        configuration.batchSize = new.batchSize
        batches.keepProcessed = new.keepProcessed
        intake = FileIntake(configuration: new.intake)
    }

    // MARK: Taking files

    /// Takes one dropped file: stages its events, or finishes a move left undone, or
    /// skips it if it is already on its way. Commits the batch once it is full.
    public func take(_ file: DroppedFile) throws(IngestError) {
        let relativeText = file.relativePath.description
        let seen = file.absolutePath.withCString { FileIntake.identity(ofPathAt: $0) }
        if let (identity, mode) = seen {
            let registry = batches.registry
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
                batches.finishMove(file, disposition: disposition)
                return
            }
        }
        if memoryAhead || sharing.stale {
            // Whatever else is on its way goes to the log first, so the log holds every
            // article the rebuilt memory must know, and the late verdicts it reads through.
            let reason = memoryAhead ? "refused records" : "late verdicts"
            try drain()
            if sharing.stale { try? writer.flush() }
            let started = ContinuousClock.now
            try restore(from: try LogReplay.read(log: configuration.layout.log, texts: texts, late: sharing.late), rewriteIndex: false)
            logger.info("copy memory rebuilt from the log", metadata: [
                "after": "\(reason)", "articles": "\(memory.articleCount)", "other-hosts-records": "\(sharing.records.count)",
                "elapsed": "\(ContinuousClock.now - started)"])
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
            case var .duplicate(copy):
                // Kept for `claimwatch show --copy`, and because a copy's own claims point into it.
                if let content = copy.duplicate.content { try texts.store(copy.text, contentID: content) }
                let destination = try batches.claimArchive(for: file)
                copy.duplicate.archived = destination.map(batches.recorded)
                copy.duplicate.kept = destination == nil ? true : nil
                // A copy is in its original's story; its text may show that story one with another.
                // The text counts only when it is stored, so that a rebuild reads the same features.
                let evidence = copy.duplicate.content.map(texts.contains) == true ? copy.text : ""
                let (story, merged) = stories.assign(copy.duplicate.article, title: nil, text: evidence, published: nil,
                                                     outlet: nil, recorded: Timestamp.format(configuration.now()),
                                                     copyOf: copy.duplicate.of)
                copy.duplicate.story = story
                for merge in merged { ledger.mergeStory(merge.story, into: merge.into) }
                let compared = copy.claims.flatMap { ledger.file($0, stories: stories) }
                let events: [any EventPayload] = [copy.duplicate] + merged + copy.claims + compared
                stage(StagedFile(file: file, identity: identity, events: events, disposition: .archive(destination)))
            case var .article(reading):
                sharing.known.insert(reading.ingested.article)
                try texts.store(reading.article.text, contentID: reading.ingested.content)
                let destination = try batches.claimArchive(for: file)
                reading.ingested.archived = destination.map(batches.recorded)
                reading.ingested.kept = destination == nil ? true : nil
                // A later version of an article, or the fuller version of a trimmed one, is in its story.
                let (story, merged) = stories.assign(
                    reading.ingested.article, title: reading.article.title, text: reading.article.text,
                    published: reading.article.published, outlet: reading.article.outlet,
                    recorded: Timestamp.format(configuration.now()),
                    copyOf: reading.ingested.updates ?? reading.contained.first?.article)
                reading.ingested.story = story
                notePending(reading.ingested)
                for merge in merged { ledger.mergeStory(merge.story, into: merge.into) }
                let compared = reading.claims.flatMap { ledger.file($0, stories: stories) }
                let events: [any EventPayload] = [reading.ingested] + merged + reading.contained + reading.claims + compared
                stage(StagedFile(file: file, identity: identity, events: events, disposition: .archive(destination)))
            }
        }
        if batches.stagedCount >= configuration.batchSize { try commit() }
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
                                 quarantined: quarantined.map(batches.recorded), file: identity)
        let disposition: ProcessedRegistry.Disposition = quarantined.map { .quarantine($0) }
            ?? (rejection.code == .directory ? .leave : .rejectedInPlace)
        stage(StagedFile(file: file, identity: identity, events: [event], disposition: disposition))
    }

    private func stage(_ file: StagedFile) {
        batches.stage(file)
        counters.pending = batches.pendingCount
    }

    // MARK: Committing

    /// Syncs the batch's texts and queues its events in the log.
    public func commit() throws(IngestError) {
        do {
            try batches.commit()
        } catch {
            // Articles among the refused may be in the memory already.
            memoryAhead = true
            counters.pending = batches.pendingCount
            throw error
        }
    }

    /// Moves the files whose events are durable. With `waiting`, first waits until
    /// everything queued is durable. Files whose events the log refused (a failed write,
    /// rolled back) are forgotten, so a later look takes them again, and the refusal is
    /// thrown.
    public func settle(waiting: Bool) throws(IngestError) {
        let settlement = batches.settle(waiting: waiting)
        for file in settlement.durable {
            count(file.events)
            logRecorded(file)
        }
        if settlement.refused.contains(where: { $0.events.contains { $0 is ArticleIngested } }) { memoryAhead = true }
        counters.pending = batches.pendingCount
        if let failure = settlement.failure { throw .log(failure) }
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

    public var hasPendingWork: Bool { batches.hasPendingWork }
}
