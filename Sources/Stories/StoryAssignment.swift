/// Where an article went: the story it belongs to, and the stories it showed to be that
/// same story (merged into it, oldest first). A story is named after its first article,
/// and a merge keeps the name of the oldest of the stories it joins.
public struct StoryAssignment: Sendable, Hashable {
    public var article: String
    public var story: String
    public var merged: [String]

    public init(article: String, story: String, merged: [String] = []) {
        self.article = article
        self.story = story
        self.merged = merged
    }
}
