import EventLog
import Ledger
import Store

/// One pass over the log that brings back what the pipeline keeps in memory: the registry
/// of processed files, the articles and claims of the copy memory, and the figures ledger.
/// Used when the pipeline starts, after the log refused a write (the memory and the ledger
/// had taken in articles the log never recorded), and by `claimwatch reindex`.
struct LogReplay {
    var registry = ProcessedRegistry()
    var ledger = Ledger()
    /// The articles the record holds, in log order, for the copy memory's index.
    var articles: [RememberedArticle] = []
    /// Each claim's key with the claim it reports (its own id, or the one it repeats).
    var claims: [(key: ClaimKey, claim: String)] = []
    /// Records about files (ingested, copies, rejections).
    var files = 0

    static func read(log: String) throws(IngestError) -> LogReplay {
        var replay = LogReplay()
        do {
            let cursor = try LogCursor(directory: log)
            while let item = try cursor.next() {
                guard case let .record(record) = item else { continue }
                try replay.apply(record)
            }
        } catch {
            throw .log(error)
        }
        return replay
    }

    private mutating func apply(_ record: LogRecord) throws(EventLogError) {
        switch record.type {
        case ClaimExtracted.eventType:
            let claim = try record.decode(ClaimExtracted.self)
            claims.append((claim.key, claim.repeats ?? claim.claim))
            // The ledger files the figures again in log order: the same topics as live.
            _ = ledger.file(claim)
        case ArticleIngested.eventType, ArticleDuplicate.eventType, FileRejected.eventType:
            let event = try record.event()
            registry.record(event)
            if case let .articleIngested(ingested) = event {
                articles.append(RememberedArticle(id: ingested.article, content: ingested.content))
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
    mutating func file(_ claim: ClaimExtracted) -> [FigureCompared] {
        guard claim.repeats == nil else { return [] }
        return claim.ledgerFigures.compactMap { figure in
            add(figure, superseding: claim.updates).map { FigureCompared($0, figure: figure, article: claim.article) }
        }
    }
}
