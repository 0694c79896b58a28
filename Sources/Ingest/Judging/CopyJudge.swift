import ArticleText
import Claims
import EventLog
import Fingerprint

/// Decides what a new article is to the record: a copy (it adds nothing), or an article
/// whose claims are each new, a report of a recorded claim, or an update of one.
///
/// The memory's index nominates candidates from estimates; each is confirmed on the exact
/// shingle sets of the two texts, the candidate's made again from its stored text
/// (`CopyRelation`). Only a confirmed relation counts: the same text is an exact copy; a
/// text near a recorded one or lying inside it, in order, is a version of it, and a copy if
/// it adds nothing to it (`ClaimMatcher`); a text that holds a recorded one and more is its
/// fuller version. A candidate whose text is gone from the store cannot be confirmed: it
/// still makes a near copy on its estimate, as before verdicts were confirmed, and nothing
/// else.
struct CopyJudge {
    /// An earlier article the new one was compared with, and how they overlap.
    struct Related {
        var relation: CopyRelation
        var article: RememberedArticle
    }

    enum Judgement {
        /// A copy of `original`, carrying the recorded claims `reports` (nil: every claim the
        /// original carries, for an exact copy or one judged without its original's text),
        /// and its claims that say the same in other words, each with its role.
        case copy(of: RememberedArticle, kind: ArticleDuplicate.Kind, similarity: Double, containment: Double, reports: [String]?,
                  restated: [(Claim, ClaimMatcher.Role)])
        /// An article in its own right: its claims, the role of each, the version it updates
        /// (if it is one) and the shorter articles it is the fuller version of.
        case article(claims: [Claim], roles: [ClaimMatcher.Role], updates: Related?, contains: [Related])
    }

    let fingerprinter: Fingerprinter
    let extractor: ClaimExtractor
    let texts: ArticleStore

    func judge(_ article: Article, id: String, fingerprint: ArticleFingerprint, memory: any CopyMemory) -> Judgement {
        let candidates = memory.candidates(for: fingerprint)
        var stored: [UInt32: String] = [:]
        let (relations, unconfirmed) = fingerprinter.confirm(article.text, body: Self.body(of: article), candidates: candidates) { ordinal in
            guard let text = memory.article(at: ordinal).flatMap({ texts.text(for: $0.content) }) else { return nil }
            stored[ordinal] = text
            return text
        }
        let related = relations.compactMap { relation in memory.article(at: relation.ordinal).map { Related(relation: relation, article: $0) } }
        if let exact = related.first(where: { $0.relation.kind == .exact }) {
            return .copy(of: exact.article, kind: .exact, similarity: 1, containment: 1, reports: nil, restated: [])
        }
        let versions = related.filter(\.relation.isVersion)
        if versions.isEmpty, let (estimated, similarity) = nearOnEstimate(unconfirmed, memory: memory) {
            return .copy(of: estimated, kind: .near, similarity: similarity, containment: similarity, reports: nil, restated: [])
        }
        let claims = extractor.extract(from: article)
        // Each version's claims and text, read once from the stored text.
        let readings = related.compactMap { earlier -> Reading? in
            guard earlier.relation.isVersion || earlier.relation.kind == .fuller,
                  let text = stored[earlier.relation.ordinal] else { return nil }
            let known = extractor.extract(text: text).map { ClaimMatcher.Known($0, id: memory.claim(for: ClaimMatcher.key($0))) }
            return Reading(ordinal: earlier.relation.ordinal, known: known,
                           text: ClaimMatcher.VersionText(text, fingerprinter: fingerprinter))
        }
        for version in versions {
            if let copy = copy(of: version, article: article, id: id, claims: claims, readings: readings, stored: stored,
                               memory: memory) { return copy }
        }
        let matcher = ClaimMatcher(versions: readings.flatMap(\.known), texts: readings.map(\.text), fingerprinter: fingerprinter,
                                   article: article)
        let roles = ClaimMatcher.restatingOwnClaims(claims, roles: matcher.roles(of: claims, article: id) { memory.claim(for: $0) },
                                                    article: id)
        return .article(claims: claims, roles: roles, updates: versions.first,
                        contains: related.filter { $0.relation.kind == .fuller })
    }

    /// The copy of `version` the new article is, if it adds nothing to it: not a claim that
    /// article does not hold, even one recorded from a third article (an article made of two
    /// others copies neither), and no new prose. The article's own shorter versions, which
    /// lie inside it, hold nothing it lacks: their claims count as its own.
    private func copy(of version: Related, article: Article, id: String, claims: [Claim], readings: [Reading],
                      stored: [UInt32: String], memory: any CopyMemory) -> Judgement? {
        guard let text = stored[version.relation.ordinal] else { return nil }
        let inside = readings.filter { other in
            other.ordinal == version.relation.ordinal || stored[other.ordinal].map { shorter in
                CopyRelation.judge(fingerprinter.overlap(of: shorter, with: text), ordinal: other.ordinal,
                                   parameters: fingerprinter.parameters).isVersion
            } ?? false
        }
        guard inside.contains(where: { $0.ordinal == version.relation.ordinal }) else { return nil }
        let matcher = ClaimMatcher(versions: inside.flatMap(\.known), texts: inside.map(\.text), fingerprinter: fingerprinter,
                                   article: article)
        // New prose is new material even where no claim is read in it.
        guard matcher.unheldWords(in: Self.bodySentences(of: article)) < Self.newProse else { return nil }
        let roles = matcher.roles(of: claims, article: id) { memory.claim(for: $0) }
        let held = Set(inside.flatMap(\.known).compactMap(\.id))
        let addsNothing = zip(claims, roles).allSatisfy { claim, role in
            if role.adds(nothingTo: held) { return true }
            // A report recorded first elsewhere (or by another copy) of what the version holds too.
            return matcher.role(of: claim).adds(nothingTo: held) || (role.reported != nil && matcher.holds(claim))
        }
        guard addsNothing else { return nil }
        // Claims it shares word for word are reports the copy lists; the others (reworded, cut,
        // or new words that add nothing) are recorded as the copy's own reports.
        var reports: [String] = []
        for case let .same(claim) in roles where !reports.contains(claim) { reports.append(claim) }
        let restated = zip(claims, roles).filter { if case .same = $0.1 { false } else { true } }.map { ($0.0, $0.1) }
        let kind: ArticleDuplicate.Kind = version.relation.kind == .trimmed ? .contained : .near
        return .copy(of: version.article, kind: kind, similarity: version.relation.overlap.jaccard,
                     containment: version.relation.overlap.newInOld, reports: reports, restated: restated)
    }

    /// An earlier article's claims and text, as a version of the new one.
    private struct Reading {
        var ordinal: UInt32
        var known: [ClaimMatcher.Known]
        var text: ClaimMatcher.VersionText
    }

    /// The most words of new prose (sentences of eight words or more that no version holds)
    /// a copy may carry: a stray line, not a paragraph.
    static let newProse = 20

    /// The article's text without the lines at its top and bottom that read as titles (no
    /// closing stop): its headline and whatever site lines survived furniture removal. Lines
    /// like that in the middle (a list, a heading) stay: they are the article's own.
    static func body(of article: Article) -> String {
        bodySentences(of: article).map(\.text).joined(separator: "\n\n")
    }

    static func bodySentences(of article: Article) -> ArraySlice<TextSpan> {
        var sentences = ArraySlice(article.sentences)
        while let first = sentences.first, sentences.count > 1, !ClaimMatcher.endsWithStop(first.text) { sentences.removeFirst() }
        while let last = sentences.last, sentences.count > 1, !ClaimMatcher.endsWithStop(last.text) { sentences.removeLast() }
        if let first = article.sentences.first, sentences.first == first, sentences.count > 1 { sentences.removeFirst() }
        return sentences
    }

    /// A candidate near enough on its estimate alone, when its text cannot be read.
    private func nearOnEstimate(_ unconfirmed: [CopyCandidate], memory: any CopyMemory) -> (RememberedArticle, Double)? {
        let threshold = fingerprinter.parameters.nearThreshold
        guard let best = unconfirmed.filter({ $0.similarity >= threshold }).max(by: { $0.similarity < $1.similarity }),
              let article = memory.article(at: best.ordinal) else { return nil }
        return (article, best.similarity)
    }
}
