import EventLog
import Ledger

/// Keeps the store's stories in step with the log: `stories` (each named after its first
/// article, with that article's title, and the story it merged into, if it did), each
/// article's `story`, and the topics, which are scoped by story. A `story.merged` moves
/// the merged story's articles to the story it joined and re-keys its topics as the live
/// ledger does (`Ledger.mergeStory`): a topic that counts what one of the other story's
/// topics counts joins it, figures, phrases and contexts together.
final class StoryWriter {
    private let database: Database
    private let insertStory: Statement
    private let moveArticles: Statement
    private let markMerged: Statement
    private let storyTopics: Statement
    private let topicExists: Statement
    private let renameTopic: Statement
    private let foldTopic: Statement
    private let dropTopic: Statement
    private let moveFigures: Statement
    private let movePhrases: Statement
    private let dropPhrases: Statement
    private let moveContexts: Statement
    private let dropContexts: Statement
    private let copyStory: Statement

    init(database: Database) throws(StoreError) {
        self.database = database
        insertStory = try database.prepare("INSERT OR IGNORE INTO stories(id, title, seq) VALUES(?, ?, ?)")
        moveArticles = try database.prepare("UPDATE articles SET story = ?2 WHERE story = ?1")
        markMerged = try database.prepare("UPDATE stories SET merged_into = ?2 WHERE id = ?1 OR merged_into = ?1")
        storyTopics = try database.prepare("SELECT id, key FROM topics WHERE story = ? ORDER BY id")
        topicExists = try database.prepare("SELECT 1 FROM topics WHERE id = ?")
        renameTopic = try database.prepare("UPDATE topics SET id = ?2, story = ?3 WHERE id = ?1")
        foldTopic = try database.prepare("""
            UPDATE topics SET figures = topics.figures + old.figures, max_lo = max(topics.max_lo, old.max_lo),
                min_hi = min(topics.min_hi, old.min_hi), last_seq = max(topics.last_seq, old.last_seq), conflicts = NULL
            FROM (SELECT figures, max_lo, min_hi, last_seq FROM topics WHERE id = ?1) AS old WHERE topics.id = ?2
            """)
        dropTopic = try database.prepare("DELETE FROM topics WHERE id = ?")
        moveFigures = try database.prepare("UPDATE figures SET topic = ?2 WHERE topic = ?1")
        movePhrases = try database.prepare("""
            INSERT INTO topic_phrases(topic, phrase, n) SELECT ?2, phrase, n FROM topic_phrases WHERE topic = ?1
            ON CONFLICT(topic, phrase) DO UPDATE SET n = topic_phrases.n + excluded.n
            """)
        dropPhrases = try database.prepare("DELETE FROM topic_phrases WHERE topic = ?")
        moveContexts = try database.prepare("""
            INSERT INTO topic_contexts(topic, context, n) SELECT ?2, context, n FROM topic_contexts WHERE topic = ?1
            ON CONFLICT(topic, context) DO UPDATE SET n = topic_contexts.n + excluded.n
            """)
        dropContexts = try database.prepare("DELETE FROM topic_contexts WHERE topic = ?")
        copyStory = try database.prepare(
            "SELECT articles.story FROM copies JOIN articles ON articles.id = copies.original WHERE copies.id = ?")
    }

    /// An article was recorded in `story`: the first article of a story names it and gives
    /// it its title.
    func record(article: String, story: String, title: String?, seq: Int64) throws(StoreError) {
        guard story == article else { return }
        try insertStory.run([.text(story), .text(title), .integer(seq)])
    }

    /// The story of a copy, which is its original's (claims a copy restates are its own).
    func story(ofCopy copy: String) throws(StoreError) -> String? {
        try copyStory.rows([.text(copy)]) { $0.text(0) }.first ?? nil
    }

    /// Applies a merge. Returns the topics whose labels may have changed.
    func merge(_ merged: StoryMerged) throws(StoreError) -> [String] {
        guard merged.story != merged.into else { return [] }
        try moveArticles.run([.text(merged.story), .text(merged.into)])
        try markMerged.run([.text(merged.story), .text(merged.into)])
        let topics = try storyTopics.rows([.text(merged.story)]) { (id: $0.text(0) ?? "", key: $0.text(1) ?? "") }
        var touched: [String] = []
        for topic in topics {
            let target = TopicKey.topicID(story: merged.into, key: topic.key)
            if try topicExists.rows([.text(target)], { _ in true }).isEmpty {
                try renameTopic.run([.text(topic.id), .text(target), .text(merged.into)])
            } else {
                try foldTopic.run([.text(topic.id), .text(target)])
                try dropTopic.run([.text(topic.id)])
            }
            try moveFigures.run([.text(topic.id), .text(target)])
            try movePhrases.run([.text(topic.id), .text(target)])
            try dropPhrases.run([.text(topic.id)])
            try moveContexts.run([.text(topic.id), .text(target)])
            try dropContexts.run([.text(topic.id)])
            touched.append(target)
        }
        return touched
    }
}
