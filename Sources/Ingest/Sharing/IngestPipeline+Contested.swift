import EventLog
import Fingerprint
import Logging

/// The other half of the rule that a story's earliest recorded original stays its original,
/// whichever host reserved first: an original this host reserved normally may be later than
/// one another host recorded while the database was away and reserved only afterwards. That
/// host marks the reservation (`OriginalReservations.reserve(_:known:contesting:)`), and this
/// host judges it against the earlier originals as a pending one is judged: a late
/// `article.duplicate` or `article.reconciled` when it copies or updates one, nothing when
/// it is an article of its own. The earlier original never gives way to it, so no story is
/// left without an original, and no two hosts take turns giving way.
extension IngestPipeline {
    /// How often a host asks whether others marked its reservations: one indexed query,
    /// answered at once when there are none.
    static let contestInterval: Duration = .seconds(2)

    /// Judges this host's reservations that other hosts marked later than an original of
    /// theirs; their late verdicts are added to `events`. Pending ones are left to the pass
    /// (it judges them against earlier originals every time), and so are those whose records
    /// are still staged (a late verdict follows its original's record); their marks stay for
    /// the next check.
    func judgeContested(with originals: any OriginalReservations, events: inout [any EventPayload], judged: inout [PendingOriginal]) {
        let now = ContinuousClock.now
        if let last = sharing.lastContestCheck, now - last < Self.contestInterval { return }
        sharing.lastContestCheck = now
        guard let marked = originals.contestedOriginals(), !marked.isEmpty else { return }
        let staged = batches.stagedOriginals
        var judging: [PendingOriginal] = []
        var cleared: [String] = []
        for article in marked.sorted() where !sharing.pendingIDs.contains(article) && !staged.contains(article) {
            guard !sharing.late.judged.contains(article), let own = sharing.ownOriginals[article],
                  let text = texts.text(for: own.content) else {
                // Judged already, or not this host's record to judge (its log never held it).
                cleared.append(article)
                continue
            }
            let request = ReservationRequest(article: article, content: own.content, text: text,
                                             bands: fingerprinter.fingerprint(text: text).reservationBands, recorded: own.recorded)
            judging.append(PendingOriginal(request: request, path: own.path, bytes: own.bytes, file: own.file, story: own.story,
                                           reserved: true))
        }
        if !judging.isEmpty {
            // Asked again at the next check while the database cannot answer: the marks stay.
            guard let earlier = originals.earlierOriginals(than: judging.map(\.request)), earlier.count == judging.count else { return }
            let before = events.count
            _ = reconcile(judging, earlier: earlier, with: originals, events: &events, judged: &judged)
            cleared += judging.map(\.request.article)
            logger.notice("reservations another host found later than its own original were judged against it", metadata: [
                "judged": "\(judging.count)", "late-verdicts": "\(events[before...].filter { $0 is ArticleDuplicate || $0 is ArticleReconciled }.count)"])
        }
        if !cleared.isEmpty { _ = originals.clearContests(cleared) }
    }
}

/// What a late verdict on one of this host's originals needs of its record, kept for each
/// original it reserved or recorded unreserved (`SharingState.ownOriginals`).
struct OwnOriginal {
    var content: String
    var path: String
    var bytes: Int
    var file: FileIdentity?
    var story: String?
    /// The time its reservation and record carry (RFC 3339).
    var recorded: String

    init(_ ingested: ArticleIngested, recorded: String) {
        content = ingested.content
        path = ingested.path
        bytes = ingested.bytes
        file = ingested.file
        story = ingested.story
        self.recorded = recorded
    }

    init(_ original: RecordedOriginal) {
        content = original.content
        path = original.path
        bytes = original.bytes
        file = original.file
        story = original.story
        recorded = original.recorded
    }
}
