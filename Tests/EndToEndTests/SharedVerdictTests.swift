import EventLog
import Foundation
import PostgresTestSupport
import Testing

/// Two real claimwatchd processes on one real PostgreSQL judge against each other's
/// records: a copy on one host of the other's article is a copy, an article of the other's
/// story joins it and its figures are compared with the other's, and two hosts taking
/// copies of one story at the same instant record one original between them.
@Suite struct SharedVerdictTests {
    @Test("a copy on host B of host A's article is its copy; B's article of A's story joins it and its figures meet A's")
    func copiesAndFiguresAcrossHosts() throws {
        let server = try PostgresServer.forTest()
        let database = try server.makeDatabase("verdicts")
        let (alpha, beta) = try Self.twoHosts("v", server.socketAddress(database))
        defer {
            alpha.stop()
            beta.stop()
        }
        let fire = StoriesCommandTests.fire
        try alpha.drop(fire[0].name, fire[0].json)
        #expect(alpha.waitForHandled([fire[0].name]))
        let original = try #require(try alpha.records(ofType: ArticleIngested.eventType).first?.decode(ArticleIngested.self))
        // B takes the same report under another name, and later another outlet's report of the story.
        try beta.drop("copy-of-gazette.json", fire[0].json)
        #expect(beta.waitForHandled(["copy-of-gazette.json"], timeout: 120))
        let copy = try beta.records(ofType: ArticleDuplicate.eventType).first.map { try $0.decode(ArticleDuplicate.self) }
        #expect(copy?.of == original.article)
        #expect(copy?.story == original.story)
        #expect(try beta.records(ofType: ArticleIngested.eventType).isEmpty)

        try beta.drop(fire[1].name, fire[1].json)
        #expect(beta.waitForHandled([fire[1].name], timeout: 120))
        let second = try #require(try beta.records(ofType: ArticleIngested.eventType).first?.decode(ArticleIngested.self))
        #expect(second.story == original.story, "B's report of A's story is in A's story")
        let compared = try beta.records(ofType: FigureCompared.eventType).map { try $0.decode(FigureCompared.self) }
        let alphaClaims = Set(try alpha.records(ofType: ClaimExtracted.eventType).map { try $0.decode(ClaimExtracted.self).claim })
        let named = compared.flatMap { $0.agrees + $0.conflicts }.map(\.claim)
        #expect(named.contains { alphaClaims.contains($0) }, "B's figures are compared with A's: \(named)")
        // The gazette's 3 killed against the Post's 5: a conflict across the hosts.
        #expect(compared.contains { $0.conflicts.contains { alphaClaims.contains($0.claim) } })
        // Neither log holds the other host's records.
        #expect(try beta.records().allSatisfy { record in
            guard record.type == ArticleIngested.eventType else { return true }
            return (try? record.decode(ArticleIngested.self).article) != original.article
        })
    }

    @Test("two hosts given the two copies of several stories at the same instant record exactly one original of each")
    func oneOriginalAcrossHosts() throws {
        let server = try PostgresServer.forTest()
        let database = try server.makeDatabase("oneoriginal")
        let (alpha, beta) = try Self.twoHosts("o", server.socketAddress(database))
        defer {
            alpha.stop()
            beta.stop()
        }
        let stories = 24
        // A's copy as plain text, B's as a web page or a scraper's record of the same report.
        let alphaFiles = (0..<stories).map { ("s\($0)-a.txt", SampleArticle.text(70_000 + $0)) }
        let betaFiles = (0..<stories).map { index -> (String, String) in
            let text = SampleArticle.text(70_000 + index)
            return index.isMultiple(of: 2) ? ("s\(index)-b.html", BurstFiles.html(text)) : ("s\(index)-b.txt", text)
        }
        try alpha.stage(alphaFiles)
        try beta.stage(betaFiles)
        // Both bursts at once: each host renames its files into its drop folder on its own thread.
        let group = DispatchGroup()
        for (state, inbox) in [alpha, beta].map({ ($0.state.path, $0.inbox) }) {
            DispatchQueue.global().async(group: group) { try? DaemonHarness.releaseStaged(state: state, inbox: inbox) }
        }
        group.wait()
        #expect(alpha.waitForHandled(alphaFiles.map(\.0), timeout: 240))
        #expect(beta.waitForHandled(betaFiles.map(\.0), timeout: 240))
        var originals: [String: Int] = [:]
        var copiesOf: [String: Int] = [:]
        for host in [alpha, beta] {
            for record in try host.records(ofType: ArticleIngested.eventType) {
                originals[String(try record.decode(ArticleIngested.self).path.prefix { $0 != "-" }), default: 0] += 1
            }
            for record in try host.records(ofType: ArticleDuplicate.eventType) {
                copiesOf[String(try record.decode(ArticleDuplicate.self).path.prefix { $0 != "-" }), default: 0] += 1
            }
        }
        for story in 0..<stories {
            #expect(originals["s\(story)"] == 1, "story \(story): \(originals["s\(story)"] ?? 0) originals")
            #expect(copiesOf["s\(story)"] == 1, "story \(story): \(copiesOf["s\(story)"] ?? 0) copies")
        }
        let reserved = try server.psql("SELECT count(*) FROM claimwatch.originals", database: database)
        #expect(reserved == "\(stories)")
    }

    @Test("PostgreSQL away while both hosts take copies of the same new stories: after it returns one original remains, the other host's log says so")
    func reconciledAfterOutage() throws {
        let server = try PostgresServer.ownForTest("reconcile")
        defer { server.remove() }
        let database = try server.makeDatabase("reconcile")
        let (alpha, beta) = try Self.twoHosts("r", server.socketAddress(database))
        defer {
            alpha.stop()
            beta.stop()
        }
        try server.stop(immediate: true)
        // Each host its own edition of each story (another headline): near copies, two ids.
        // (The first two stories' editions are the same text, one id on both hosts.)
        let stories = 6
        for story in 0..<stories {
            let text = SampleArticle.text(90_000 + story)
            try alpha.drop("r\(story)-a.txt", text)
            try beta.drop("r\(story)-b.txt", story < 2 ? text : text.replacingOccurrences(of: "Report ", with: "Wire report "))
        }
        #expect(alpha.waitForHandled((0..<stories).map { "r\($0)-a.txt" }, timeout: 120))
        #expect(beta.waitForHandled((0..<stories).map { "r\($0)-b.txt" }, timeout: 120))
        let before = try alpha.records().map(\.json) + beta.records().map(\.json)
        try server.start()
        // One original per story once both hosts have reserved again.
        let settled = alpha.waitUntil(timeout: 180) { ((try? Self.originals([alpha, beta])) ?? [:]).values.allSatisfy { $0 == 1 } }
        #expect(settled, "\((try? Self.originals([alpha, beta])) ?? [:])")
        #expect(try Self.originals([alpha, beta]).count == stories)
        let late = try (alpha.records(ofType: ArticleDuplicate.eventType) + beta.records(ofType: ArticleDuplicate.eventType))
            .map { try $0.decode(ArticleDuplicate.self) }
        #expect(late.count == stories && late.allSatisfy { $0.reconciled == true })
        // Nothing rewritten: what each log held before is still its beginning.
        let after = try alpha.records().map(\.json) + beta.records().map(\.json)
        #expect(before.allSatisfy { after.contains($0) })
        #expect(alpha.stop() == 0)
        #expect(beta.stop() == 0)
        for (name, harness) in [("alpha", alpha), ("beta", beta)] {
            let lines = try harness.records().map(\.json)
            let published = try server.psql("SELECT line FROM claimwatch.events WHERE host = '\(name)' ORDER BY seq", database: database)
            #expect(published.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == lines, "host \(name)")
        }
        let reserved = try server.psql("SELECT count(*) FROM claimwatch.originals", database: database)
        #expect(reserved == "\(stories)")
    }

    /// Two daemons, "alpha" and "beta", on one database.
    private static func twoHosts(_ label: String, _ address: String) throws -> (DaemonHarness, DaemonHarness) {
        let alpha = DaemonHarness("\(label)-alpha"), beta = DaemonHarness("\(label)-beta")
        try alpha.start(["--database", address, "--host-name", "alpha"])
        try beta.start(["--database", address, "--host-name", "beta"])
        return (alpha, beta)
    }

    /// Per story (the file name's prefix): articles recorded as originals and not declared
    /// copies later.
    private static func originals(_ hosts: [DaemonHarness]) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for host in hosts {
            let late = Set(try host.records(ofType: ArticleDuplicate.eventType).map { try $0.decode(ArticleDuplicate.self) }
                .filter { $0.reconciled == true }.map(\.article))
            for record in try host.records(ofType: ArticleIngested.eventType) {
                let ingested = try record.decode(ArticleIngested.self)
                counts[String(ingested.path.prefix { $0 != "-" }), default: 0] += late.contains(ingested.article) ? 0 : 1
            }
        }
        return counts
    }
}

extension DaemonHarness {
    /// Writes files under `<state>/staging`, for `releaseStaged` to move into the drop folder.
    func stage(_ files: [(String, String)]) throws {
        let staging = state.path + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: staging + "/" + name)) }
    }

    /// Renames every staged file into the drop folder, as fast as possible.
    static func releaseStaged(state: String, inbox: String) throws {
        let staging = state + "/staging"
        for name in try FileManager.default.contentsOfDirectory(atPath: staging) {
            guard rename(staging + "/" + name, inbox + "/" + name) == 0 else { throw HarnessError("rename: \(errno)") }
        }
    }
}
