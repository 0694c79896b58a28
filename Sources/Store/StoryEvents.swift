public import EventLog

/// Which of the log's events are about one story (`claimwatch tail --story`): those of its
/// articles and their copies (taken in, copied, their claims and figures compared), and the
/// merges that joined another story to it. The story's members are read from the store
/// once; a copy the log records later, of one of them, joins them as it is met.
public struct StoryEvents: Sendable {
    public let story: String
    private var stories: Set<String>
    private var articles: Set<String>

    init(story: String, stories: Set<String>, articles: Set<String>) {
        self.story = story
        self.stories = stories
        self.articles = articles
    }

    /// Whether the record is about the story; records that cannot be read are not.
    public mutating func includes(_ record: LogRecord) -> Bool {
        switch record.type {
        case ArticleIngested.eventType:
            guard let article = try? record.decode(ArticleIngested.self) else { return false }
            return articles.contains(article.article) || article.story.map(stories.contains) == true
        case ArticleDuplicate.eventType:
            guard let copy = try? record.decode(ArticleDuplicate.self), articles.contains(copy.of) else { return false }
            articles.insert(copy.article)
            return true
        case ClaimExtracted.eventType:
            return (try? record.decode(ClaimExtracted.self)).map { articles.contains($0.article) } ?? false
        case FigureCompared.eventType:
            guard let compared = try? record.decode(FigureCompared.self) else { return false }
            return articles.contains(compared.article) || compared.story.map(stories.contains) == true
        case StoryMerged.eventType:
            guard let merged = try? record.decode(StoryMerged.self) else { return false }
            return stories.contains(merged.into) || stories.contains(merged.story)
        default:
            return false
        }
    }
}

extension ClaimStore {
    /// The events filter of a story (its id as `lookup(story:)` resolved it).
    public func events(ofStory story: String) throws(StoreError) -> StoryEvents {
        let stories = try database.prepare("SELECT id FROM stories WHERE id = ?1 OR merged_into = ?1")
            .rows([.text(story)]) { $0.text(0) ?? "" }
        let members = try database.prepare("""
            SELECT id FROM articles WHERE story = ?1
            UNION ALL SELECT c.id FROM copies c JOIN articles a ON a.id = c.original WHERE a.story = ?1
            """).rows([.text(story)]) { $0.text(0) ?? "" }
        return StoryEvents(story: story, stories: Set(stories + [story]), articles: Set(members))
    }

    /// The story an article (or a copy, by its original) belongs to, with that story's title;
    /// nil for an article recorded before stories.
    public func story(ofArticle article: String) throws(StoreError) -> (id: String, title: String?)? {
        try database.prepare("""
            SELECT s.id, s.title FROM articles a JOIN stories s ON s.id = a.story
            WHERE a.id = ?1 OR a.id = (SELECT original FROM copies WHERE id = ?1) LIMIT 1
            """).rows([.text(article)]) { (id: $0.text(0) ?? "", title: $0.text(1)) }.first
    }
}
