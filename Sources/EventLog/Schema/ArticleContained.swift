/// An article already in the record turned out to lie inside a fuller version that has just
/// arrived (a trimmed copy that came first, then the whole story). Written with the fuller
/// article's events: the earlier article keeps its record and its claims, and from now on
/// the fuller one stands for the story, with the shorter one under it.
public struct ArticleContained: EventPayload, Equatable {
    public static let eventType = "article.contained"

    /// The earlier, shorter article.
    public var article: String
    /// The fuller article it lies inside.
    public var within: String
    /// The share of the earlier article's shingles found in the fuller one, and their Jaccard.
    public var containment: Double
    public var similarity: Double

    public init(article: String, within: String, containment: Double, similarity: Double) {
        self.article = article
        self.within = within
        self.containment = containment
        self.similarity = similarity
    }
}
