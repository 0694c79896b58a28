/// What the same-story test knows of one article: its keywords (the content words it uses
/// most, weighted, as a unit vector), the names it mentions (people, places, bodies), and
/// the day it speaks for. Values only: made from the article's title, text and dates, so the
/// same article has the same features in every process, whatever came before it.
public struct StoryFeatures: Sendable, Hashable {
    /// Hashes of the keywords, ascending, with `weights` beside them (unit length overall).
    public var keywords: [UInt64]
    public var weights: [Float]
    /// Hashes of the names' distinctive words (a one-word name, a longer name's last word),
    /// ascending, without repeats.
    public var names: [UInt64]
    public var date: StoryDate?

    public init(keywords: [UInt64], weights: [Float], names: [UInt64], date: StoryDate?) {
        self.keywords = keywords
        self.weights = weights
        self.names = names
        self.date = date
    }

    /// How many keywords an article keeps: enough to say what it is about, few enough that
    /// thousands of articles cost little to keep and compare.
    public static let keywordCount = 30

    /// How many words of an article are read: its headline and lead say what it is about and
    /// whom it names, and a cap keeps the cost per article bounded whatever its length.
    public static let wordLimit = 250

    /// Reads the features of an article. `published` is its own date when known (ISO 8601),
    /// `recorded` the log's time for it (RFC 3339). A `StoryReader` kept across articles
    /// reads them with less allocation.
    public init(title: String?, text: String, published: String?, recorded: String) {
        var reader = StoryReader()
        self = reader.features(title: title, text: text, published: published, recorded: recorded)
    }
}
