import EventLog
import Logging

/// An original this host's log holds from a run in the cluster mode. Which of them were
/// recorded while the shared database was away is not written anywhere: at start, once the
/// database answers, those it holds no reservation of (and no late verdict judged) are
/// pending again, so a restart before the reconciliation loses none of them.
struct RecordedOriginal {
    var article: String
    var original: OwnOriginal
    /// Its record's seq in this host's log.
    var seq: UInt64

    init(_ ingested: ArticleIngested, recorded: String, seq: UInt64) {
        article = ingested.article
        original = OwnOriginal(ingested, recorded: recorded)
        self.seq = seq
    }
}

extension IngestPipeline {
    /// Puts the originals the log recorded unreserved back into the pending list, once the
    /// database says which it holds; does nothing while it cannot answer (the next pass asks
    /// again) or once done. Only those recorded after the mark of what is known held
    /// (`ReservationsHeld`) are asked about, with the mark's witness.
    func derivePending() {
        guard let originals = sharing.originals, let recorded = sharing.underived else { return }
        let open = recorded.filter { !sharing.late.judged.contains($0.article) && !sharing.pendingIDs.contains($0.article) }
        let mark = ReservationsHeld.load(from: configuration.layout.reservationsHeld)
        var asked = open.filter { $0.seq > mark?.seq ?? 0 }
        let held: Set<String>
        if let mark, asked.count < open.count {
            guard let answer = originals.reservedOriginals(among: asked.map(\.article) + [mark.witness]) else { return }
            if answer.contains(mark.witness) {
                held = answer
                sharing.heldWitness = mark.witness
            } else {
                logger.notice("the shared database does not hold the reservation this host last saw it hold (recreated, or another database): every original the log recorded is asked about",
                              metadata: ["witness": "\(mark.witness)"])
                asked = open
                guard let all = originals.reservedOriginals(among: open.map(\.article)) else { return }
                held = all
            }
        } else {
            guard let all = asked.isEmpty ? [] : originals.reservedOriginals(among: asked.map(\.article)) else { return }
            held = all
        }
        sharing.underived = nil
        var found = 0
        for recorded in asked where !held.contains(recorded.article) {
            guard let pending = pendingOriginal(recorded.article, recorded.original) else { continue }
            sharing.pendingIDs.insert(recorded.article)
            sharing.pending.append(pending)
            found += 1
        }
        if let last = asked.last(where: { held.contains($0.article) }) { sharing.heldWitness = last.article }
        sharing.askedAtStart = asked.count
        logger.debug("originals the log recorded in the cluster mode, asked about", metadata: [
            "asked": "\(asked.count)", "known-held-through-seq": "\(mark.map { "\($0.seq)" } ?? "none")"])
        if found > 0 {
            logger.notice("originals the log recorded while the shared database was away are reconciled again",
                          metadata: ["originals": "\(found)"])
        }
    }

    /// Moves the mark of what is known held up to the log's durable end when nothing is
    /// pending, waiting to be checked, or on its way to the log: every original recorded
    /// so far is then reserved (and checked after the flush window) or judged late.
    func markReservationsHeld() {
        guard sharing.pending.isEmpty, sharing.recent.isEmpty, sharing.underived == nil, sharing.unrecorded.isEmpty,
              !hasPendingWork, let witness = sharing.heldWitness else { return }
        let seq = writer.durableSeq
        guard seq > sharing.heldThrough ?? 0 else { return }
        do {
            try ReservationsHeld(seq: seq, witness: witness).save(to: configuration.layout.reservationsHeld)
            sharing.heldThrough = seq
        } catch {
            logger.warning("cannot note which originals are known reserved; the next start asks about every one",
                           metadata: ["error": "\(error)"])
        }
    }
}
