/// Two stories turned out to be one: an article arrived that is the same story as articles
/// of both. Written with that article's events, right after its `article.ingested` (or
/// `article.duplicate`), one event per story that joins. The log is never rewritten: the
/// articles recorded under `story` keep their records, and from this event on they belong
/// to `into`, as their figures' topics do (a rebuild replays the merge at the same place).
public struct StoryMerged: EventPayload, Equatable {
    public static let eventType = "story.merged"

    /// The story that joins another, named after its first article; it ends here.
    public var story: String
    /// The story it joins: the older of the two, whose name the merged story keeps.
    public var into: String
    /// The article that showed them one story.
    public var article: String

    public init(story: String, into: String, article: String) {
        self.story = story
        self.into = into
        self.article = article
    }
}
