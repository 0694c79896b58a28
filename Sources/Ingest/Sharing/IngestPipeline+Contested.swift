import EventLog
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
                  let original = pendingOriginal(article, own, reserved: true) else {
                // Judged already, or not this host's record to judge (its log never held it).
                cleared.append(article)
                continue
            }
            judging.append(original)
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
