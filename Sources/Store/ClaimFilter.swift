/// Which claims `claimwatch claims` lists. Every filter given must hold.
public struct ClaimFilter: Sendable {
    /// Matches a claimant's canonical name whole, or whole words of it ("Zelensky").
    public var claimant: String?
    /// An article id or a unique prefix of one; a copy's id stands for its original.
    public var article: String?
    /// Words that must all appear in the claim's sentence.
    public var contains: String?
    /// Recorded at or after this RFC 3339 time (a prefix such as `2026-11-12` works).
    public var since: String?
    /// At most this many, newest first.
    public var limit: Int?

    public init(claimant: String? = nil, article: String? = nil, contains: String? = nil, since: String? = nil,
                limit: Int? = nil) {
        self.claimant = claimant
        self.article = article
        self.contains = contains
        self.since = since
        self.limit = limit
    }
}

/// One claim as the store lists it.
public struct ClaimRow: Sendable, Codable, Equatable {
    public var claim: String
    public var article: String
    public var seq: Int64
    public var time: String
    public var text: String
    public var content: String?
    public var claimant: String?
    public var canonical: String?
    public var kind: String?
    public var cue: String?
    public var stance: String
    public var hedges: String
    public var quote: Bool
    public var outlet: String?
    public var figures: [String]
    /// The earlier claim this one reports again, and the one whose figures it updates.
    public var repeats: String?
    public var updates: String?
    /// How many articles carry the claim (the one it repeats, for a repeat): the article
    /// that recorded it, those that repeat it, and their copies.
    public var reports: Int
}
