public import EventLog

/// Which claims a query keeps. Every filter given must hold.
public struct ClaimFilter: Sendable, Equatable {
    /// Matches a claimant's canonical name whole, or whole words of it ("Zelensky"),
    /// ignoring case and accents ("raul" finds "Raúl Medina").
    public var claimant: String?
    /// An article id or a unique prefix of one; a copy's id stands for its original.
    public var article: String?
    /// Words that must all appear in the claim's sentence.
    public var contains: String?
    /// Whole words of the outlet's name, ignoring case and accents.
    public var outlet: String?
    /// `asserts` or `denies`.
    public var stance: String?
    /// Only direct quotes.
    public var quotesOnly = false
    /// Recorded at or after this time, in the log's format (a prefix such as `2026-11-12`
    /// works): with `published`, the article's published date instead.
    public var since: String?
    /// Recorded before this time (same format and rules as `since`).
    public var until: String?
    /// `since` and `until` are about the article's published date, not the recorded time.
    public var published = false
    /// At most this many, newest first.
    public var limit: Int?
    /// Only claims of articles (and copies) in this story, by its id.
    public var story: String?

    public init(claimant: String? = nil, article: String? = nil, contains: String? = nil, outlet: String? = nil,
                stance: String? = nil, quotesOnly: Bool = false, since: String? = nil, until: String? = nil,
                published: Bool = false, limit: Int? = nil, story: String? = nil) {
        self.story = story
        self.claimant = claimant
        self.article = article
        self.contains = contains
        self.outlet = outlet
        self.stance = stance
        self.quotesOnly = quotesOnly
        self.since = since
        self.until = until
        self.published = published
        self.limit = limit
    }

    /// Whether anything but the limit is set (the claimants view then counts claims anew).
    var narrows: Bool {
        claimant != nil || article != nil || contains != nil || outlet != nil || stance != nil || quotesOnly || since != nil
            || until != nil || story != nil
    }
}

/// One claim as the store lists it: what the table shows, and where the claim's record
/// lies in the log, for answers that print the record itself.
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
    /// The article's published date as it was found, and its file's path.
    public var published: String?
    public var path: String?
    /// The segment (its first seq) and byte offset of the claim's record.
    public var segment: UInt64
    public var offset: Int64

    /// The earlier claim this one reports again, and the one whose figures it updates.
    public var repeats: String? = nil
    public var updates: String? = nil
    /// How many articles carry the claim (the one it repeats, for a repeat): the article
    /// that recorded it, those that repeat it, and their copies.
    public var reports: Int = 1

    public var location: RecordLocation { RecordLocation(segment: segment, offset: offset) }
}

/// Which topics and figures `claimwatch figures` shows.
public struct FigureFilter: Sendable, Equatable {
    /// Words the topic's key or label must hold (ignoring case and accents).
    public var about: String?
    /// Only figures this claimant gives (matched as `ClaimFilter.claimant`).
    public var claimant: String?
    /// Only figures from articles of this outlet.
    public var outlet: String?
    /// Figures recorded (or, with `published`, published) in this time, as in `ClaimFilter`.
    public var since: String?
    public var until: String?
    public var published = false
    /// At most this many topics.
    public var limit: Int?
    /// Only the topics of this story, by its id.
    public var story: String?

    public init(about: String? = nil, claimant: String? = nil, outlet: String? = nil, since: String? = nil,
                until: String? = nil, published: Bool = false, limit: Int? = nil, story: String? = nil) {
        self.story = story
        self.about = about
        self.claimant = claimant
        self.outlet = outlet
        self.since = since
        self.until = until
        self.published = published
        self.limit = limit
    }
}
