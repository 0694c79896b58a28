import Foundation
import Testing

/// `claimwatch serve` as a user meets it: the real executable on a loopback port, over the
/// example story ingested into a fresh state folder, asked over real sockets.
@Suite(.serialized) struct ServeTests {
    @Test("every page, asset and API answer of the example story answers 200 with the security headers")
    func everyPageAnswers() throws {
        let served = try ServedLedger()
        let articles = try ServedLedger.objects(try served.get("/api/articles").text)
        let topics = try ServedLedger.objects(try served.get("/api/figures").text)
        let claimants = try ServedLedger.objects(try served.get("/api/claimants").text)
        let stories = try ServedLedger.objects(try served.get("/api/stories").text)
        #expect(articles.count >= 5)
        #expect(!stories.isEmpty)
        #expect(!topics.isEmpty)
        var paths = ["/", "/claimants", "/search?q=dam", "/search?q=people+killed", "/search?q=", "/static/site.css",
                     "/static/live.js", "/api", "/api/stats", "/api/dupes", "/api/claims", "/api/claimants", "/api/figures", "/stories", "/api/stories"]
        paths += stories.compactMap { $0["story"] as? String }.flatMap { ["/stories/\($0)", "/api/stories/\($0)"] }
        paths += articles.compactMap { $0["article"] as? String }.flatMap { ["/articles/\($0)", "/api/articles/\($0)"] }
        paths += topics.compactMap { $0["topic"] as? String }.flatMap { ["/topics/\($0)", "/api/topics/\($0)", "/api/topics/\($0)/figures.csv"] }
        paths += claimants.compactMap { ($0["claimant"] as? [String: Any])?["canonical"] as? String }.map { name in
            "/claimants/" + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name)
        }
        for path in paths {
            let answer = try served.get(path)
            #expect(answer.status == 200, "\(path): \(answer.status) \(answer.text.prefix(300))")
            let policy = answer.headers["content-security-policy"] ?? ""
            #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"), "\(path)")
            #expect(answer.headers["x-content-type-options"] == "nosniff", "\(path)")
            #expect(answer.headers["x-frame-options"] == "DENY", "\(path)")
            #expect(answer.headers["server-timing"]?.hasPrefix("app;dur=") == true, "\(path)")
            if answer.headers["content-type"]?.hasPrefix("text/html") == true {
                // Nothing is loaded from elsewhere: every script and style sheet is this site's.
                #expect(!answer.text.contains("src=\"http"), "\(path)")
                #expect(!answer.text.contains("<link rel=\"stylesheet\" href=\"http"), "\(path)")
                #expect(!answer.text.contains("<script>"), "\(path): an inline script the policy would block")
                #expect(!answer.text.contains("style=\""), "\(path): an inline style the policy would block")
            }
        }
        // A copy's id shows the article it copies, as `claimwatch show` does.
        let copies = articles.compactMap { ($0["copies"] as? [[String: Any]])?.first?["article"] as? String }
        let copy = try #require(copies.first)
        let viaCopy = try served.get("/articles/\(copy)")
        #expect(viaCopy.status == 200 && viaCopy.text.contains("copy of this article"))
        #expect(try served.get("/articles/ffffffffffff").status == 404)
        #expect(try served.get("/topics/nothing-like-this").status == 404)
        #expect(try served.get("/claimants/Nobody%20At%20All").status == 404)
        #expect(try served.get("/api/claims?claimant=Nobody").status == 404)
        let missing = try served.get("/no/such/page")
        #expect(missing.status == 404 && missing.headers["content-security-policy"] != nil && missing.text.contains("Not found"))
        #expect(try served.get("/api/no/such").text.hasPrefix("{\"error\":"))
    }

    @Test("nothing writes: any method but GET is refused, and a Host naming another machine is refused on loopback")
    func readOnlyAndLoopback() throws {
        let served = try ServedLedger()
        for method in ["POST", "PUT", "DELETE", "PATCH"] {
            let answer = try served.probe.get("/", method: method)
            #expect(answer.status == 405, "\(method)")
            #expect(answer.headers["allow"] == "GET")
        }
        #expect(try served.get("/", headers: ["Host": "rebound.example:8077"]).status == 421)
        #expect(try served.get("/", headers: ["Host": "localhost:8077"]).status == 200)
    }

    @Test("hostile article text comes back escaped on every page that shows it")
    func hostileTextEscaped() throws {
        let served = try ServedLedger()
        let articles = try ServedLedger.objects(try served.get("/api/articles").text)
        let hostile = try #require(articles.first { ($0["path"] as? String) == "zz-hostile.json" })
        let id = try #require(hostile["article"] as? String)
        let pages = ["/", "/articles/\(id)", "/search?q=marrow+dam", "/search?q=" + "<script>".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!]
        var shown = 0
        for path in pages {
            let page = try served.get(path).text
            for raw in ["<script>alert", "<img src=x", "<iframe", "<svg onload", "<b>Marrow</b>", "href=\"javascript:"] {
                #expect(!page.contains(raw), "\(path) holds \(raw) unescaped")
            }
            if page.contains("&lt;script&gt;alert(&#39;") { shown += 1 }
        }
        #expect(shown >= 2, "the hostile title and text should be shown, escaped")
        let article = try served.get("/articles/\(id)").text
        #expect(article.contains("&lt;iframe src=//evil.example&gt;&lt;/iframe&gt;"))
        // Its claims are still highlighted and its figures marked, around the escaped markup.
        #expect(article.contains("<mark class=\"figure\""))
        #expect(article.contains("<span class=\"claim"))
        // A javascript: address is shown as text, never made a link.
        #expect(article.contains("javascript:alert(&#39;url&#39;)"))
    }

    @Test("/api/ answers byte for byte what the CLI prints with --json, and the topic CSV what figures --csv writes")
    func apiAgreesWithCLI() throws {
        let served = try ServedLedger()
        let articles = try ServedLedger.objects(try served.get("/api/articles").text)
        let first = try #require(articles.last?["article"] as? String)
        let claimant = try #require(try ServedLedger.objects(try served.get("/api/claimants").text).first.flatMap {
            ($0["claimant"] as? [String: Any])?["canonical"] as? String
        })
        let surname = try #require(claimant.split(separator: " ").last.map(String.init))
        let pairs: [(String, [String])] = [
            ("/api/stats", ["stats", "--json"]),
            ("/api/articles", ["articles", "--json"]),
            ("/api/articles?n=2", ["articles", "--json", "-n", "2"]),
            ("/api/articles/\(first)", ["show", first, "--json"]),
            ("/api/articles/\(first.prefix(10))", ["show", String(first.prefix(10)), "--json"]),
            ("/api/dupes", ["dupes", "--json"]),
            ("/api/claims", ["claims", "--json"]),
            ("/api/claims?claimant=\(surname)&n=3", ["claims", "--json", "--claimant", surname, "-n", "3"]),
            ("/api/claims?contains=dam+breach", ["claims", "--json", "--contains", "dam breach"]),
            ("/api/claims?stance=denies", ["claims", "--json", "--stance", "denies"]),
            ("/api/claimants", ["claimants", "--json"]),
            ("/api/figures", ["figures", "--json"]),
            ("/api/figures?about=people", ["figures", "--json", "--about", "people"]),
        ]
        for (path, command) in pairs {
            let answer = try served.get(path)
            #expect(answer.status == 200, "\(path)")
            #expect(answer.headers["content-type"]?.hasPrefix("application/x-ndjson") == true, "\(path)")
            let printed = try served.cli(command)
            #expect(answer.text == printed, "\(path) differs from claimwatch \(command.joined(separator: " "))")
            #expect(!printed.isEmpty, "\(command) printed nothing: the comparison would prove nothing")
        }
        // Every story, asked by each of its ids (its fullest version, a shorter version, a
        // copy): the example story holds all three, and show answers by the fullest.
        let stories = try ServedLedger.objects(try served.cli(["dupes", "--json"]))
        let ids = stories.flatMap { story -> [String] in
            let others = ["versions", "copies"].flatMap { (story[$0] as? [[String: Any]] ?? []).compactMap { $0["article"] as? String } }
            return [story["article"] as? String].compactMap { $0 } + others
        }
        #expect(stories.contains { !($0["versions"] as? [Any] ?? []).isEmpty }, "no story with another version: the example story changed")
        for id in ids {
            #expect(try served.get("/api/articles/\(id)").text == (try served.cli(["show", id, "--json"])), "show \(id)")
            #expect(try served.get("/articles/\(id)").status == 200, "/articles/\(id)")
        }

        // One topic's line of figures --json, and its rows of figures --csv.
        let topics = try ServedLedger.objects(try served.cli(["figures", "--json"]))
        let figuresJSON = try served.cli(["figures", "--json"]).split(separator: "\n")
        let csv = try served.cli(["figures", "--csv"]).components(separatedBy: "\r\n")
        for (index, topic) in topics.enumerated() {
            let id = try #require(topic["topic"] as? String)
            #expect(try served.get("/api/topics/\(id)").text == String(figuresJSON[index]) + "\n")
            let rows = try served.get("/api/topics/\(id)/figures.csv").text.components(separatedBy: "\r\n")
            #expect(rows.first == csv.first)
            #expect(Array(rows.dropFirst().filter { !$0.isEmpty }) == csv.dropFirst().filter { $0.hasPrefix(id + ",") })
        }
    }

    @Test("a file ingested while a client listens to /events arrives on the stream, with the new counts")
    func liveStream() throws {
        let served = try ServedLedger()
        let more = served.folder.path + "/more"
        try FileManager.default.createDirectory(atPath: more, withIntermediateDirectories: true)
        try """
            Flood crews reach Marrow's lower valley

            KESSEL, Nov. 14 — Rescue crews reached the lower valley on Friday, the Marrow Emergency Service said. \
            The service said 23 people had died since the dam gave way, and at least 500 residents were still \
            waiting to be evacuated.
            """.write(toFile: more + "/late-valley-report.txt", atomically: true, encoding: .utf8)
        let stream = try served.probe.stream("/events", timeout: 90, whileOpen: {
            _ = try served.claimwatch.run(["ingest", "--state", served.state, more])
        }, until: { $0.contains("late-valley-report.txt") && $0.contains("event: stats") })
        #expect(stream.contains("content-type: text/event-stream") || stream.contains("Content-Type: text/event-stream"))
        #expect(stream.contains(": claimwatch live"))
        #expect(stream.contains("event: article.ingested\ndata: {\"seq\":"), "\(stream.suffix(600))")
        #expect(stream.contains("\"path\":\"late-valley-report.txt\""))
        #expect(stream.contains("event: stats\ndata: {\"articles\":"))
        // The store caught up before the message went out: the page shows the new article.
        #expect(try served.get("/").text.contains("Flood crews reach Marrow"))
    }

    @Test("SIGTERM stops the server at once, though a live client is still listening")
    func stopsWithClientListening() throws {
        let served = try ServedLedger(ingestExamples: false)
        var status: Int32 = -1
        var elapsed = 0.0
        _ = try served.probe.stream("/events", timeout: 30, whileOpen: {
            let started = Date()
            served.server.signal(SIGTERM)
            status = served.server.wait(timeout: 20)
            elapsed = Date().timeIntervalSince(started)
        }, until: { _ in true })
        #expect(status == 0)
        #expect(elapsed < 5, "stopping took \(elapsed) s")
    }

    @Test("with a token, requests need it: 401 without, Bearer or the cookie let in, ?token= sets the cookie")
    func token() throws {
        let folder = TemporaryFolder("token")
        let tokenFile = folder.path + "/token"
        let secret = "correct-horse-battery-staple-42"
        try (secret + "\n").write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let served = try ServedLedger(extraArguments: ["--token-file", tokenFile], ingestExamples: false)
        #expect(try served.get("/").status == 401)
        #expect(try served.get("/api/stats").status == 401)
        #expect(try served.get("/", headers: ["Authorization": "Bearer wrong-token-wrong-token"]).status == 401)
        #expect(try served.get("/", headers: ["Authorization": "Bearer \(secret)"]).status == 200)
        let login = try served.get("/topics?token=\(secret)")
        #expect(login.status == 303)
        #expect(login.headers["set-cookie"]?.contains("HttpOnly") == true)
        #expect(login.headers["set-cookie"]?.contains("SameSite=Strict") == true)
        #expect(try served.get("/api/stats", headers: ["Cookie": "claimwatch_token=\(secret)"]).status == 200)
    }

    @Test("a non-loopback address without a token is refused at start, naming the flag")
    func nonLoopbackNeedsToken() throws {
        let folder = TemporaryFolder("serve-open")
        let claimwatch = Executable("claimwatch")
        _ = try claimwatch.run(["ingest", "--state", folder.path, ArticleCommandTests.examples])
        let result = try claimwatch.run(["serve", "--state", folder.path, "--listen", "0.0.0.0:0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--token-file"), "\(result.stderr)")
        let bad = try claimwatch.run(["serve", "--state", folder.path, "--listen", "nowhere"])
        #expect(bad.status == 64)
    }
}
