import EventLog
import Fingerprint
import Logging

/// An original this host's log holds from a run in the cluster mode. Which of them were
/// recorded while the shared database was away is not written anywhere: at start, once the
/// database answers, those it holds no reservation of (and no late verdict judged) are
/// pending again, so a restart before the reconciliation loses none of them.
struct RecordedOriginal {
    var article: String
    var content: String
    var path: String
    var bytes: Int
    var file: FileIdentity?
    var story: String?
    /// The time its record carries (RFC 3339): what a late verdict compares.
    var recorded: String

    init(_ ingested: ArticleIngested, recorded: String) {
        article = ingested.article
        content = ingested.content
        path = ingested.path
        bytes = ingested.bytes
        file = ingested.file
        story = ingested.story
        self.recorded = recorded
    }
}

extension IngestPipeline {
    /// Puts the originals the log recorded unreserved back into the pending list, once the
    /// database says which it holds; does nothing while it cannot answer (the next pass asks
    /// again) or once done.
    func derivePending() {
        guard let originals = sharing.originals, let recorded = sharing.underived,
              let reserved = originals.reservedOriginals() else { return }
        sharing.underived = nil
        var found = 0
        for original in recorded where !reserved.contains(original.article) && !sharing.late.judged.contains(original.article)
            && !sharing.pendingIDs.contains(original.article) {
            guard let text = texts.text(for: original.content) else { continue }
            let request = ReservationRequest(article: original.article, content: original.content, text: text,
                                             bands: fingerprinter.fingerprint(text: text).reservationBands, recorded: original.recorded)
            sharing.pendingIDs.insert(original.article)
            sharing.pending.append(PendingOriginal(request: request, path: original.path, bytes: original.bytes, file: original.file,
                                                   story: original.story))
            found += 1
        }
        if found > 0 {
            logger.notice("originals the log recorded while the shared database was away are reconciled again",
                          metadata: ["originals": "\(found)"])
        }
    }
}
