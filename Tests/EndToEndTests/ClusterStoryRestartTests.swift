import EventLog
import Foundation
import PostgresTestSupport
import Testing

/// A cluster host's stories across its restart, with two real daemons over a real
/// PostgreSQL: a start rebuilds memory from the host's own log before the other hosts'
/// records, the reverse of the order they arrived in live, and its stories must not change.
@Suite struct ClusterStoryRestartTests {
    let claimwatch = Executable("claimwatch")

    struct Story: Decodable {
        var story: String
        var articles: Int
        var copies: Int
    }

    @Test("after a restart, the host's next copy of the other host's article and the next report of its story join that story, with no merge")
    func restartKeepsTheOtherHostsStory() throws {
        let (server, database, alpha, beta) = try FollowerCacheTests.twoHosts("storyrestart")
        defer {
            alpha.stop()
            beta.stop()
        }
        let fire = StoriesCommandTests.fire
        try alpha.drop(fire[0].name, fire[0].json)
        #expect(alpha.waitForHandled([fire[0].name]))
        try FollowerCacheTests.waitUntilCached(try FollowerCacheTests.followed(alpha), by: beta)
        try beta.drop("copy-1.json", fire[0].json)
        #expect(beta.waitForHandled(["copy-1.json"], timeout: 120))
        #expect(beta.stop() == 0)

        try beta.start(["--database", server.socketAddress(database), "--host-name", "beta"])
        try beta.drop("copy-2.json", fire[0].json)
        #expect(beta.waitForHandled(["copy-2.json"], timeout: 120))
        try beta.drop(fire[1].name, fire[1].json)
        #expect(beta.waitForHandled([fire[1].name], timeout: 120))
        #expect(beta.stop() == 0)

        // Live, without the restart: every one of them is in alpha's story, and nothing merges.
        let original = try #require(try alpha.records(ofType: ArticleIngested.eventType).first?.decode(ArticleIngested.self))
        let copies = try beta.records(ofType: ArticleDuplicate.eventType).map { try $0.decode(ArticleDuplicate.self) }
        #expect(copies.map(\.path) == ["copy-1.json", "copy-2.json"])
        #expect(copies.allSatisfy { $0.story == original.article }, "\(copies.map(\.story))")
        let articles = try beta.records(ofType: ArticleIngested.eventType).map { try $0.decode(ArticleIngested.self) }
        #expect(articles.map(\.story) == [original.article])
        #expect(try beta.records(ofType: StoryMerged.eventType).isEmpty)
        let result = try claimwatch.run(["stories", "--state", beta.state.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let stories = try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Story.self, from: Data($0.utf8)) }
        #expect(stories.map(\.story) == [original.article])
    }
}
