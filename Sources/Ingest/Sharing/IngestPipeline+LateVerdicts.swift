import ArticleText
import Claims
import EventLog
import Fingerprint
import Ledger
import Logging
import Stories

/// What an original recorded while the shared database was away turns out to be once it
/// is judged against another host's earlier original: the single host's judgement
/// (`CopyJudge`, `ClaimMatcher`), made late. A copy (it adds nothing) gets a late
/// `article.duplicate`; a later version (it says something the original does not: a
/// changed figure, a new quote, new paragraphs) an `article.reconciled`; either names how
/// each of its recorded claims reads from then on (`ClaimRecast`). The memory is then built
/// again from the records, reading them through the late verdicts (`LateVerdicts`), so its
/// answers are what they would have been had the original been known when the article came.
extension IngestPipeline {
    /// The late verdict of `original` against the first of the earlier originals it is a
    /// copy or a version of, with the story it joins; nil when it is neither (it stays an
    /// original of its own).
    func lateVerdict(_ original: PendingOriginal, earlier: [ForeignOriginal]) -> [any EventPayload]? {
        let id = original.request.article
        // The same text has the same id on both hosts: the late verdict then names the article
        // as a copy of itself, which says that this host's record of it stands down for the
        // other host's, the earlier.
        if let same = earlier.first(where: { $0.content == original.request.content }) {
            learnForeign(same)
            let story = stories.story(of: same.article) ?? same.article
            return settle(original, events: [ArticleDuplicate(
                article: id, path: original.path, of: same.article, kind: .exact, similarity: 1, containment: 1,
                content: original.request.content, bytes: original.bytes, file: original.file, story: story, reconciled: true)],
                story: story)
        }
        let others = earlier.filter { !$0.text.isEmpty }
        guard !others.isEmpty, let text = texts.text(for: original.request.content),
              let article = try? ArticleExtractor().extract(bytes: Array(text.utf8), fileName: "reconciled.txt") else { return nil }
        // The judge reads the candidates' texts from the store, as it reads this host's.
        for other in others where !texts.contains(other.content) {
            do {
                try texts.store(other.text, contentID: other.content)
            } catch {
                logger.warning("cannot store another host's article text", metadata: ["article": "\(other.article)", "error": "\(error)"])
            }
        }
        let judged: CopyJudge.Judgement
        let claims: [Claim]
        let within: EarlierOriginals
        do {
            within = try EarlierOriginals(others, pending: sharing.pendingIDs, fingerprinter: fingerprinter, memory: memory)
            let judge = CopyJudge(fingerprinter: fingerprinter, extractor: ClaimExtractor(), texts: texts)
            judged = judge.judge(article, id: id, fingerprint: fingerprinter.fingerprint(text: text), memory: within)
            claims = ClaimExtractor().extract(from: article)
        } catch {
            logger.warning("cannot judge an original recorded while the shared database was away",
                           metadata: ["article": "\(id)", "error": "\(error)"])
            return nil
        }
        switch judged {
        case let .copy(of, kind, similarity, containment, reports, restated):
            guard let other = others.first(where: { $0.article == of.id }) else { return nil }
            learnForeign(other)
            let story = stories.story(of: other.article) ?? other.article
            // Claims it carries word for word are the copy's reports of them; those it says in
            // other words repeat them, as the copy's own claims would.
            let reworded = Dictionary(restated.map { (ClaimMatcher.key($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
            let recast = claims.compactMap { claim -> ClaimRecast? in
                guard let own = ownClaim(claim, of: id) else { return nil }
                let key = ClaimMatcher.key(claim)
                if let carried = within.claim(for: key), EarlierOriginals.article(ofClaim: carried) != id {
                    return ClaimRecast(claim: own, repeats: carried, carried: true)
                }
                return reworded[key]?.reported.map { ClaimRecast(claim: own, repeats: $0) }
            }
            return settle(original, events: [ArticleDuplicate(
                article: id, path: original.path, of: other.article, kind: kind, similarity: Self.rounded(similarity),
                containment: Self.rounded(containment), content: original.request.content, bytes: original.bytes, file: original.file,
                reports: reports, story: story, reconciled: true, recast: recast)], story: story)
        case let .article(found, roles, updates?, _):
            guard let other = others.first(where: { $0.article == updates.article.id }) else { return nil }
            learnForeign(other)
            let story = stories.story(of: other.article) ?? other.article
            let recast = zip(found, roles).compactMap { claim, role -> ClaimRecast? in
                guard let own = ownClaim(claim, of: id) else { return nil }
                switch role {
                case let .same(earlier), let .repeats(earlier): return ClaimRecast(claim: own, repeats: earlier)
                case let .updates(earlier): return ClaimRecast(claim: own, updates: earlier)
                case .new, .immaterial: return nil
                }
            }
            return settle(original, events: [ArticleReconciled(
                article: id, updates: other.article, similarity: Self.rounded(updates.relation.overlap.jaccard),
                containment: Self.rounded(updates.relation.overlap.newInOld), story: story, recast: recast)], story: story)
        case .article:
            return nil
        }
    }

    /// The id this host recorded `claim` under in its article `article`; nil when the claim
    /// was recorded as a report of another already.
    private func ownClaim(_ claim: Claim, of article: String) -> String? {
        memory.claim(for: ClaimMatcher.key(claim)).flatMap { EarlierOriginals.article(ofClaim: $0) == article ? $0 : nil }
    }

    /// The late verdict's events with the story merge it brings (the article's story, if it
    /// started one, is the earlier original's from now on); the memory is built again from
    /// the records before the next file, reading them through it.
    private func settle(_ original: PendingOriginal, events: [any EventPayload], story: String) -> [any EventPayload] {
        var events = events
        if let own = stories.story(of: original.request.article), own != story {
            // Recorded as the stories name it: the older (`StoryOrigin`) keeps its name, which
            // may be this host's own story when it holds an article older than the other's.
            for rename in stories.restore(StoryMerged(story: own, into: story, article: original.request.article)) {
                ledger.mergeStory(rename.story, into: rename.into)
                events.append(StoryMerged(story: rename.story, into: rename.into, article: original.request.article))
            }
        }
        for event in events {
            if let copy = event as? ArticleDuplicate {
                sharing.late.note(copy)
            } else if let version = event as? ArticleReconciled {
                sharing.late.note(version)
            }
        }
        sharing.stale = true
        return events
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
