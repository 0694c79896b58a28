import EventLog
import Foundation
import Ledger
import Testing
@testable import Store

/// Stories in the query store: articles carry their story, topics are scoped by it, a
/// merge re-keys the merged story's topics, and labels are the live ledger's.
@Suite struct StoryStoreTests {
    typealias F = StoreFixtures

    static func article(_ id: String, story: String, outlet: String) -> ArticleIngested {
        var article = F.article(id, outlet: outlet)
        article.story = story
        return article
    }

    static func killed(_ id: String, article: String, claimant: String, count: Double) -> ClaimExtracted {
        F.claim(id, article: article, claimant: claimant, text: "\(claimant) said \(Int(count)) people were killed in the flood.",
                figures: [F.dead("\(Int(count)) people", low: count)])
    }

    /// Two stories that count the dead, and a third article that is later found to join them.
    static let events: [any EventPayload] = [
        article("aaaa1111", story: "aaaa1111", outlet: "Wire"),
        killed("aaaa1111-1", article: "aaaa1111", claimant: "Rescue Service", count: 14),
        article("bbbb2222", story: "bbbb2222", outlet: "Courier"),
        killed("bbbb2222-1", article: "bbbb2222", claimant: "River Watch", count: 31),
        article("cccc3333", story: "aaaa1111", outlet: "Herald"),
        killed("cccc3333-1", article: "cccc3333", claimant: "Volunteers", count: 21),
    ]

    @Test("topics are scoped by story: two stories' dead are two topics, each labelled with what it counts")
    func scoped() throws {
        let folder = TemporaryFolder("stories-scoped")
        try F.write(Self.events, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        let topics = try store.figures(FigureFilter(about: "killed"))
        #expect(topics.count == 2)
        #expect(topics.allSatisfy { $0.topic == "people killed" })
        let first = try #require(topics.first { $0.figures.count == 2 })
        #expect(first.conflictingPairs == 1)
        #expect(try store.figures(FigureFilter(story: "bbbb2222")).isEmpty)
        #expect(try store.figures(FigureFilter(about: "killed", story: "bbbb2222")).map { $0.figures.count } == [1])
        let stories = try store.stories()
        #expect(stories.map(\.story) == ["aaaa1111", "bbbb2222"])
        #expect(stories[0].articles == 2 && stories[0].outlets == ["Herald", "Wire"] && stories[0].title == "Story aaaa1111")
        #expect(stories[0].topics == 1 && stories[0].conflicts == 1)
        #expect(try store.claims(ClaimFilter(story: "bbbb2222")).map(\.claim) == ["bbbb2222-1"])
    }

    @Test("a merge moves the merged story's articles and topics into the story it joins, whose conflicts now span both")
    func merged() throws {
        let folder = TemporaryFolder("stories-merged")
        let merge = StoryMerged(story: "bbbb2222", into: "aaaa1111", article: "dddd4444")
        try F.write(Self.events + [Self.article("dddd4444", story: "aaaa1111", outlet: "Post"), merge], to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        let topics = try store.figures(FigureFilter(about: "killed"))
        #expect(topics.count == 1)
        let topic = try #require(topics.first)
        #expect(topic.id == TopicKey.topicID(story: "aaaa1111", key: "count||person|dead"))
        #expect(topic.figures.count == 3 && topic.conflictingPairs == 3)
        #expect(topic.topic == "people killed")
        let stories = try store.stories()
        #expect(stories.map(\.story) == ["aaaa1111"])
        #expect(stories[0].articles == 4 && stories[0].merged == ["bbbb2222"])
        #expect(try store.lookup(story: "bbbb") == .story("aaaa1111"))
        #expect(try store.lookup(story: "zz") == .notFound)
        // The same log read again from scratch gives the same store.
        let again = try ClaimStore(path: folder.path + "/again.sqlite", log: folder.log)
        #expect(try again.figures(FigureFilter(about: "killed")) == topics)
    }

    @Test("records written before stories have none, and their figures share the unscoped topics as before")
    func storyless() throws {
        let folder = TemporaryFolder("stories-none")
        try F.write(F.story, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try store.stories().isEmpty)
        let topic = try #require(try store.figures().first)
        #expect(topic.id == TopicKey.topicID(story: "", key: topic.key))
        #expect(topic.conflictingPairs > 0)
    }
}
