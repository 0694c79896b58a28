import Fingerprint

/// What the pipeline remembers of the record to tell copies and repeated claims from new
/// material: the articles (for copy candidates, by fingerprint) and the claims (by
/// `ClaimKey`, which claim recorded each first). Everything in it is derived from the log
/// (`LogReplay` fills it), so it can live anywhere that answers these questions: in this
/// process (`LocalCopyMemory`) or, for several hosts, in a shared database.
///
/// The pipeline asks and records from its one thread; a check and the record that follows
/// it belong together, so an implementation shared between hosts answers both inside the
/// transaction that publishes the article.
protocol CopyMemory: AnyObject {
    /// How many articles it holds.
    var articleCount: Int { get }

    /// Earlier articles worth comparing exactly with a new one (see `NearCopyIndex`).
    func candidates(for fingerprint: ArticleFingerprint) -> [CopyCandidate]

    /// The article a candidate names.
    func article(at ordinal: UInt32) -> RememberedArticle?

    /// Adds an article the record now holds (not a copy: copies point at it).
    func remember(_ article: RememberedArticle, fingerprint: ArticleFingerprint) throws(IngestError)

    /// The claim that first recorded a key.
    func claim(for key: ClaimKey) -> String?

    /// Notes that `claim` records `key`, unless an earlier claim did.
    func remember(_ key: ClaimKey, claim: String)

    /// Starts again from what the log holds: its articles in log order and its claims' keys.
    /// Returns how many articles could not be fingerprinted (their texts are missing).
    func restore(_ articles: [RememberedArticle], claims: [(key: ClaimKey, claim: String)], rewrite: Bool) throws(IngestError) -> Int
}

/// An article as the memory knows it: its id and the content id its text is stored under.
struct RememberedArticle: Sendable, Equatable {
    var id: String
    var content: String
}
