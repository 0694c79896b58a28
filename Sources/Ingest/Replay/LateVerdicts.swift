import EventLog

/// What the late verdicts of the cluster mode say about articles already recorded: which
/// stood down as copies of another host's earlier original (they leave the copy index), and
/// how each of their claims reads from then on (`ClaimRecast`). Whoever rebuilds memory from
/// the records (`LogReplay`, the pipeline applying other hosts' records) reads every claim
/// through it, so the figures ledger, the claim memory and the copy index are what a single
/// host would have built had the earlier original been known when the article arrived.
struct LateVerdicts: Sendable, Equatable {
    /// Articles recorded as originals that a late verdict made copies of another article.
    private(set) var copies: Set<String> = []
    /// Each recast claim, by its own id.
    private(set) var recast: [String: ClaimRecast] = [:]
    /// Every article a late verdict judged (copies, versions, and texts that stood down for
    /// another host's record of them): none is pending again at start.
    private(set) var judged: Set<String> = []

    var isEmpty: Bool { copies.isEmpty && recast.isEmpty }

    /// Notes a late verdict; true when it says something not known yet.
    @discardableResult
    mutating func note(_ record: LogRecord) -> Bool {
        switch record.type {
        case ArticleDuplicate.eventType:
            guard let copy = try? record.decode(ArticleDuplicate.self), copy.reconciled == true else { return false }
            return note(copy)
        case ArticleReconciled.eventType:
            guard let version = try? record.decode(ArticleReconciled.self) else { return false }
            return note(version)
        default:
            return false
        }
    }

    @discardableResult
    mutating func note(_ copy: ArticleDuplicate) -> Bool {
        guard copy.reconciled == true else { return false }
        judged.insert(copy.article)
        // The same text under the same id stands down for the other host's record of it:
        // the article is still the one the index holds.
        let new = copy.of != copy.article && copies.insert(copy.article).inserted
        return note(copy.recast ?? []) || new
    }

    @discardableResult
    mutating func note(_ version: ArticleReconciled) -> Bool {
        judged.insert(version.article)
        return note(version.recast)
    }

    @discardableResult
    private mutating func note(_ claims: [ClaimRecast]) -> Bool {
        var new = false
        for claim in claims where recast[claim.claim] != claim {
            recast[claim.claim] = claim
            new = true
        }
        return new
    }

    /// Forgets the late verdict of `article` (the log refused it): its claims read as
    /// recorded again. Its recast claims are its own, so they name it.
    mutating func forget(_ article: String) {
        copies.remove(article)
        judged.remove(article)
        recast = recast.filter { EarlierOriginals.article(ofClaim: $0.key) != article }
    }

    mutating func formUnion(_ other: LateVerdicts) {
        copies.formUnion(other.copies)
        judged.formUnion(other.judged)
        recast.merge(other.recast) { _, newer in newer }
    }

    /// The claim as it reads after its late verdict: a report of the claim it repeats (no
    /// figures of its own), or an update of the earlier version's claim. A claim that repeats
    /// or updates a recast one (an article judged during the outage against the one the late
    /// verdict named) names what that one reports from then on.
    func read(_ claim: ClaimExtracted) -> ClaimExtracted {
        guard !recast.isEmpty else { return claim }
        var read = claim
        if let recast = recast[claim.claim] {
            if let repeats = recast.repeats { read.repeats = repeats }
            if let updates = recast.updates { read.updates = updates }
        }
        if let repeats = read.repeats, let reported = recast[repeats]?.repeats { read.repeats = reported }
        if let updates = read.updates, let reported = recast[updates]?.repeats { read.updates = reported }
        return read
    }
}
