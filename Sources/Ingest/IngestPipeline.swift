import ArticleText
import CLinuxShims
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
    private(set) var configuration: IngestConfiguration
    let logger: Logger
    private var intake: FileIntake
    private let mover: FileMover
    let texts: ArticleStore
    let memory: LocalCopyMemory
    let fingerprinter: Fingerprinter
    private var analyzer: ArticleAnalyzer
    let batches: BatchDurability
    let writer: EventLogWriter
    /// Set when the log refused an article the memory had already taken in (or a late
    /// verdict whose story merge it had made): the memory then holds what the log never
    /// recorded, and is rebuilt from the log before the next file, so a retried file is not
    /// called a copy of itself.
    var memoryAhead = false
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
        let replay = try rebuildMemory(after: rewriteIndex ? .reindex : .start, rewriteIndex: rewriteIndex)
        batches.registry = replay.registry
        // Which originals the database holds no reservation of is asked once per process:
        // later rebuilds keep the pending originals this one knows by then.
        sharing.underived = replay.recordedOriginals
        for recorded in replay.recordedOriginals { sharing.ownOriginals[recorded.article] = recorded.original }
    }

    /// Why the memory is built again from the log, as the journal says it.
    enum RebuildCause: String {
        case start
        case reindex
        /// The log refused records whose article or story merge the memory had taken in.
        case refusedRecords = "refused records"
        /// A late verdict (this host's or another's) changed what earlier records mean.
        case lateVerdicts = "late verdicts"
    }

    /// The one way the memory (copy index, claims' keys, stories, ledger) is built again:
    /// everything on its way to the log is written first (what fails to be stops it here,
    /// and the memory stays marked to be rebuilt), then the log is read, then the other
    /// hosts' records are applied again after it, as at start.
    @discardableResult
    func rebuildMemory(after cause: RebuildCause, rewriteIndex: Bool = false) throws(IngestError) -> LogReplay {
        try drain()
        let started = ContinuousClock.now
        let replay = try LogReplay.read(log: configuration.layout.log, texts: texts, late: sharing.late)
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
        let logRead = ContinuousClock.now
        let again = reapplyShared()
        let finished = ContinuousClock.now
        logger.info("memory rebuilt from the log", metadata: [
            "after": "\(cause.rawValue)", "files": "\(replay.registry.count)", "events": "\(replay.files)",
            "articles": "\(memory.articleCount)", "claims": "\(replay.claims.count)", "figures": "\(ledger.count)",
            "stories": "\(stories.count)", "other-hosts-records": "\(again)", "elapsed": "\(finished - started)",
            "other-hosts-elapsed": "\(finished - logRead)",
        ])
        returnFreedMemory()
        return replay
    }

    /// Hands the heap's free pages back to the system after work that allocated much and
    /// freed it (a rebuild; the first catch-up with the other hosts' records, queued faster
    /// than they are applied): glibc keeps them otherwise, and the daemon's resident memory
    /// stays at that peak for good.
    func returnFreedMemory() {
        _ = claimwatch_release_free_heap()
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
        if memoryAhead || sharing.stale { try rebuildMemory(after: memoryAhead ? .refusedRecords : .lateVerdicts) }
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
    /// thrown; so are late verdicts the log refused (`settleLateVerdicts`).
    public func settle(waiting: Bool) throws(IngestError) {
        let settlement = batches.settle(waiting: waiting)
        for file in settlement.durable {
            count(file.events)
            logRecorded(file)
        }
        if settlement.refused.contains(where: { $0.events.contains { $0 is ArticleIngested } }) { memoryAhead = true }
        counters.pending = batches.pendingCount
        let lateFailure = settleLateVerdicts(waiting: waiting)
        if let failure = settlement.failure ?? lateFailure { throw .log(failure) }
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
