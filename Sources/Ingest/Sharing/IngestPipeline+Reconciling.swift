public import EventLog
import Fingerprint
import Ledger
import Logging

/// After an outage of the shared database: the originals this host recorded meanwhile on
/// its own judgement are reserved again, and each that another host holds an earlier
/// original of is declared its copy by a late `article.duplicate` (`reconciled: true`).
/// The log is never rewritten: the article's `article.ingested` stays, and the new record
/// says what it turned out to be.
extension IngestPipeline {
    /// How long an original reserved after an outage stays open to an earlier one: other
    /// hosts catching up from the same outage reserve theirs within it. A host's first pass
    /// over a minute's unreserved originals took up to a minute in the outage run (2,200 of
    /// them on a loaded machine), and a 30 s window let two of ~390 pairs through.
    static let settleWindow: Duration = .seconds(120)

    /// How long a reservation may be lost to a crash of the database server after it was
    /// made: its commit is not waited for on disk, and the server flushes its log at least
    /// every 0.6 s (three times `wal_writer_delay`'s default) — with room to spare. Past it,
    /// each is checked once (`confirmRecent`): a crash inside it may have taken it, and
    /// nothing else would notice on a host that reserves nothing afterwards.
    static let recentWindow: Duration = .seconds(3)

    /// Notes an article recorded without a reservation, with what its late verdict needs.
    func notePending(_ ingested: ArticleIngested) {
        if let request = sharing.lastReserved ?? sharing.lastUnreserved, request.article == ingested.article {
            sharing.ownOriginals[request.article] = OwnOriginal(ingested, recorded: request.recorded)
        }
        if let request = sharing.lastReserved, request.article == ingested.article {
            sharing.lastReserved = nil
            sharing.recent.append((PendingOriginal(request: request, path: ingested.path, bytes: ingested.bytes, file: ingested.file,
                                                   story: ingested.story), ContinuousClock.now))
        }
        guard let request = sharing.lastUnreserved, request.article == ingested.article else { return }
        sharing.lastUnreserved = nil
        sharing.pendingIDs.insert(request.article)
        sharing.pending.append(PendingOriginal(request: request, path: ingested.path, bytes: ingested.bytes, file: ingested.file,
                                               story: ingested.story))
    }

    /// Whether a pass over the pending originals is due (at most one a second).
    public var reconciliationDue: Bool {
        let recentAged = sharing.recent.first.map { ContinuousClock.now - $0.at > Self.recentWindow } ?? false
        let contestsDue = sharing.lastContestCheck.map { ContinuousClock.now - $0 >= Self.contestInterval } ?? true
        guard sharing.originals != nil, !sharing.pending.isEmpty || sharing.underived != nil || recentAged || contestsDue else {
            return false
        }
        return sharing.lastReconciliation.map { ContinuousClock.now - $0 >= .seconds(1) } ?? true
    }

    /// How many pending originals one round trip asks about: thousands after a minute's
    /// outage, which one at a time took a minute to pass over.
    static let reconciliationBatch = 250

    /// How many of them one transaction reserves (each holds about 24 locks until it commits).
    static let reservationBatch = 25

    /// One pass: for each pending original, an earlier original of another host that it
    /// copies makes it that one's copy (the late verdicts, queued in the log and returned);
    /// otherwise it is reserved. A batch at a time; stops at once while the database is
    /// still away. Throws when the log does not take the late verdicts: their originals are
    /// then pending again (as they are when it refuses them later, `settleLateVerdicts`).
    @discardableResult
    public func reconcile() throws(IngestError) -> [any EventPayload] {
        // Late verdicts the log refused made story merges the memory holds: judged again on
        // the memory the log gives, they make them again.
        if memoryAhead { try rebuildMemory(after: .refusedRecords) }
        derivePending()
        guard let originals = sharing.originals else { return [] }
        confirmRecent(with: originals)
        let began = ContinuousClock.now
        let since = sharing.lastReconciliation.map { began - $0 }
        sharing.lastReconciliation = .now
        let before = sharing.pending.count
        defer {
            logger.debug("reconciliation pass", metadata: [
                "pending": "\(before)", "left": "\(sharing.pending.count)", "took": "\(ContinuousClock.now - began)",
                "since-last": "\(since.map { "\($0)" } ?? "none")"])
        }
        var events: [any EventPayload] = []
        var judged: [PendingOriginal] = []
        judgeContested(with: originals, events: &events, judged: &judged)
        // An original whose records are still staged waits for the next pass: its late verdict
        // is queued in the log at once, and must come after them (it came before them when a
        // pass fell between a file's staging and its batch's commit).
        let staged = batches.stagedOriginals
        var kept = staged.isEmpty ? [] : sharing.pending.filter { staged.contains($0.request.article) }
        var pending = (staged.isEmpty ? sharing.pending : sharing.pending.filter { !staged.contains($0.request.article) })[...]
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.reconciliationBatch))
            guard let earlier = originals.earlierOriginals(than: batch.map(\.request)), earlier.count == batch.count else {
                kept.append(contentsOf: pending)
                break
            }
            pending = pending.dropFirst(batch.count)
            kept.append(contentsOf: reconcile(batch, earlier: earlier, with: originals, events: &events, judged: &judged))
        }
        // Kept until the window is over and the stream applied past it, so another host's
        // earlier record of the same text has been seen whenever it came.
        if let settleBy = sharing.settleBy, ContinuousClock.now >= settleBy, let atHead = sharing.lastAtHead, atHead >= settleBy {
            if let last = kept.last(where: \.reserved) { sharing.heldWitness = last.request.article }
            kept.removeAll { $0.reserved }
            sharing.settleBy = nil
        }
        sharing.pending = kept
        sharing.pendingIDs = Set(kept.map(\.request.article))
        sharing.recordedElsewhere = sharing.recordedElsewhere.filter { id, _ in sharing.pendingIDs.contains(id) }
        guard !events.isEmpty else {
            markReservationsHeld()
            return events
        }
        logger.notice("originals recorded while the shared database was away turned out to be copies of other hosts' earlier ones",
                      metadata: ["late-verdicts": "\(events.filter { $0 is ArticleDuplicate }.count)"])
        do {
            if let receipt = try writer.enqueueWithReceipt(events) { sharing.unrecorded.append((receipt, judged)) }
        } catch {
            unjudge(judged, error: error)
            throw .log(error)
        }
        return events
    }

    /// Settles this host's late verdicts whose fate in the log is known (with `waiting`,
    /// once everything queued is durable): those it refused (a failed write, rolled back)
    /// are forgotten and their originals judged again on a later pass. Returns why it
    /// refused them, if it did.
    func settleLateVerdicts(waiting: Bool) -> EventLogError? {
        guard !sharing.unrecorded.isEmpty else { return nil }
        var failure: EventLogError?
        if waiting {
            do {
                try writer.flush()
            } catch {
                failure = error
            }
        }
        var waitingOnes: [(receipt: EventLogWriter.Receipt, originals: [PendingOriginal])] = []
        for entry in sharing.unrecorded {
            switch writer.fate(of: entry.receipt) {
            case .pending:
                waitingOnes.append(entry)
            case .durable:
                continue
            case let .refused(error):
                failure = failure ?? error
                unjudge(entry.originals, error: error)
            }
        }
        sharing.unrecorded = waitingOnes
        return failure
    }

    /// Late verdicts the log did not take: as a refused file is taken again, their originals
    /// are pending again (reserved anew, their reservations withdrawn, and judged again),
    /// and the memory, which made their story merges and reads claims through them, is
    /// rebuilt from the log before the next file. A restart finds them the same way: no
    /// reservation and no late verdict in the log.
    private func unjudge(_ originals: [PendingOriginal], error: EventLogError) {
        for var original in originals {
            sharing.late.forget(original.request.article)
            original.reserved = false
            if sharing.pendingIDs.insert(original.request.article).inserted { sharing.pending.append(original) }
        }
        sharing.reconciled -= originals.count
        memoryAhead = true
        logger.error("the log did not take late verdicts; their originals are judged again on a later pass",
                     metadata: ["originals": "\(originals.count)", "error": "\(error)"])
    }

    /// One batch of a pass, with each original's earlier originals of other hosts: those
    /// that copy one are withdrawn (their late verdicts added to `events`), the others are
    /// reserved if they are not yet, and returned to stay pending.
    func reconcile(_ batch: [PendingOriginal], earlier: [[ForeignOriginal]], with originals: any OriginalReservations,
                   events: inout [any EventPayload], judged: inout [PendingOriginal]) -> [PendingOriginal] {
        var staying: [PendingOriginal] = []
        var unreserved: [Int] = []
        var withdrawn: [String] = []
        for (original, earlier) in zip(batch, earlier) {
            // Another host's record of the same text (the same id), earlier, may have come
            // through the stream before that host reserved it again.
            if let record = sharing.recordedElsewhere[original.request.article],
               (record.time, record.host) < (original.request.recorded, originals.host),
               let late = lateVerdict(original, earlier: [ForeignOriginal(article: original.request.article,
                                                                         content: original.request.content, host: record.host,
                                                                         text: "", recorded: record.time)]) {
                events.append(contentsOf: late)
                withdrawn.append(original.request.article)
                judged.append(original)
                continue
            }
            if let late = lateVerdict(original, earlier: earlier) {
                events.append(contentsOf: late)
                withdrawn.append(original.request.article)
                judged.append(original)
                continue
            }
            if !original.reserved { unreserved.append(staying.count) }
            staying.append(original)
        }
        sharing.reconciled += withdrawn.count
        for article in withdrawn { sharing.ownOriginals[article] = nil }
        if !withdrawn.isEmpty {
            _ = originals.withdraw(withdrawn)
            // A reservation made live in the last seconds and judged late on a mark: its check
            // after the flush window would find it gone and judge it again.
            let gone = Set(withdrawn)
            sharing.recent.removeAll { gone.contains($0.original.request.article) }
        }
        guard !unreserved.isEmpty else { return staying }
        // The earlier originals just judged are passed over: they hold none of these. So are
        // the later ones this host knows (its own id among them, when another host recorded
        // the same text later): the reservation marks those as later than it (`contesting`),
        // and their holders judge them against it (`judgeContested`), whichever host reserved
        // first. Without the mark, a later original reserved normally while this one waited
        // was never looked at again, and the story kept two.
        let known = sharing.known.union(earlier.joined().map(\.article))
        // Fewer to a transaction than to a look-up: a reservation locks its telling keys
        // until it commits, and other hosts' reservations wait for them meanwhile.
        var outcomes: [ReservationOutcome] = []
        for start in stride(from: 0, to: unreserved.count, by: Self.reservationBatch) {
            let places = unreserved[start..<min(start + Self.reservationBatch, unreserved.count)]
            outcomes += originals.reserve(places.map { staying[$0].request }, known: known, contesting: true)
        }
        for (place, outcome) in zip(unreserved, outcomes) {
            switch outcome {
            case .reserved:
                staying[place].reserved = true
                if sharing.settleBy == nil { sharing.settleBy = .now + Self.settleWindow }
            case let .earlier(foreign):
                // Originals it had not seen: compared on the next pass.
                for other in foreign { learnForeign(other) }
            case .unavailable:
                break
            }
        }
        return staying
    }

    /// The reservations older than `recentWindow`, checked once: the server has flushed
    /// them by now, so one it no longer holds was lost with a crash inside the window, and
    /// the original is pending again (reserved anew, or given up to an earlier one that
    /// another host reserved meanwhile). Pending too while the database cannot answer.
    private func confirmRecent(with originals: any OriginalReservations) {
        let now = ContinuousClock.now
        let aged = sharing.recent.prefix { now - $0.at > Self.recentWindow }
        guard !aged.isEmpty else { return }
        sharing.recent.removeFirst(aged.count)
        let held = originals.reservedOriginals(among: aged.map(\.original.request.article))
        var lost = 0
        if let last = aged.last(where: { held?.contains($0.original.request.article) == true }) {
            sharing.heldWitness = last.original.request.article
        }
        for entry in aged where held?.contains(entry.original.request.article) != true {
            guard sharing.pendingIDs.insert(entry.original.request.article).inserted else { continue }
            sharing.pending.append(entry.original)
            lost += 1
        }
        if held != nil, lost > 0 {
            logger.warning("reservations the shared database lost (a crash before it flushed them) are made again",
                           metadata: ["lost": "\(lost)"])
        }
    }
}
