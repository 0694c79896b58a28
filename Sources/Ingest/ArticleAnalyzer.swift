import ArticleText
import Claims
import EventLog
import Fingerprint

/// Turns the bytes of one accepted file into what the log records about it: a new
/// article, or a copy of one already seen. Keeps the near-copy index; originals only go
/// into it, since a copy points at its original.
struct ArticleAnalyzer {
    enum Result {
        /// A new story, with the claims found in it.
        case article(ArticleIngested, Article, [ClaimExtracted])
        case duplicate(ArticleDuplicate)
        case rejected(Rejection)
    }

    private let extractor: ArticleExtractor
    private let claimExtractor = ClaimExtractor()
    private let fingerprinter: Fingerprinter
    private var index: NearCopyIndex
    /// The article id of each index ordinal.
    private var originals: [String] = []
    private let store: ArticleStore
    private let fingerprintFile: FingerprintFile

    init(store: ArticleStore, indexFolder: String, maximumBytes: Int) throws(IngestError) {
        var configuration = ArticleExtractor.Configuration()
        configuration.maximumBytes = maximumBytes
        extractor = ArticleExtractor(configuration: configuration)
        do {
            fingerprinter = try Fingerprinter()
            index = try NearCopyIndex(parameters: fingerprinter.parameters)
        } catch {
            throw .configuration("fingerprint parameters: \(error)")
        }
        self.store = store
        fingerprintFile = FingerprintFile(folder: indexFolder, parameters: fingerprinter.parameters)
    }

    var indexedArticles: Int { index.count }

    mutating func analyze(bytes: [UInt8], fileName: String, path: String, identity: FileIdentity) -> Result {
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
        if let verdict = index.query(fingerprint), Int(verdict.original) < originals.count {
            let original = originals[Int(verdict.original)]
            let id = Self.copyID(contentID: contentID, path: path, identity: identity)
            let kind: ArticleDuplicate.Kind = switch verdict.kind {
            case .exact: .exact
            case .near: .near
            case .contained: .contained
            }
            return .duplicate(ArticleDuplicate(
                article: id, path: path, of: original, kind: kind, similarity: Self.rounded(verdict.similarity),
                containment: Self.rounded(verdict.containment), content: contentID, bytes: bytes.count, file: identity))
        }
        do {
            let ordinal = try index.insert(fingerprint)
            precondition(Int(ordinal) == originals.count, "index ordinals follow insertion order")
        } catch {
            return .rejected(Rejection(.malformed, "cannot index the article: \(error)"))
        }
        let id = Self.articleID(contentID: contentID)
        originals.append(id)
        // Losing this append only costs a re-fingerprint at the next start.
        try? fingerprintFile.append(id: id, fingerprint: fingerprint)
        let ingested = ArticleIngested(
            article: id, path: path, content: contentID, format: article.format.rawValue, title: article.title,
            outlet: article.outlet, url: article.url, published: article.published, byline: article.byline,
            bytes: bytes.count, words: article.wordCount, file: identity)
        let claims = claimExtractor.extract(from: article).enumerated().map { index, claim in
            ClaimExtracted(claim, number: index + 1, article: id)
        }
        return .article(ingested, article, claims)
    }

    /// Puts the originals the log records back into the index, in log order: from the
    /// fingerprint file where it has them, else from their stored texts (then the file is
    /// brought up to date). With `rewrite`, the file is made anew from the texts.
    /// Returns how many originals had no stored text.
    mutating func restore(_ articles: [(article: String, content: String)], rewrite: Bool = false) throws(IngestError) -> Int {
        let (saved, stale) = rewrite ? ([:], true) : fingerprintFile.load()
        var missing = 0
        var rebuilt: [(id: String, fingerprint: ArticleFingerprint)] = []
        var added: [(id: String, fingerprint: ArticleFingerprint)] = []
        index.reserveCapacity(articles.count)
        for ingested in articles {
            let fingerprint: ArticleFingerprint
            if let known = saved[ingested.article] {
                fingerprint = known
            } else if let text = store.text(for: ingested.content) {
                fingerprint = fingerprinter.fingerprint(text: text)
                added.append((ingested.article, fingerprint))
            } else {
                missing += 1
                continue
            }
            guard (try? index.insert(fingerprint)) != nil else { continue }
            originals.append(ingested.article)
            rebuilt.append((ingested.article, fingerprint))
        }
        if stale {
            try fingerprintFile.rewrite(rebuilt)
        } else {
            for entry in added { try fingerprintFile.append(id: entry.id, fingerprint: entry.fingerprint) }
        }
        return missing
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
                Figure(text: $0.text, low: $0.low, high: $0.high, bound: $0.bound.rawValue, unit: $0.unit, counted: $0.counted,
                       per: $0.per, of: $0.of,
                       previous: $0.previous.map { Figure.Previous(text: $0.text, low: $0.low, high: $0.high, bound: $0.bound.rawValue) },
                       change: $0.change?.rawValue)
            })
    }
}
