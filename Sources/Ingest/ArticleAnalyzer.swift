import ArticleText
import Claims
import EventLog
import Fingerprint

/// Turns the bytes of one accepted file into what the log records about it: a new
/// article with its claims (each new, a report of a recorded claim, or an update of one),
/// or a copy of one already seen (`CopyJudge`). Keeps the copy memory up to date: an
/// article and its claims go into it as they are read, before their events are durable,
/// so the next file is judged against them too (a refused write rebuilds the memory from
/// the log).
struct ArticleAnalyzer {
    enum Result {
        /// A new article, with what it adds.
        case article(ArticleReading)
        /// A copy, with its claims that restate recorded ones in other words.
        case duplicate(CopyReading)
        case rejected(Rejection)
    }

    /// The events of a copy, and its text (stored, for `claimwatch show --copy` and its own claims).
    struct CopyReading {
        var duplicate: ArticleDuplicate
        var claims: [ClaimExtracted]
        var text: String
    }

    /// The events of a new article, and its text for the store.
    struct ArticleReading {
        var ingested: ArticleIngested
        var article: Article
        var claims: [ClaimExtracted]
        /// The shorter articles it is the fuller version of.
        var contained: [ArticleContained]
    }

    private let extractor: ArticleExtractor
    private let fingerprinter: Fingerprinter
    private let judge: CopyJudge
    let memory: any CopyMemory
    /// Called before an article is recorded as an original (the cluster mode): true when it
    /// taught the memory other hosts' originals, and the article must be judged again.
    var reservation: ((_ article: String, _ content: String, _ text: String, _ fingerprint: ArticleFingerprint) -> Bool)?

    init(memory: any CopyMemory, fingerprinter: Fingerprinter, texts: ArticleStore, maximumBytes: Int) {
        var configuration = ArticleExtractor.Configuration()
        configuration.maximumBytes = maximumBytes
        extractor = ArticleExtractor(configuration: configuration)
        self.fingerprinter = fingerprinter
        self.memory = memory
        judge = CopyJudge(fingerprinter: fingerprinter, extractor: ClaimExtractor(), texts: texts)
    }

    func analyze(bytes: [UInt8], fileName: String, path: String, identity: FileIdentity) -> Result {
        let article: Article
        do {
            article = try extractor.extract(bytes: bytes, fileName: fileName)
        } catch {
            return .rejected(Self.rejection(for: error))
        }
        guard !article.text.isEmpty else {
            return .rejected(Rejection(.notText, "no article text found after removing page furniture"))
        }
        let fingerprint = fingerprinter.fingerprint(article)
        let contentID = fingerprint.contentID
        let id = Self.articleID(contentID: contentID)
        var judgement = judge.judge(article, id: id, fingerprint: fingerprint, memory: memory)
        if let reservation {
            // Each round learns originals the memory lacked; a few rounds settle any race.
            var rounds = 0
            while Self.isOriginal(judgement), rounds < Self.reservationRounds, reservation(id, contentID, article.text, fingerprint) {
                judgement = judge.judge(article, id: id, fingerprint: fingerprint, memory: memory)
                rounds += 1
            }
        }
        switch judgement {
        case let .copy(original, kind, similarity, containment, reports, restated):
            let copyID = Self.copyID(contentID: contentID, path: path, identity: identity)
            let duplicate = ArticleDuplicate(
                article: copyID, path: path, of: original.id, kind: kind, similarity: Self.rounded(similarity),
                containment: Self.rounded(containment), content: contentID, bytes: bytes.count, file: identity, reports: reports)
            return .duplicate(CopyReading(duplicate: duplicate, claims: record(restated, article: copyID), text: article.text))
        case let .article(found, roles, updates, contains):
            do {
                try memory.remember(RememberedArticle(id: id, content: contentID), fingerprint: fingerprint)
            } catch {
                return .rejected(Rejection(.malformed, "cannot index the article: \(error)"))
            }
            var ingested = ArticleIngested(
                article: id, path: path, content: contentID, format: article.format.rawValue, title: article.title,
                outlet: article.outlet, url: article.url, published: article.published, byline: article.byline,
                modified: article.modified, authors: article.authors.isEmpty ? nil : article.authors, language: article.language,
                bytes: bytes.count, words: article.wordCount, file: identity)
            ingested.updates = updates?.article.id
            let claims = record(Array(zip(found, roles)), article: id)
            let contained = contains.map { shorter in
                ArticleContained(article: shorter.article.id, within: id, containment: Self.rounded(shorter.relation.overlap.oldInNew),
                                 similarity: Self.rounded(shorter.relation.overlap.jaccard))
            }
            return .article(ArticleReading(ingested: ingested, article: article, claims: claims, contained: contained))
        }
    }

    /// A new article that is no version of a recorded one: what a reservation is for.
    private static func isOriginal(_ judgement: CopyJudge.Judgement) -> Bool {
        if case .article(_, _, nil, _) = judgement { return true }
        return false
    }

    static let reservationRounds = 8

    /// The events of an article's claims, numbered in order, each naming the claim it repeats
    /// or updates; the memory learns each one's key.
    private func record(_ claims: [(Claim, ClaimMatcher.Role)], article: String) -> [ClaimExtracted] {
        claims.enumerated().map { index, element in
            let (claim, role) = element
            var event = ClaimExtracted(claim, number: index + 1, article: article)
            event.repeats = role.reported
            if case let .updates(earlier) = role { event.updates = earlier }
            memory.remember(ClaimMatcher.key(claim), claim: event.repeats ?? event.claim)
            return event
        }
    }

    /// An original's id is the start of its content id: the same text, the same id.
    static func articleID(contentID: String) -> String {
        String(contentID.prefix(16))
    }

    /// A copy gets an id of its own, from its text and the drop it came in.
    static func copyID(contentID: String, path: String, identity: FileIdentity) -> String {
        let seed = "\(contentID)\n\(path)\n\(identity.device):\(identity.inode):\(identity.size):\(identity.mtime)"
        return SHA256.hash(Array(seed.utf8)).prefix(8).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
        }.joined()
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }

    private static func rejection(for error: ArticleTextError) -> Rejection {
        Rejection(.notText, error.description)
    }
}

extension ClaimExtracted {
    /// The event for one claim; its id is the article's id and the claim's place in it.
    init(_ claim: Claim, number: Int, article: String) {
        self.init(
            claim: "\(article)-\(number)", article: article, text: claim.text, content: claim.content,
            span: Span(start: claim.start, end: claim.end),
            claimant: claim.claimant.map { Claimant(name: $0.name, canonical: $0.canonical, kind: $0.kind.rawValue) },
            cue: claim.cue, stance: claim.stance.rawValue, hedges: claim.hedges, quote: claim.quote,
            figures: claim.figures.map {
                Figure(text: $0.text, low: $0.low, high: $0.high, bound: FigureBound($0.bound), unit: $0.unit, counted: $0.counted,
                       per: $0.per, of: $0.of,
                       previous: $0.previous.map { Figure.Previous(text: $0.text, low: $0.low, high: $0.high, bound: FigureBound($0.bound)) },
                       change: $0.change?.rawValue)
            })
    }
}
