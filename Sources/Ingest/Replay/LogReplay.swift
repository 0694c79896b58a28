import EventLog
import Ledger
import Store

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

    /// Reads the log. `texts` are the stored article texts, from which the stories' features
    /// are read again (without them, the articles keep their stories but new ones cannot join).
    static func read(log: String, texts: ArticleStore? = nil) throws(IngestError) -> LogReplay {
        var replay = LogReplay()
        do {
            let cursor = try LogCursor(directory: log)
            while let item = try cursor.next() {
                guard case let .record(record) = item else { continue }
                try replay.apply(record, texts: texts)
            }
        } catch {
            throw .log(error)
        }
        return replay
    }

    private mutating func apply(_ record: LogRecord, texts: ArticleStore?) throws(EventLogError) {
        switch record.type {
        case ClaimExtracted.eventType:
            let claim = try record.decode(ClaimExtracted.self)
            claims.append((claim.key, claim.repeats ?? claim.claim))
            // The ledger files the figures again in log order: the same topics as live.
            _ = ledger.file(claim, stories: stories)
        case StoryMerged.eventType:
            let merged = try record.decode(StoryMerged.self)
            for renamed in stories.restore(merged) { ledger.mergeStory(renamed.story, into: renamed.into) }
        case ArticleIngested.eventType, ArticleDuplicate.eventType, FileRejected.eventType:
            let event = try record.event()
            registry.record(event)
            switch event {
            case let .articleIngested(ingested):
                articles.append(RememberedArticle(id: ingested.article, content: ingested.content))
                stories.restore(ingested.article, story: ingested.story, title: ingested.title,
                                text: ingested.story == nil ? nil : texts?.text(for: ingested.content),
                                published: ingested.published, outlet: ingested.outlet, recorded: record.time)
            case let .articleDuplicate(copy):
                // A copy's own text is kept only when it has claims; an exact copy's is its original's.
                stories.restore(copy.article, story: copy.story, title: nil,
                                text: copy.story == nil ? nil : copy.content.flatMap { texts?.text(for: $0) },
                                published: nil, outlet: nil, recorded: record.time)
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
