import EventLog
import Foundation
import Testing

/// Stories through the built executables: the example story (a dam breach, eight files)
/// and a second story of the same week written the same way (a wildfire, three outlets),
/// which counts the same things (people killed, residents evacuated, soldiers sent). Each
/// is one story; figures are compared only within one, so the two never conflict, and the
/// example story's own conflicts are still there.
@Suite struct StoriesCommandTests {
    let claimwatch = Executable("claimwatch")

    struct Story: Decodable {
        var story: String
        var title: String?
        var articles: Int
        var copies: Int
        var outlets: [String]
        var first: String
        var firstDated: String
        var last: String
        var topics: Int
        var conflicts: Int
    }

    struct Topic: Decodable {
        struct Ref: Decodable, Hashable {
            var claim: String
            var index: Int
        }
        struct Line: Decodable {
            var claim: String
            var index: Int
            var text: String
            var path: String?
            var conflicts: [Ref]
            var figure: Ref { Ref(claim: claim, index: index) }
        }
        var topic: String
        var label: String
        var story: String?
        var key: String
        var figures: [Line]
    }

    static let fire: [(name: String, json: String)] = [
        ("pell-gazette-fire.json", """
            {"title": "Wildfire sweeps through the Pell hills", "site": "Pell Gazette", "published": "2026-11-13T06:40:00+01:00",
             "text": "PELLTON — A wildfire driven by strong winds swept through the Pell hills on Wednesday night, and the Corvel Fire Authority said 3 people were killed as flames reached the edge of Pellton.\\n\\nFire chief Oren Vask said about 2,500 residents were evacuated from villages on the eastern slopes, and the authority asked for more than 200 soldiers to help clear the hill roads.\\n\\nVask said crews from four districts were fighting the fire through the night. The Corvel Fire Authority closed every road into the Pell hills until further notice."}
            """),
        ("corvel-post-fire.json", """
            {"title": "Pellton evacuees wait in shelters as the Pell hills burn", "site": "Corvel Post", "published": "2026-11-14T08:10:00+01:00",
             "text": "PELLTON — Evacuees from the Pell hills waited in school halls in Pellton on Thursday as the wildfire burned for a second day. Volunteers of the Pell Mountain Rescue said 5 people were killed, more than the Corvel Fire Authority had counted.\\n\\nFire chief Oren Vask said some 4,000 residents were evacuated by Thursday evening, and that the wind would ease by Friday. The Corvel Fire Authority said the fire had burned through more than 60 farms on the eastern slopes of the Pell hills.\\n\\nVask said the soldiers sent to the hills had cut fire breaks around Pellton overnight."}
            """),
        ("hill-radio-fire.json", """
            {"title": "Pell hills fire: rescuers and fire authority disagree on the toll", "site": "Hill Radio", "published": "2026-11-14T18:00:00+01:00",
             "text": "PELLTON — The wildfire in the Pell hills has killed at least 5 people, the Pell Mountain Rescue said on Thursday, while the Corvel Fire Authority kept its count at 3.\\n\\nOren Vask, the authority's fire chief, said the flames had reached no further than the eastern slopes, and that residents of Pellton would not be evacuated for now. Vask thanked the soldiers who worked through the night in the Pell hills."}
            """),
    ]

    /// The example story under `dam/` and the wildfire under `fire/`, ingested into one state.
    private func ingestBoth() throws -> (state: TemporaryFolder, drop: TemporaryFolder) {
        let drop = TemporaryFolder("stories-drop")
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: drop.path + "/dam", withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: drop.path + "/fire", withIntermediateDirectories: true)
        for name in try fileManager.contentsOfDirectory(atPath: ArticleCommandTests.examples) {
            try fileManager.copyItem(atPath: ArticleCommandTests.examples + "/" + name, toPath: drop.path + "/dam/" + name)
        }
        for (name, json) in Self.fire { try Data(json.utf8).write(to: URL(fileURLWithPath: drop.path + "/fire/" + name)) }
        let state = TemporaryFolder("stories")
        let result = try claimwatch.run(["ingest", "--state", state.path, "--recursive", drop.path])
        #expect(result.status == 0, "\(result.stderr)")
        return (state, drop)
    }

    private func stories(_ state: String, _ arguments: [String] = []) throws -> [Story] {
        let result = try claimwatch.run(["stories", "--state", state, "--json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Story.self, from: Data($0.utf8)) }
    }

    private func topics(_ state: String, _ arguments: [String] = []) throws -> [Topic] {
        let result = try claimwatch.run(["figures", "--state", state, "--json", "-n", "1000"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Topic.self, from: Data($0.utf8)) }
    }

    private static func origin(_ path: String?) -> String {
        String((path ?? "").prefix { $0 != "/" })
    }

    @Test("two stories that count the same things: each is one story, and no conflicting pair joins them")
    func noConflictAcrossStories() throws {
        let (state, _) = try ingestBoth()
        let found = try stories(state.path)
        #expect(found.count == 2)
        let dam = try #require(found.first { $0.title?.contains("Kessel") == true })
        let fire = try #require(found.first { $0.title?.contains("Pell") == true })
        #expect(dam.articles + dam.copies == 8)
        #expect(fire.articles == 3 && fire.copies == 0)
        #expect(Set(fire.outlets) == ["Pell Gazette", "Corvel Post", "Hill Radio"])
        #expect(fire.first == "2026-11-13" && fire.firstDated == "published" && fire.last == "2026-11-14")
        #expect(dam.conflicts > 0 && fire.conflicts > 0)

        let all = try topics(state.path)
        var crossing = 0
        for topic in all {
            let place = Dictionary(topic.figures.map { ($0.figure, Self.origin($0.path)) }, uniquingKeysWith: { first, _ in first })
            #expect(Set(place.values).count == 1, "topic \(topic.label) spans both stories")
            for line in topic.figures {
                crossing += line.conflicts.filter { place[$0] != Self.origin(line.path) }.count
            }
        }
        #expect(crossing == 0)
        // The two stories do count the same things: without stories they would have met.
        let damKeys = Set(all.filter { Self.origin($0.figures.first?.path) == "dam" }.map(\.key))
        let fireKeys = Set(all.filter { Self.origin($0.figures.first?.path) == "fire" }.map(\.key))
        #expect(damKeys.contains("count||person|dead") && fireKeys.contains("count||person|dead"))

        // The example story still holds its conflicts: the official toll against the others.
        let damDead = try #require(all.first { $0.key == "count||person|dead" && Self.origin($0.figures.first?.path) == "dam" })
        #expect(damDead.label == "people killed")
        #expect(damDead.figures.contains { !$0.conflicts.isEmpty })
        let fireDead = try #require(all.first { $0.key == "count||person|dead" && Self.origin($0.figures.first?.path) == "fire" })
        #expect(Set(fireDead.figures.map(\.text)).isSuperset(of: ["3 people", "5 people"]))
        #expect(fireDead.figures.contains { !$0.conflicts.isEmpty })
    }

    @Test("--story narrows figures, claims and articles to one story, by any unique start of its id")
    func storyFilter() throws {
        let (state, _) = try ingestBoth()
        let fire = try #require(try stories(state.path).first { $0.title?.contains("Pell") == true })
        let prefix = String(fire.story.prefix(6))
        let fireTopics = try topics(state.path, ["--story", prefix])
        #expect(!fireTopics.isEmpty)
        #expect(fireTopics.allSatisfy { topic in topic.figures.allSatisfy { Self.origin($0.path) == "fire" } })
        #expect(fireTopics.allSatisfy { $0.story == fire.story })
        let claims = try claimwatch.run(["claims", "--state", state.path, "--story", prefix, "--csv"])
        #expect(claims.status == 0, "\(claims.stderr)")
        #expect(claims.stdout.contains("Oren Vask") && !claims.stdout.contains("Anna Brandt"))
        let articles = try claimwatch.run(["articles", "--state", state.path, "--story", fire.story])
        #expect(articles.status == 0)
        #expect(articles.stdout.contains("Pell Gazette") && !articles.stdout.contains("Halvern"))
        #expect(try stories(state.path, ["--story", prefix]).map(\.story) == [fire.story])
        let unknown = try claimwatch.run(["figures", "--state", state.path, "--story", "zzzz"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no story"))
    }

    @Test("tail --story prints the events of one story's articles and copies alone; show names an article's story")
    func tailAndShow() throws {
        let (state, _) = try ingestBoth()
        let all = try stories(state.path)
        let fire = try #require(all.first { $0.title?.contains("Pell") == true })
        let dam = try #require(all.first { $0.story != fire.story })
        func tail(_ story: String) throws -> [[String: Any]] {
            let result = try claimwatch.run(["tail", "--state", state.path, "--json", "--story", String(story.prefix(6))])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
        let fireEvents = try tail(fire.story)
        func of(_ type: String, in events: [[String: Any]]) -> [[String: Any]] { events.filter { $0["type"] as? String == type } }
        let ingested = of(ArticleIngested.eventType, in: fireEvents)
        #expect(ingested.count == fire.articles)
        #expect(ingested.allSatisfy { $0["story"] as? String == fire.story })
        let articles = Set(ingested.compactMap { $0["article"] as? String })
        let claims = of(ClaimExtracted.eventType, in: fireEvents)
        #expect(!claims.isEmpty && claims.allSatisfy { articles.contains($0["article"] as? String ?? "") })
        let compared = of(FigureCompared.eventType, in: fireEvents)
        #expect(!compared.isEmpty && compared.allSatisfy { $0["story"] as? String == fire.story })
        #expect(fireEvents.count == ingested.count + claims.count + compared.count)
        // The dam's copies and their events are the dam's.
        let damEvents = try tail(dam.story)
        #expect(of(ArticleDuplicate.eventType, in: damEvents).count == dam.copies)
        #expect(Set(damEvents.compactMap { $0["article"] as? String }).isDisjoint(with: articles))

        let article = try #require(articles.sorted().first)
        let show = try claimwatch.run(["show", "--state", state.path, article])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("story      \(fire.story) ("))
    }

    @Test("the log records each article's story and each comparison's, and reindex rebuilds the same stories")
    func logAndRebuild() throws {
        let (state, _) = try ingestBoth()
        let before = try claimwatch.run(["stories", "--state", state.path, "--json"]).stdout
        let cursor = try LogCursor(directory: state.path + "/log")
        var storyOf: [String: String] = [:]
        var compared = 0
        while case let .record(record)? = try cursor.next() {
            switch record.type {
            case ArticleIngested.eventType:
                let ingested = try record.decode(ArticleIngested.self)
                let story: String = try #require(ingested.story)
                storyOf[ingested.article] = story
            case FigureCompared.eventType:
                let comparison = try record.decode(FigureCompared.self)
                #expect(comparison.story != nil && comparison.story == storyOf[comparison.article])
                compared += 1
            default:
                break
            }
        }
        #expect(Set(storyOf.values).count == 2)
        #expect(compared > 0)
        let reindex = try claimwatch.run(["reindex", "--state", state.path])
        #expect(reindex.status == 0, "\(reindex.stderr)")
        #expect(try claimwatch.run(["stories", "--state", state.path, "--json"]).stdout == before)
        let table = try claimwatch.run(["stories", "--state", state.path])
        #expect(table.stdout.contains("STORY") && table.stdout.contains("Pell"))
    }
}
