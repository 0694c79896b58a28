import EventLog
import Ledger
import Store
import Stories

/// One pass over the log that brings back what the pipeline keeps in memory: the registry
/// of processed files, the articles and claims of the copy memory, the stories, and the
/// figures ledger (scoped by the stories as they stood when each claim was recorded).
/// Used when the pipeline starts, after the log refused a write (the memory and the ledger
/// had taken in articles the log never recorded), and by `claimwatch reindex`.
struct LogReplay {
    var registry = ProcessedRegistry()
    var ledger = Ledger()
    var stories = StoryIndex()
    /// The articles the record holds, in log order, for the copy memory's index.
    var articles: [RememberedArticle] = []
    /// Each claim's key with the claim it reports (its own id, or the one it repeats).
    var claims: [(key: ClaimKey, claim: String)] = []
    /// Records about files (ingested, copies, rejections).
    var files = 0
    /// The late verdicts (the cluster mode): those given, and those the log holds.
    var late = LateVerdicts()
    /// The originals recorded while the daemon shared verdicts (after a `daemon.started`
    /// naming a database), but those a late verdict judged: the ones the database holds no
    /// reservation of are pending again at start.
    var recordedOriginals: [RecordedOriginal] = []
    /// Whether the daemon that wrote the records read last shared verdicts.
    private var sharing = false

    /// Reads the log. `texts` are the stored article texts, from which the stories' features
    /// are read again (without them, the articles keep their stories but new ones cannot join).
    /// `late`: late verdicts known already (the pipeline's own, not yet durable, and other
    /// hosts'); each claim is read as they say.
    ///
    /// A late verdict comes after the claims it recasts, whose figures the ledger has filed
    /// by then: when the log holds one not known at the start, it is read again knowing them
    /// all (a second pass only for a log that holds late verdicts).
    static func read(log: String, texts: ArticleStore? = nil, late: LateVerdicts = LateVerdicts()) throws(IngestError) -> LogReplay {
        let first = try pass(log: log, texts: texts, late: late)
        guard first.late != late else { return first }
        return try pass(log: log, texts: texts, late: first.late)
    }

    private static func pass(log: String, texts: ArticleStore?, late: LateVerdicts) throws(IngestError) -> LogReplay {
        var replay = LogReplay()
        replay.late = late
        do {
            let cursor = try LogCursor(directory: log)
            while let item = try cursor.next() {
                guard case let .record(record) = item else { continue }
                try replay.apply(record, texts: texts)
            }
        } catch {
            throw .log(error)
        }
        // A late copy leaves the copy index: it is a candidate original no more.
        if !replay.late.copies.isEmpty { replay.articles.removeAll { replay.late.copies.contains($0.id) } }
        replay.recordedOriginals.removeAll { replay.late.judged.contains($0.article) }
        return replay
    }

    private mutating func apply(_ record: LogRecord, texts: ArticleStore?) throws(EventLogError) {
        switch record.type {
        case ClaimExtracted.eventType:
            let claim = late.read(try record.decode(ClaimExtracted.self))
            claims.append((claim.key, claim.repeats ?? claim.claim))
            // The ledger files the figures again in log order: the same topics as live.
            _ = ledger.file(claim, stories: stories)
        case StoryMerged.eventType:
            let merged = try record.decode(StoryMerged.self)
            // The renames it makes (its own, or none when the stories are one already), and
            // only those: the ledger follows the stories, never the record's direction.
            ledger.merge(stories.restore(merged))
        case ArticleReconciled.eventType:
            late.note(record)
        case DaemonStarted.eventType:
            sharing = (try record.decode(DaemonStarted.self)).config["database"] != nil
        case ArticleIngested.eventType, ArticleDuplicate.eventType, FileRejected.eventType:
            let event = try record.event()
            registry.record(event)
            switch event {
            case let .articleIngested(ingested):
                articles.append(RememberedArticle(id: ingested.article, content: ingested.content))
                // A version of a known article is never reserved; an original is.
                if sharing, ingested.updates == nil { recordedOriginals.append(RecordedOriginal(ingested, recorded: record.time, seq: record.seq)) }
                ledger.merge(stories.restore(ingested.article, story: ingested.story, title: ingested.title,
                                             text: ingested.story == nil ? nil : texts?.text(for: ingested.content),
                                             published: ingested.published, outlet: ingested.outlet, recorded: record.time))
            case let .articleDuplicate(copy):
                late.note(copy)
                // A copy's own text is kept only when it has claims; an exact copy's is its original's.
                ledger.merge(stories.restore(copy.article, story: copy.story, title: nil,
                                             text: copy.story == nil ? nil : copy.content.flatMap { texts?.text(for: $0) },
                                             published: nil, outlet: nil, recorded: record.time))
            default:
                break
            }
            files += 1
        default:
            return
        }
    }
}

extension ClaimExtracted {
    /// The key the copy memory knows the claim by.
    var key: ClaimKey { ClaimKey(sentence: text, content: content, claimant: claimant?.canonical) }
}

extension Ledger {
    /// Moves the topics of the stories renamed as their records were put back.
    mutating func merge(_ renames: [StoryRename]) {
        for rename in renames { mergeStory(rename.story, into: rename.into) }
    }

    /// Files a recorded claim's figures, as the pipeline does when it records the claim: a
    /// claim that repeats another adds no figure (its figures are that claim's), one that
    /// updates another replaces that claim's figures in their topics. Returns a comparison
    /// event for each figure that joined a topic already holding figures.
    ///
    /// The figures are compared within their article's story, for the day it speaks for, by
    /// source (`StoryIndex.ledgerFigures`).
    mutating func file(_ claim: ClaimExtracted, stories: StoryIndex) -> [FigureCompared] {
        guard claim.repeats == nil else { return [] }
        return stories.ledgerFigures(of: claim).compactMap { figure in
            add(figure, superseding: claim.updates).map { FigureCompared($0, figure: figure, article: claim.article) }
        }
    }
}
