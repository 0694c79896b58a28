import Claims
import EventLog
import Fingerprint
import Ledger
import Logging

/// The cluster mode's part of the pipeline: other hosts' records applied to what it
/// remembers, exactly as its own log's are on replay, and each new original reserved in
/// the shared database before it is recorded (`OriginalReservations`).
extension IngestPipeline {
    /// Applies other hosts' records, in the shared stream's order, to the copy memory, the
    /// stories and the ledger, so the next file is judged against every host's record. The
    /// log never receives them: it records this host's verdicts only. Call it between files,
    /// on the pipeline's thread.
    /// `atHead`: they reach the stream's head (every record published so far is applied).
    public func applyShared(_ records: [SharedRecord], atHead: Bool = false) {
        defer {
            if atHead {
                if sharing.lastAtHead == nil { returnFreedMemory() }
                sharing.lastAtHead = .now
                // Once per change: a start that replayed its cache of the other hosts' records
                // reaches the head with an empty fetch, and that is when its catch-up ends.
                let applied = sharing.applied
                if applied != sharing.appliedAtLastHead {
                    sharing.appliedAtLastHead = applied
                    logger.debug("other hosts' records applied up to the stream's head", metadata: [
                        "articles": "\(applied.articles)", "copies": "\(applied.copies)", "claims": "\(applied.claims)"])
                }
            }
        }
        for shared in records {
            // Handed over again (the stream went back under the follower, and it reads it
            // from the start): each host's records come in its seq order, so what is not past
            // the last one applied is applied already.
            if let last = sharing.lastSeq[shared.host], shared.record.seq <= last { continue }
            sharing.lastSeq[shared.host] = shared.record.seq
            do {
                // Applied again whenever the memory is rebuilt from the log: read back from the
                // archive that keeps it, or else kept here (without its text, which the article
                // store holds).
                if try apply(shared), !(shared.kept && sharing.archive != nil) {
                    sharing.records.append(SharedRecord(host: shared.host, record: shared.record, text: nil))
                }
            } catch {
                logger.warning("cannot apply another host's record; it is left out of this host's judgements",
                               metadata: ["host": "\(shared.host)", "seq": "\(shared.record.seq)", "error": "\(error)"])
            }
        }
    }

    /// Other hosts' records are read back from `archive` (the follower's cache of them)
    /// whenever the memory is rebuilt, rather than kept in memory: those it hands over
    /// marked `kept` are not held here. Set before the first record.
    public func keepSharedRecords(in archive: any SharedRecordArchive) {
        sharing.archive = archive
    }

    /// The memory rebuilt from the log holds none of the other hosts' records: applies those
    /// applied so far again, in their order, as at start after the log; returns how many.
    ///
    /// Those the archive keeps come first, then those held here (kept only once the archive
    /// failed, or never given one). Each host's are applied up to the last seq applied
    /// before: the archive holds a record before it is handed over, so it may hold some not
    /// applied yet, which come in their turn. A record that is in neither (an archive made
    /// anew while it is read again from the stream) is applied when it comes again: the
    /// seqs applied are what the rebuild applied.
    func reapplyShared() -> Int {
        // Originals learned from reservations before their records came.
        for article in sharing.foreign { learn(article, text: nil) }
        var reached: [String: UInt64] = [:]
        var count = 0
        func applyAgain(_ shared: SharedRecord) {
            guard let last = sharing.lastSeq[shared.host], shared.record.seq <= last,
                  reached[shared.host].map({ shared.record.seq > $0 }) ?? true else { return }
            reached[shared.host] = shared.record.seq
            count += 1
            do {
                _ = try apply(shared, again: true)
            } catch {
                logger.warning("cannot apply another host's record again", metadata: [
                    "host": "\(shared.host)", "seq": "\(shared.record.seq)", "error": "\(error)"])
            }
        }
        if let archive = sharing.archive, let stopped = archive.replay({ batch in batch.forEach(applyAgain) }) {
            logger.error("cannot read all of the other hosts' records back; those after are missing from the copy memory, the stories and the ledger until a restart",
                         metadata: ["reason": "\(stopped)"])
        }
        sharing.records.forEach(applyAgain)
        sharing.lastSeq = reached
        return count
    }

    /// Applies one record of another host; false for a type the memory does not keep.
    /// `again`: a rebuild applies it once more (it is counted once).
    private func apply(_ shared: SharedRecord, again: Bool = false) throws -> Bool {
        let record = shared.record
        switch record.type {
        case ArticleIngested.eventType:
            let ingested = try record.decode(ArticleIngested.self)
            if sharing.pendingIDs.contains(ingested.article) {
                sharing.recordedElsewhere[ingested.article] = (shared.host, record.time)
            }
            if let text = shared.text { try texts.store(text, contentID: ingested.content) }
            let text = shared.text ?? texts.text(for: ingested.content)
            if let text { learn(RememberedArticle(id: ingested.article, content: ingested.content), text: text) }
            ledger.merge(stories.restore(ingested.article, story: ingested.story, title: ingested.title,
                                         text: ingested.story == nil ? nil : text, published: ingested.published,
                                         outlet: ingested.outlet, recorded: record.time, host: shared.host))
            if !again { sharing.applied.articles += 1 }
        case ArticleDuplicate.eventType:
            let copy = try record.decode(ArticleDuplicate.self)
            if let text = shared.text, let content = copy.content { try texts.store(text, contentID: content) }
            ledger.merge(stories.restore(copy.article, story: copy.story, title: nil, text: copy.story == nil ? nil : shared.text,
                                         published: nil, outlet: nil, recorded: record.time, host: shared.host))
            // Another host's late verdict: the memory is built again, reading its records through it.
            if sharing.late.note(copy) { sharing.stale = true }
            if !again { sharing.applied.copies += 1 }
        case ArticleReconciled.eventType:
            if sharing.late.note(try record.decode(ArticleReconciled.self)) { sharing.stale = true }
        case ClaimExtracted.eventType:
            let claim = sharing.late.read(try record.decode(ClaimExtracted.self))
            memory.remember(claim.key, claim: claim.repeats ?? claim.claim)
            _ = ledger.file(claim, stories: stories)
            if !again { sharing.applied.claims += 1 }
        case StoryMerged.eventType:
            let merged = try record.decode(StoryMerged.self)
            ledger.merge(stories.restore(merged))
        default:
            return false
        }
        return true
    }

    /// Puts an article of another host into the copy memory, once: its record may arrive
    /// after its reservation taught it here. An article its host's late verdict made a copy
    /// is no candidate original. `text`: nil to read it from the article store.
    /// `fromReservation`: learned before its record came, so a rebuild puts it back itself
    /// (one learned from its record comes back with the record).
    private func learn(_ article: RememberedArticle, text: String?, fromReservation: Bool = false) {
        guard !sharing.late.copies.contains(article.id), sharing.known.insert(article.id).inserted,
              let text = text ?? texts.text(for: article.content) else { return }
        do {
            try memory.learn(article, fingerprint: fingerprinter.fingerprint(text: text))
            if fromReservation { sharing.foreign.append(article) }
        } catch {
            logger.warning("cannot index another host's article", metadata: ["article": "\(article.id)", "error": "\(error)"])
        }
    }

    /// The articles this host knows that a reservation of `fingerprint` would meet in the
    /// shared database (they share two band keys with it), told to it up front: without
    /// them, a reservation meeting only originals this host knows took a second round trip
    /// to pass over them, which in a burst was the case for two originals in five.
    func knownNeighbours(of fingerprint: ArticleFingerprint) -> [String] {
        Array(memory.neighbours(of: fingerprint, keysHeldByAtMost: Self.neighbourKeyLimit).prefix(Self.neighbourLimit))
    }

    /// Keys more articles hold are stock phrases: the database's look-up passes over keys
    /// that 32 originals hold, and this host's count of a key may run higher than the
    /// database's (its versions of articles are indexed, never reserved).
    static let neighbourKeyLimit = 64

    /// The most neighbours a reservation carries; one that meets more asks again as before.
    static let neighbourLimit = 256

    /// The analyzer's hook before an article is recorded as an original: true when other
    /// hosts' originals were learned and the file must be judged again.
    func reserveOriginal(_ request: ReservationRequest) -> Bool {
        guard let originals = sharing.originals else { return false }
        switch originals.reserve(request, known: sharing.known) {
        case .reserved:
            sharing.reserved += 1
            sharing.lastReserved = request
            if sharing.unavailableSince != nil {
                sharing.unavailableSince = nil
                logger.notice("the shared database reserves originals again")
            }
            return false
        case let .unavailable(reason):
            sharing.unreserved += 1
            // The database does not wait for a reservation's flush: the last moment's may be
            // gone with a server that crashed. Those are checked again like this one.
            for recent in sharing.recent where sharing.pendingIDs.insert(recent.original.request.article).inserted {
                sharing.pending.append(recent.original)
            }
            sharing.recent = []
            sharing.lastUnreserved = request
            if sharing.unavailableSince == nil {
                sharing.unavailableSince = .now
                logger.warning("cannot reserve originals in the shared database; new articles are judged against this host's record alone",
                               metadata: ["error": "\(reason)"])
            }
            return false
        case let .earlier(foreign):
            for original in foreign { learnForeign(original) }
            sharing.learnedFromReservations += foreign.count
            return !foreign.isEmpty
        }
    }

    /// An original another host reserved but whose records have not reached this host: its
    /// claims are known by the ids its host gives them (the article's id and their place),
    /// and it stands for a story of its own until its record says which.
    func learnForeign(_ original: ForeignOriginal) {
        guard !sharing.known.contains(original.article) else { return }
        do {
            try texts.store(original.text, contentID: original.content)
        } catch {
            logger.warning("cannot store another host's article text", metadata: ["article": "\(original.article)", "error": "\(error)"])
        }
        learn(RememberedArticle(id: original.article, content: original.content), text: original.text, fromReservation: true)
        for (index, claim) in ClaimExtractor().extract(text: original.text).enumerated() {
            memory.remember(ClaimMatcher.key(claim), claim: "\(original.article)-\(index + 1)")
        }
        ledger.merge(stories.restore(original.article, story: original.article, title: nil, text: original.text, published: nil,
                                     outlet: nil, recorded: original.recorded, host: original.host))
    }

    /// At start, after the log is read: forgets this host's reservations the log does not
    /// hold (a crash came between the reservation and the record).
    public func releaseStaleReservations() {
        guard let originals = sharing.originals else { return }
        if let released = originals.releaseReservations(except: sharing.known), released > 0 {
            logger.notice("released reservations of originals the log never recorded", metadata: ["released": "\(released)"])
        }
    }

    /// What the cluster mode has done so far, for the journal; nil outside it.
    public var sharingSummary: SharingSummary? {
        guard sharing.originals != nil else { return nil }
        return SharingSummary(appliedArticles: sharing.applied.articles, appliedCopies: sharing.applied.copies,
                       appliedClaims: sharing.applied.claims, reserved: sharing.reserved,
                       learnedFromReservations: sharing.learnedFromReservations, unreserved: sharing.unreserved,
                       reconciled: sharing.reconciled)
    }
}

public struct SharingSummary: Sendable, Equatable {
    public var appliedArticles: Int
    public var appliedCopies: Int
    public var appliedClaims: Int
    public var reserved: Int
    public var learnedFromReservations: Int
    public var unreserved: Int
    public var reconciled: Int
}

/// An original this host recorded while the database could not reserve it.
struct PendingOriginal {
    var request: ReservationRequest
    var path: String
    var bytes: Int
    var file: FileIdentity?
    var story: String?
    /// Reserved since the database returned (it stays pending until `settleBy`).
    var reserved = false
}

/// The pipeline's cluster state: what it knows of every host's articles, and its reservations.
struct SharingState {
    var originals: (any OriginalReservations)?
    /// Every article the copy memory holds, this host's and the others'.
    var known: Set<String> = []
    /// Other hosts' articles learned into the copy memory from their reservations, put back
    /// by a rebuild from the log before the records (theirs may not have come).
    var foreign: [RememberedArticle] = []
    /// Where the other hosts' records applied so far are read back from for a rebuild
    /// (the follower's cache of them), when there is one.
    var archive: (any SharedRecordArchive)?
    /// Other hosts' records applied so far that the archive does not keep, in order and
    /// without their texts (the article store holds them), applied again after every
    /// rebuild from the log. Memory: about one record line per such article, claim and merge.
    var records: [SharedRecord] = []
    /// The seq of the last record applied, per other host.
    var lastSeq: [String: UInt64] = [:]
    /// The late verdicts known, this host's and the others': every record is read through them.
    var late = LateVerdicts()
    /// Set when a late verdict changed what records mean: the memory is built again from
    /// them before the next file.
    var stale = false
    /// This host's late verdicts queued in the log and not yet durable, with the originals
    /// they judged: pending again if the log refuses them.
    var unrecorded: [(receipt: EventLogWriter.Receipt, originals: [PendingOriginal])] = []
    var applied = (articles: 0, copies: 0, claims: 0)
    /// `applied` when the journal last said the stream's head was reached.
    var appliedAtLastHead = (articles: 0, copies: 0, claims: 0)
    var reserved = 0
    var learnedFromReservations = 0
    /// Originals recorded while the shared database could not reserve them.
    var unreserved = 0
    /// The last of them, until its file's events are staged (`pending` then takes it).
    var lastUnreserved: ReservationRequest?
    /// The last reservation made, until its file's events are staged (`recent` then takes it).
    var lastReserved: ReservationRequest?
    /// Originals reserved in the last `recentWindow`, whose reservations a server crash
    /// could still lose (their commit is not waited for on disk).
    var recent: [(original: PendingOriginal, at: ContinuousClock.Instant)] = []
    /// Originals recorded unreserved, to be reserved again once the database answers, and
    /// given up to an earlier original of another host if one holds it.
    var pending: [PendingOriginal] = []
    /// Pending originals stay pending until then after their first reservation, so that a
    /// host catching up later with an earlier original is still noticed.
    var settleBy: ContinuousClock.Instant?
    var lastReconciliation: ContinuousClock.Instant?
    var reconciled = 0
    /// Pending originals another host recorded too (the same text, so the same id), with
    /// when and where, as the stream told.
    var recordedElsewhere: [String: (host: String, time: String)] = [:]
    var pendingIDs: Set<String> = []
    /// The last original the database was seen to hold: the witness of `ReservationsHeld`.
    var heldWitness: String?
    /// The seq `ReservationsHeld` was last written with in this process.
    var heldThrough: UInt64?
    /// How many recorded originals the start asked the database about.
    var askedAtStart: Int?
    /// The originals this host's log holds from its runs in the cluster mode, until the
    /// database says which it holds no reservation of (`derivePending`).
    var underived: [RecordedOriginal]?
    /// This host's originals that were reserved or waited for a reservation, by id, as its
    /// log records them: what a late verdict on one another host marked later needs.
    var ownOriginals: [String: OwnOriginal] = [:]
    /// When this host last asked for the marks on its reservations (`judgeContested`).
    var lastContestCheck: ContinuousClock.Instant?
    /// When the other hosts' records were last applied up to the stream's head.
    var lastAtHead: ContinuousClock.Instant?
    var unavailableSince: ContinuousClock.Instant?
}

extension ArticleFingerprint {
    /// The band keys a reservation locks and posts, each with its band's number in the high
    /// 32 bits (the same key in two bands is two keys); a text without shingles has one key
    /// from its content digest instead, as the index posts it.
    var reservationBands: [Int64] {
        guard !bandKeys.isEmpty else {
            let prefix = contentDigest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return [Int64(0xFFFF) << 32 | Int64(prefix)]
        }
        return bandKeys.enumerated().map { Int64($0.offset) << 32 | Int64($0.element) }
    }
}
