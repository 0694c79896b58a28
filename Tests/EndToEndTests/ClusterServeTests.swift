import EventLog
import Foundation
import PostgresTestSupport
import Testing

/// `claimwatch serve --database`: the pages and the API over both hosts' records, and a file
/// dropped on a host reaching an open page through the live stream.
@Suite struct ClusterServeTests {
    @Test("serve --database answers pages and /api/ with both hosts' articles, and a file dropped on a host arrives on /events")
    func servesTheCluster() throws {
        let server = try PostgresServer.forTest()
        let database = try server.makeDatabase("serve")
        let address = server.socketAddress(database)
        let alpha = DaemonHarness("s-alpha"), beta = DaemonHarness("s-beta")
        defer {
            alpha.stop()
            beta.stop()
        }
        try alpha.start(["--database", address, "--host-name", "alpha"])
        try beta.start(["--database", address, "--host-name", "beta"])
        try ClusterQueryTests.take(["npa-wire-kessel-dam.txt", "kessel-hydro-statement.md"], on: alpha, name: "alpha",
                                   server: server, database: database)
        try ClusterQueryTests.take(["halvern-courier-dam.json", "river-watch-report.txt"], on: beta, name: "beta",
                                   server: server, database: database)

        let cache = TemporaryFolder("clusterq-serve-cache")
        let claimwatch = Executable("claimwatch")
        let serving = try claimwatch.start(["serve", "--database", address, "--cache", cache.path, "--listen", "127.0.0.1:0"])
        defer {
            serving.signal(SIGTERM)
            serving.wait(timeout: 10)
        }
        guard let line = serving.waitForLine(timeout: 120, where: { $0.contains("http://") }),
              let start = line.range(of: "http://"), let end = line[start.upperBound...].firstIndex(of: "/") else {
            Issue.record("serve --database printed no address: \(serving.standardErrorSoFar)")
            return
        }
        let probe = try HTTPProbe(address: String(line[start.upperBound..<end]))

        let articles = try ServedLedger.objects(try probe.get("/api/articles").text)
        let titles = articles.compactMap { $0["title"] as? String }
        let expected = try (alpha.records(ofType: ArticleIngested.eventType) + beta.records(ofType: ArticleIngested.eventType)).map {
            try $0.decode(ArticleIngested.self).title ?? ""
        }
        #expect(!expected.isEmpty)
        #expect(Set(titles).isSuperset(of: expected), "\(titles)")
        // The API answers as the CLI over the same database does.
        let cli = try claimwatch.run(["claims", "--json", "--database", address, "--cache", cache.path + "/cli"])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(try probe.get("/api/claims").text == cli.stdout)
        let overview = try probe.get("/")
        #expect(overview.status == 200)
        for title in expected.prefix(4) {
            #expect(overview.text.contains(Self.escaped(title)), "the overview lacks \(title)")
        }
        // Every article's page holds its text, which the hosts published with their records:
        // the other host's as much as the first's.
        for article in articles.compactMap({ $0["article"] as? String }) {
            let page = try probe.get("/articles/" + article)
            #expect(page.status == 200)
            #expect(page.text.contains("id=\"text\""), "\(article)'s page shows no text")
            #expect(!page.text.contains("stored text is missing"), "\(article)'s page shows no text")
        }
        #expect(try probe.get("/api/stats").status == 200)

        let late = """
            Flood crews reach Marrow's lower valley

            KESSEL, Nov. 14 — Rescue crews reached the lower valley on Friday, the Marrow Emergency Service said. \
            The service said 23 people had died since the dam gave way, and at least 500 residents were still \
            waiting to be evacuated.
            """
        let stream = try probe.stream("/events", timeout: 180, whileOpen: {
            try beta.drop("late-valley-report.txt", late)
        }, until: { $0.contains("late-valley-report.txt") && $0.contains("event: stats") })
        #expect(stream.contains("event: article.ingested\ndata: {\"seq\":"), "\(stream.suffix(600))")
        #expect(stream.contains("\"path\":\"late-valley-report.txt\""))
        #expect(try probe.get("/").text.contains("Flood crews reach Marrow"))
        // A text published while the server runs comes with its record.
        let lateID = try #require(try beta.records(ofType: ArticleIngested.eventType).map { try $0.decode(ArticleIngested.self) }
            .first { $0.path == "late-valley-report.txt" }?.article)
        #expect(try probe.get("/articles/" + lateID).text.contains("Rescue crews reached the lower valley on Friday"))
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
