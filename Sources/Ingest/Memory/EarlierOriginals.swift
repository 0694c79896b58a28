import Claims
import Fingerprint

/// The copy memory a late verdict judges in (the cluster mode): other hosts' earlier
/// originals that a pending article may copy, and the claims the record holds. The pending
/// article is judged against them exactly as a single host would have judged it on arrival
/// (`CopyJudge`), so a version that changes a figure is a version, not a copy.
///
/// Claims: a key of an earlier original answers with the claim that recorded it first
/// across the hosts (as the pipeline's memory knows it from the stream, else the original's
/// own claim at its place in its text, as `learnForeign` knows it), never with a claim of
/// an article recorded while the database was away (`pending`: it recorded the key first
/// only because it could not know the original); any other key answers as the pipeline's
/// memory does.
final class EarlierOriginals: CopyMemory {
    private var index: NearCopyIndex
    private var originals: [RememberedArticle] = []
    private var claims: [ClaimKey: String] = [:]
    private let memory: any CopyMemory

    init(_ earlier: [ForeignOriginal], pending: Set<String>, fingerprinter: Fingerprinter, memory: any CopyMemory) throws(IngestError) {
        self.memory = memory
        do {
            index = try NearCopyIndex(parameters: fingerprinter.parameters)
        } catch {
            throw .configuration("fingerprint parameters: \(error)")
        }
        let extractor = ClaimExtractor()
        for original in earlier where !original.text.isEmpty {
            do {
                _ = try index.insert(fingerprinter.fingerprint(text: original.text))
            } catch {
                throw .configuration("cannot index another host's article: \(error)")
            }
            originals.append(RememberedArticle(id: original.article, content: original.content))
            for (place, claim) in extractor.extract(text: original.text).enumerated() {
                let key = ClaimMatcher.key(claim)
                guard claims[key] == nil else { continue }
                let recorded = memory.claim(for: key).flatMap { pending.contains(Self.article(ofClaim: $0)) ? nil : $0 }
                claims[key] = recorded ?? "\(original.article)-\(place + 1)"
            }
        }
    }

    /// The article a claim id (`<article>-<n>`) names.
    static func article(ofClaim claim: String) -> String {
        claim.lastIndex(of: "-").map { String(claim[..<$0]) } ?? claim
    }

    var articleCount: Int { originals.count }

    func candidates(for fingerprint: ArticleFingerprint) -> [CopyCandidate] { index.candidates(for: fingerprint) }

    func article(at ordinal: UInt32) -> RememberedArticle? {
        Int(ordinal) < originals.count ? originals[Int(ordinal)] : nil
    }

    func remember(_ article: RememberedArticle, fingerprint: ArticleFingerprint) throws(IngestError) {}

    func claim(for key: ClaimKey) -> String? { claims[key] ?? memory.claim(for: key) }

    func remember(_ key: ClaimKey, claim: String) {}

    func restore(_ articles: [RememberedArticle], claims: [(key: ClaimKey, claim: String)], rewrite: Bool) throws(IngestError) -> Int { 0 }
}
