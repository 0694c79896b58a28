/// One story as `claimwatch stories` lists it: what it is called, how many articles and
/// outlets tell it, over which days, and what its figures ledger holds.
public struct StoryReport: Sendable, Codable, Equatable {
    /// The story's id: the id of its first article.
    public var story: String
    /// Its first article's title.
    public var title: String?
    public var articles: Int
    /// Near-copies of its articles.
    public var copies: Int
    /// The outlets that tell it, most articles first.
    public var outlets: [String]
    /// The first and last day its articles speak for (`YYYY-MM-DD`): a published date, else
    /// the day the log recorded the article; `firstDated` and `lastDated` say which.
    public var first: String
    public var firstDated: String
    public var last: String
    public var lastDated: String
    /// Topics of two figures or more, and how many of them hold a conflict.
    public var topics: Int
    public var conflicts: Int
    /// The stories that merged into it.
    public var merged: [String]
    /// The newest record of the story's articles.
    public var seq: Int64
}
