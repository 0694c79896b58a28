import EventLog
import Fingerprint

/// What a late verdict on one of this host's originals needs of its record, kept for each
/// original it reserved or recorded unreserved (`SharingState.ownOriginals`), and read back
/// from the log at start (`RecordedOriginal`).
struct OwnOriginal {
    var content: String
    var path: String
    var bytes: Int
    var file: FileIdentity?
    var story: String?
    /// The time its reservation and record carry (RFC 3339): what a late verdict compares.
    var recorded: String

    init(_ ingested: ArticleIngested, recorded: String) {
        content = ingested.content
        path = ingested.path
        bytes = ingested.bytes
        file = ingested.file
        story = ingested.story
        self.recorded = recorded
    }
}

extension IngestPipeline {
    /// `article`'s original as the reconciliation judges it, its reservation request made
    /// again from the stored text; nil when the article store lacks the text.
    func pendingOriginal(_ article: String, _ own: OwnOriginal, reserved: Bool = false) -> PendingOriginal? {
        guard let text = texts.text(for: own.content) else { return nil }
        let request = ReservationRequest(article: article, content: own.content, text: text,
                                         bands: fingerprinter.fingerprint(text: text).reservationBands, recorded: own.recorded)
        return PendingOriginal(request: request, path: own.path, bytes: own.bytes, file: own.file, story: own.story, reserved: reserved)
    }
}
