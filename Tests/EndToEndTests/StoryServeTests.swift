import Foundation
import Testing

/// `claimwatch serve`'s story pages (issue 19's stories: the articles that tell one event),
/// against the real executable over the example story, as `ServeTests` asks it.
@Suite(.serialized) struct StoryServeTests {
    @Test("the overview lists the stories in conflict, the story page shows its conflicts, topics and articles by outlet, and topic pages link it")
    func storyPages() throws {
        let served = try ServedLedger()
        let stories = try ServedLedger.objects(try served.cli(["stories", "--json"]))
        let kessel = try #require(stories.first { ($0["conflicts"] as? Int ?? 0) > 0 }, "the example story's toll is disputed")
        let id = try #require(kessel["story"] as? String)
        let title = try #require(kessel["title"] as? String)

        let overview = try served.get("/").text
        let listed = try #require(overview.range(of: "id=\"conflicts\"").map { String(overview[$0.lowerBound...]) })
        #expect(listed.contains("<a href=\"/stories/\(id)\">\(title)</a>"), "\(listed.prefix(600))")
        #expect(overview.contains("<a href=\"/stories\">every story</a>"))

        let page = try served.get("/stories/\(id)")
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>\(title)</h1>"))
        let topics = try ServedLedger.objects(try served.cli(["figures", "--json", "--story", id]))
        #expect(!topics.isEmpty)
        for topic in topics {
            let topicID = try #require(topic["topic"] as? String), label = try #require(topic["label"] as? String)
            #expect(page.text.contains("<a href=\"/topics/\(topicID)\">\(Self.escaped(label))</a>"), "topic \(label)")
            // The topic page names its story, linked.
            let topicPage = try served.get("/topics/\(topicID)").text
            #expect(topicPage.contains("in the story <a href=\"/stories/\(id)\">\(title)</a>"), "/topics/\(topicID)")
        }
        // Each conflicting topic in the conflicts list, and marked in the topics table.
        let conflicts = try #require(page.text.range(of: "id=\"story-conflicts\"").map { String(page.text[$0.lowerBound...]) })
        let conflicting = topics.filter { ($0["figures"] as? [[String: Any]] ?? []).contains { ($0["conflicting"] as? Int ?? 0) > 0 } }
        #expect(conflicting.count == kessel["conflicts"] as? Int)
        for topic in conflicting {
            #expect(conflicts.contains("<li class=\"conflict\"><span class=\"verdict conflict\">✗</span> <a href=\"/topics/\(topic["topic"] as? String ?? "")\">"))
        }
        #expect(page.text.components(separatedBy: "<tr class=\"conflict\">").count - 1 == conflicting.count)

        // Its articles under their outlets, each outlet's by date, every one of the story's there.
        let articles = try #require(page.text.range(of: "id=\"story-articles\"").map { String(page.text[$0.lowerBound...]) })
        for outlet in kessel["outlets"] as? [String] ?? [] { #expect(articles.contains("<dt>\(outlet)</dt>"), "\(outlet)") }
        let listedArticles = try ServedLedger.objects(try served.cli(["articles", "--json", "--story", id]))
        #expect(!listedArticles.isEmpty)
        for article in listedArticles {
            #expect(articles.contains("<a href=\"/articles/\(article["article"] as? String ?? "")\">"), "\(article["path"] ?? "")")
        }
        let days = articles.components(separatedBy: "<time>").dropFirst().map { String($0.prefix(10)) }
        #expect(days.count == kessel["articles"] as? Int)

        // Any unique prefix will do; an unknown one is not found.
        #expect(try served.get("/stories/\(id.prefix(6))").text.contains("<h1>\(title)</h1>"))
        #expect(try served.get("/stories/ffffffffffffffff").status == 404)
        let index = try served.get("/stories")
        #expect(index.status == 200 && index.text.contains("<a href=\"/stories/\(id)\">"))
        // The hostile article is a story of its own: its title comes back escaped.
        #expect(!index.text.contains("<script>alert"))
        #expect(index.text.contains("&lt;script&gt;alert(&#39;title&#39;)"))
    }

    @Test("/api/stories answers byte for byte what stories --json prints, and /api/stories/ID what stories --story ID --json does")
    func apiAgreesWithCLI() throws {
        let served = try ServedLedger()
        let stories = try ServedLedger.objects(try served.cli(["stories", "--json"]))
        #expect(stories.count >= 2, "the example story and the hostile article")
        var pairs: [(String, [String])] = [
            ("/api/stories", ["stories", "--json"]),
            ("/api/stories?n=1", ["stories", "--json", "-n", "1"]),
            ("/api/stories?outlet=halvern+courier", ["stories", "--json", "--outlet", "halvern courier"]),
        ]
        for story in stories {
            let id = try #require(story["story"] as? String)
            pairs.append(("/api/stories/\(id)", ["stories", "--json", "--story", id]))
            pairs.append(("/api/stories/\(id.prefix(8))", ["stories", "--json", "--story", String(id.prefix(8))]))
        }
        for (path, command) in pairs {
            let answer = try served.get(path)
            #expect(answer.status == 200, "\(path)")
            #expect(answer.headers["content-type"]?.hasPrefix("application/x-ndjson") == true, "\(path)")
            let printed = try served.cli(command)
            #expect(!printed.isEmpty, "\(command) printed nothing: the comparison would prove nothing")
            #expect(answer.text == printed, "\(path) differs from claimwatch \(command.joined(separator: " "))")
        }
        #expect(try served.get("/api/stories/ffffffffffffffff").status == 404)
        #expect(try served.get("/api/stories?outlet=no+such+outlet").status == 404)
        #expect(try served.get("/api").text.contains("\"path\":\"/api/stories\""))
    }

    @Test("a conflict that lands while a client listens comes with its story, as a line of stories --json, before its figure")
    func liveConflictNamesStory() throws {
        let served = try ServedLedger()
        let story = try #require(try ServedLedger.objects(try served.cli(["stories", "--json"])).first { ($0["conflicts"] as? Int ?? 0) > 0 })
        let id = try #require(story["story"] as? String)
        let more = served.folder.path + "/more"
        try FileManager.default.createDirectory(atPath: more, withIntermediateDirectories: true)
        // Another account of the Kessel dam's toll, two days on: its dead disagree with every
        // figure before it.
        try """
            Kessel Dam toll rises as crews reach the valley

            KESSEL, Nov. 14 — Rescue crews reached the lower Kessel valley on Friday after the Kessel Dam breach, \
            the Kessel Hydro emergency service said. The service said 31 people had died since the dam gave way, \
            and 9,000 residents were displaced from their homes.
            """.write(toFile: more + "/kessel-toll-rises.txt", atomically: true, encoding: .utf8)
        let stream = try served.probe.stream("/events", timeout: 90, whileOpen: {
            _ = try served.claimwatch.run(["ingest", "--state", served.state, more])
        }, until: { $0.contains("event: stats") && $0.contains("kessel-toll-rises.txt") })
        let announced = try #require(stream.range(of: "event: story\ndata: {\"story\":\"\(id)\""), "\(stream.suffix(800))")
        let compared = try #require(stream.range(of: "event: figure.compared\ndata: {"))
        #expect(announced.lowerBound < compared.lowerBound, "the story's title must reach a page before the conflict it names")
        #expect(stream.contains("\"story\":\"\(id)\",\"text\":"), "figure.compared carries its story")
        // The announcement is the story as stories --json now prints it.
        let line = try served.cli(["stories", "--json", "--story", id]).trimmingCharacters(in: .newlines)
        #expect(stream.contains("event: story\ndata: \(line)\n"))
        #expect(try served.get("/api").text.contains("story.merged"))
    }

    @Test("two stories an article shows to be one: story.merged reaches the stream with the joined story, and the merged id leads to it")
    func liveMerge() throws {
        let served = try ServedLedger(ingestExamples: false)
        let sides = served.folder.path + "/sides", bridge = served.folder.path + "/bridge"
        for folder in [sides, bridge] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        for (name, text) in [("ranger.txt", Self.ranger), ("utility.txt", Self.utility)] {
            try text.write(toFile: sides + "/" + name, atomically: true, encoding: .utf8)
        }
        try Self.both.write(toFile: bridge + "/both.txt", atomically: true, encoding: .utf8)
        let stream = try served.probe.stream("/events", timeout: 90, whileOpen: {
            _ = try served.claimwatch.run(["ingest", "--state", served.state, sides])
            _ = try served.claimwatch.run(["ingest", "--state", served.state, bridge])
        }, until: { $0.contains("event: story.merged") && $0.contains("\"merged\":[\"") })
        let merged = try #require(stream.range(of: "event: story.merged\ndata: {").map { String(stream[$0.upperBound...]) })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(("{" + (merged.split(separator: "\n").first ?? "")).utf8))
            as? [String: Any])
        let (gone, into) = (try #require(record["story"] as? String), try #require(record["into"] as? String))
        #expect(stream.contains("event: story\ndata: {\"story\":\"\(into)\""))
        #expect(stream.contains("\"merged\":[\"\(gone)\"]"))
        // The merged story's id leads to the story it joined, which lists all three articles.
        let page = try served.get("/stories/\(gone)")
        #expect(page.status == 200 && page.text.contains("<section data-story=\"\(into)\">"))
        #expect(page.text.contains("Joined by 1 story found to tell the same event: <code>\(gone)</code>"))
        #expect(page.text.components(separatedBy: "<time>").count - 1 == 3)
        #expect(try served.get("/api/stories/\(gone)").text == (try served.cli(["stories", "--json", "--story", gone])))
    }

    /// Two accounts of one wildfire that share no name (the ranger's side, the utility's),
    /// then one that names both.
    static let ranger = """
        Fire crews hold the line above Pellham as the wildfire spreads

        PELLHAM — The wildfire in the Orsk hills spread through dry forest on Monday, and Chief Ranger Odile Marchetti \
        ordered crews to hold the line above Pellham. Marchetti said firefighters had cleared a firebreak along the ridge overnight.

        The fire moved fastest along the ridge, and crews on the hills worked through the night to protect homes.
        """
    static let utility = """
        Vantor Grid says a power line may have sparked the wildfire

        SALZ — Vantor Grid, which runs the power line across the hills, said on Monday that a fallen line may have sparked \
        the fire, and its safety director Henrik Salz-Obermann said inspectors from Vantor Grid were checking the line.

        The company said the wildfire reached the forest within hours, and crews worked through the night on the hills.
        """
    static let both = """
        Marchetti presses Vantor Grid over the power line as the wildfire nears Pellham

        PELLHAM — Chief Ranger Odile Marchetti pressed Vantor Grid on Tuesday, a day after the wildfire spread through the \
        forest above Pellham. Marchetti said the fallen power line had sparked the fire, as Vantor Grid admitted, and crews \
        held the line on the ridge.

        Crews worked through the night in the hills, and Vantor Grid said its safety director Henrik Salz-Obermann would \
        answer the ranger's questions about the power line.
        """

    /// Text as the pages escape it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
