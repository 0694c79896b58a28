import EventLog
import Foundation
import PostgresTestSupport
import Testing

/// The reading commands over the cluster's shared database (`--database`): two real
/// claimwatchd hosts publish the example story's files into one real PostgreSQL, and each
/// command answers for both, as it answers for one host over that host's own state.
@Suite struct ClusterQueryTests {
    // No text on both hosts: an article both took would be one article in the cluster.
    static let alphaFiles = ["halvern-courier-dam.html", "halvern-courier-dam.json", "river-watch-report.txt",
                             "kessel-hydro-statement.md"]
    static let betaFiles = ["metro-daily-reheadlined.txt", "npa-wire-kessel-dam.txt", "coastal-post-trimmed.txt",
                            "valley-times-syndicated.txt"]
    static let commands = [["stats", "--json"], ["articles", "--json"], ["dupes", "--json"], ["claims", "--json"],
                           ["figures", "--json"], ["claimants", "--json"], ["stories", "--json"]]

    let claimwatch = Executable("claimwatch")

    /// Drops the files into the host's folder and waits until it took them and published
    /// its whole log.
    static func take(_ files: [String], on host: DaemonHarness, name: String, server: PostgresServer, database: String) throws {
        for file in files {
            let text = try String(contentsOfFile: ArticleCommandTests.examples + "/" + file, encoding: .utf8)
            try host.drop(file, text)
        }
        #expect(host.waitForHandled(files, timeout: 240))
        let published = host.waitUntil(timeout: 240) {
            let count = (try? server.psql("SELECT count(*) FROM claimwatch.events WHERE host = '\(name)'", database: database)) ?? ""
            return count == "\((try? host.records().count) ?? -1)"
        }
        #expect(published, "host \(name) did not publish its whole log")
    }

    /// Every id-like value (article, claim, copy, story ids) a JSON answer names.
    static func identifiers(in text: String, of host: DaemonHarness) throws -> Set<String> {
        var ids = Set<String>()
        for record in try host.records() {
            switch record.type {
            case ArticleIngested.eventType: ids.insert(try record.decode(ArticleIngested.self).article)
            case ArticleDuplicate.eventType: ids.insert(try record.decode(ArticleDuplicate.self).article)
            case ClaimExtracted.eventType: ids.insert(try record.decode(ClaimExtracted.self).claim)
            default: continue
            }
        }
        return ids.filter { text.contains($0) }
    }

    static func number(_ key: String, in json: String) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return (object[key] as? NSNumber)?.intValue
    }

    @Test("with --database the seven reading commands and show answer for both hosts, and for one host exactly as over its own state")
    func sevenCommands() throws {
        let server = try PostgresServer.forTest()
        let database = try server.makeDatabase("queries")
        let address = server.socketAddress(database)
        let cache = TemporaryFolder("clusterq-cache")
        let alpha = DaemonHarness("q-alpha"), beta = DaemonHarness("q-beta")
        defer {
            alpha.stop()
            beta.stop()
        }
        try alpha.start(["--database", address, "--host-name", "alpha"])
        try Self.take(Self.alphaFiles, on: alpha, name: "alpha", server: server, database: database)

        // One host in the stream: the database's answers are its state's, byte for byte.
        let remote = ["--database", address, "--cache", cache.path + "/projection"]
        for command in Self.commands {
            let local = try claimwatch.run(command + ["--state", alpha.state.path])
            let cluster = try claimwatch.run(command + remote)
            #expect(local.status == 0, "\(command): \(local.stderr)")
            #expect(cluster.status == 0, "\(command) --database: \(cluster.stderr)")
            #expect(!local.stdout.isEmpty, "\(command)")
            #expect(cluster.stdout == local.stdout, "\(command) --database differs from the host's own answer")
        }
        // `show` of every article and copy too, its text included, from the projection's texts.
        try expectSameShow(of: alpha, as: remote)

        try beta.start(["--database", address, "--host-name", "beta"])
        try Self.take(Self.betaFiles, on: beta, name: "beta", server: server, database: database)
        // Both hosts: every article, copy and claim either host's own answer names is in the
        // cluster's, and the counts are the sums (the hosts took different files).
        for command in Self.commands where command[0] != "stats" {
            let cluster = try claimwatch.run(command + remote)
            #expect(cluster.status == 0, "\(command) --database: \(cluster.stderr)")
            for host in [alpha, beta] {
                let local = try claimwatch.run(command + ["--state", host.state.path])
                let named = try Self.identifiers(in: local.stdout, of: host)
                #expect(try Self.identifiers(in: cluster.stdout, of: host).isSuperset(of: named),
                        "\(command) --database leaves out some of \(host.state.path)'s answer")
            }
        }
        let stats = try claimwatch.run(["stats", "--json"] + remote).stdout
        let alphaStats = try claimwatch.run(["stats", "--json", "--state", alpha.state.path]).stdout
        let betaStats = try claimwatch.run(["stats", "--json", "--state", beta.state.path]).stdout
        for key in ["articles", "copies", "claims", "figures"] {
            let sum = (Self.number(key, in: alphaStats) ?? -1) + (Self.number(key, in: betaStats) ?? -1)
            #expect(Self.number(key, in: stats) == sum, "stats \(key): \(stats)")
        }
        #expect(Self.number("articles", in: stats) ?? 0 > 0)
        // A story over the stream is the cluster's: the hosts judge stories against each other's
        // records, so beta's reports of alpha's story are in it beside every record alpha's own
        // answer holds, in the same order.
        let stories = try claimwatch.run(["stories", "--json", "--state", alpha.state.path]).stdout
        let story = try #require(stories.split(separator: "\n").first.flatMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["story"] as? String
        })
        let localStory = try claimwatch.run(["tail", "--json", "--story", story, "--state", alpha.state.path])
        let clusterStory = try claimwatch.run(["tail", "--json", "--story", story] + remote)
        #expect(clusterStory.status == 0, "\(clusterStory.stderr)")
        #expect(!localStory.stdout.isEmpty)
        let clusterLines = clusterStory.stdout.split(separator: "\n")
        var remaining = clusterLines[...]
        for line in localStory.stdout.split(separator: "\n") {
            guard let found = remaining.firstIndex(of: line) else {
                Issue.record("alpha's record is missing from the cluster's story, or out of order: \(line)")
                break
            }
            remaining = remaining[(found + 1)...]
        }
        #expect(!(try Self.identifiers(in: clusterStory.stdout, of: beta)).isEmpty,
                "none of beta's reports joined alpha's story: \(clusterStory.stdout)")
        // Beta's articles are shown over the stream with the text of the version shown (the
        // fullest of its story across both hosts), as the host that took that one stored it.
        for record in try beta.records(ofType: ArticleIngested.eventType) {
            let article = try record.decode(ArticleIngested.self).article
            let shown = try claimwatch.run(["show", article] + remote)
            #expect(shown.status == 0, "\(shown.stderr)")
            let content = try #require(shown.stdout.split(separator: "\n").first { $0.hasPrefix("content ") }?
                .split(separator: " ").last.map(String.init))
            let texts = [alpha, beta].compactMap { host in
                try? String(contentsOfFile: host.state.path + "/articles/" + content.prefix(2) + "/" + content + ".txt", encoding: .utf8)
            }
            #expect(!texts.isEmpty && shown.stdout.contains(texts[0]), "show \(article) --database leaves out its text")
        }
        // The cache is the stream's, not a log's: the commands that read one host's own files refuse.
        for command in [["verify"], ["reindex"], ["ingest", "/nonexistent"]] {
            let refused = try claimwatch.run(command + ["--database", address])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("cannot answer from the cluster's database"), "\(command): \(refused.stderr)")
        }
    }

    /// `show` (and `show --json`, and `show --copy` of each copy) of every article `host`
    /// took answers the same over the stream as over its state folder.
    private func expectSameShow(of host: DaemonHarness, as remote: [String]) throws {
        let articles = try host.records(ofType: ArticleIngested.eventType).map { try $0.decode(ArticleIngested.self).article }
        let copies = try host.records(ofType: ArticleDuplicate.eventType).map { try $0.decode(ArticleDuplicate.self).article }
        #expect(!articles.isEmpty && !copies.isEmpty, "the example story makes articles and copies")
        let asked = articles.flatMap { [["show", $0], ["show", $0, "--json"]] }
            + copies.flatMap { [["show", $0], ["show", $0, "--copy"], ["show", $0, "--copy", "--json"]] }
        for command in asked {
            let local = try claimwatch.run(command + ["--state", host.state.path])
            let cluster = try claimwatch.run(command + remote)
            #expect(local.status == 0, "\(command): \(local.stderr)")
            #expect(cluster.status == 0, "\(command) --database: \(cluster.stderr)")
            #expect(cluster.stdout == local.stdout, "\(command) --database differs from the host's own answer")
        }
    }

    @Test("a password reaches neither the cache's path nor its files nor an error message")
    func passwordStaysOut() throws {
        let server = try PostgresServer.forTest()
        let database = try server.makeDatabase("secret")
        let host = DaemonHarness("q-secret")
        defer { host.stop() }
        try host.start(["--database", server.socketAddress(database), "--host-name", "solo"])
        try Self.take(["npa-wire-kessel-dam.txt"], on: host, name: "solo", server: server, database: database)
        let home = TemporaryFolder("clusterq-home")
        let environment = ["XDG_CACHE_HOME": home.path, "CLAIMWATCH_DATABASE": server.tcpAddress(database)]
        let answered = try claimwatch.run(["stats", "--json", "--database-password-file", server.passwordFile], environment: environment)
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(!answered.stderr.contains(server.password))
        let files = FileManager.default.enumerator(atPath: home.path)?.allObjects as? [String] ?? []
        #expect(files.contains { $0.hasPrefix("claimwatch/") && $0.hasSuffix("claims.sqlite") }, "\(files)")
        for file in files {
            #expect(!file.contains(server.password))
            let bytes = FileManager.default.contents(atPath: home.path + "/" + file) ?? Data()
            #expect(bytes.range(of: Data(server.password.utf8)) == nil, "\(file) holds the password")
        }
        let wrong = "not-the-password-4711"
        var refusedEnvironment = environment
        refusedEnvironment["CLAIMWATCH_DATABASE_PASSWORD"] = wrong
        let refused = try claimwatch.run(["claims"], environment: refusedEnvironment)
        #expect(refused.status != 0)
        #expect(!refused.stderr.isEmpty)
        #expect(!refused.stderr.contains(wrong) && !refused.stdout.contains(wrong))
    }
}
