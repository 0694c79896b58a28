/// What a claim this host recorded turned out to be once a late verdict (the cluster mode)
/// judged its article against another host's earlier original: the claim's record stays,
/// and from the late verdict on it is read as a single host would have recorded it had the
/// other host's original been known when the article arrived.
public struct ClaimRecast: Codable, Sendable, Equatable {
    /// The claim this host recorded (its own id, `<article>-<n>`).
    public var claim: String
    /// The recorded claim it reports again: a report, never a source, its figures that
    /// claim's.
    public var repeats: String?
    /// The earlier version's claim whose figures it changes: history, not conflict.
    public var updates: String?
    /// True when the article is a copy that carries `repeats` word for word: the claim is
    /// then no claim of its own, only the copy's report of `repeats` (as a copy's `reports`).
    public var carried: Bool?

    public init(claim: String, repeats: String? = nil, updates: String? = nil, carried: Bool? = nil) {
        self.claim = claim
        self.repeats = repeats
        self.updates = updates
        self.carried = carried
    }
}

/// A late verdict that an article this host recorded as an original while the shared
/// database was away (the cluster mode) is a later version of another host's earlier
/// original: near it or trimmed from it, but saying something it does not (a changed
/// figure, a new quote, a new claimant, new paragraphs). The article stays an article of
/// its own; from here on it is in `story`, and its claims are read as `recast` says (those
/// the original holds are reports of it, the changed ones update it), as if its
/// `article.ingested` had named `updates`. Its records are never rewritten.
public struct ArticleReconciled: EventPayload, Equatable {
    public static let eventType = "article.reconciled"

    public var article: String
    /// The other host's earlier original this article is a later version of.
    public var updates: String
    /// The two texts' Jaccard, and the share of this article's body inside the original.
    public var similarity: Double
    public var containment: Double
    /// The story the article is in from here on: its original's.
    public var story: String?
    /// Its claims that are reports or updates of the original's (the others stay as recorded).
    public var recast: [ClaimRecast]

    public init(article: String, updates: String, similarity: Double, containment: Double, story: String?, recast: [ClaimRecast]) {
        self.article = article
        self.updates = updates
        self.similarity = similarity
        self.containment = containment
        self.story = story
        self.recast = recast
    }
}
