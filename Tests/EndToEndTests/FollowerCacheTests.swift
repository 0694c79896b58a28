import EventLog
import Foundation
import PostgresTestSupport
import Testing

/// A host keeps the other hosts' records it followed in its state folder
/// (`index/other-hosts.bin`), so a restart reads only what the stream holds past it, and
/// judges as before; a cache of another database, or a torn one, is read again from the stream.
@Suite struct FollowerCacheTests {
    /// The record types a host's memory takes from the other hosts.
    static let followedTypes: Set<String> = [ArticleIngested.eventType, ArticleDuplicate.eventType,
                                             ClaimExtracted.eventType, StoryMerged.eventType]

    @Test("a restarted host reads only the records published since it stopped, and still judges against all of them")
    func restartReadsOnlyWhatIsNew() throws {
        let (server, database, alpha, beta) = try Self.twoHosts("resume")
        defer {
            alpha.stop()
            beta.stop()
        }
        let address = server.socketAddress(database)
        let fire = StoriesCommandTests.fire
        try alpha.drop(fire[0].name, fire[0].json)
        for index in 0..<3 { try alpha.drop("first-\(index).txt", SampleArticle.text(61_000 + index)) }
        #expect(alpha.waitForHandled([fire[0].name] + (0..<3).map { "first-\($0).txt" }))
        try beta.drop("copy-1.json", fire[0].json)
        #expect(beta.waitForHandled(["copy-1.json"], timeout: 120))
        let firstPart = try Self.followed(alpha)
        try Self.waitUntilCached(firstPart, by: beta)
        #expect(beta.stop() == 0)

        for index in 0..<2 { try alpha.drop("second-\(index).txt", SampleArticle.text(62_000 + index)) }
        #expect(alpha.waitForHandled((0..<2).map { "second-\($0).txt" }))
        let all = try Self.followed(alpha)
        Self.waitUntilPublished(alpha, server, database)
        let listener = try NotifyListener(in: beta.state.path)
        try beta.start(["--database", address, "--host-name", "beta"], environment: ["NOTIFY_SOCKET": listener.path])
        let journal = try #require(beta.process?.standardErrorSoFar)
        let caughtUp = try #require(Self.fields(of: "other hosts' records caught up", in: journal))
        #expect(caughtUp["from-cache"] == "\(firstPart.count)", "\(caughtUp)")
        #expect(caughtUp["from-stream"] == "\(all.count - firstPart.count)", "\(caughtUp)")
        // The catch-up said in STATUS= while it lasted, before READY=1.
        let notes = listener.waitFor("READY=1")
        #expect(notes.contains { $0.contains("learning the other hosts' records: \(firstPart.count) applied") }, "\(notes)")

        // The same answers as before the restart: a copy of alpha's article is its copy, and
        // an article of its story has its figures compared with alpha's.
        let original = try #require(try alpha.records(ofType: ArticleIngested.eventType).first?.decode(ArticleIngested.self))
        try beta.drop("copy-2.json", fire[0].json)
        try beta.drop(fire[1].name, fire[1].json)
        #expect(beta.waitForHandled(["copy-2.json", fire[1].name], timeout: 120))
        let copies = try beta.records(ofType: ArticleDuplicate.eventType).map { try $0.decode(ArticleDuplicate.self) }
        #expect(copies.map(\.path) == ["copy-1.json", "copy-2.json"] && copies.allSatisfy { $0.of == original.article })
        let alphaClaims = Set(try alpha.records(ofType: ClaimExtracted.eventType).map { try $0.decode(ClaimExtracted.self).claim })
        let compared = try beta.records(ofType: FigureCompared.eventType).map { try $0.decode(FigureCompared.self) }
        #expect(compared.contains { $0.conflicts.contains { alphaClaims.contains($0.claim) } })
        let running = try #require(beta.process)
        #expect(beta.stop() == 0)
        // Nothing was learned through a reservation instead: the memory held alpha's records.
        let verdicts = try #require(Self.fields(of: "shared verdicts", in: running.standardErrorSoFar))
        #expect(verdicts["learned-from-reservations"] == "0", "\(verdicts)")
        #expect(verdicts["other-hosts-articles"] == "\(all.filter { $0.type == ArticleIngested.eventType }.count)", "\(verdicts)")
    }

    @Test("a cache made from another database is thrown away, and none of its records is applied")
    func cacheOfAnotherDatabase() throws {
        let (server, _, alpha, beta) = try Self.twoHosts("cachefirst")
        defer {
            alpha.stop()
            beta.stop()
        }
        let second = try server.makeDatabase("cachesecond")
        let fire = StoriesCommandTests.fire
        try alpha.drop(fire[0].name, fire[0].json)
        #expect(alpha.waitForHandled([fire[0].name]))
        try Self.waitUntilCached(try Self.followed(alpha), by: beta)
        #expect(beta.stop() == 0)

        try beta.start(["--database", server.socketAddress(second), "--host-name", "beta"])
        let journal = try #require(beta.process?.standardErrorSoFar)
        #expect(journal.contains("the local cache of the other hosts' records is not used: it was made from another database"))
        #expect(Self.fields(of: "other hosts' records caught up", in: journal)?["from-cache"] == "0")
        // alpha's article is not in this database's stream: beta's file is an original.
        try beta.drop("copy.json", fire[0].json)
        #expect(beta.waitForHandled(["copy.json"], timeout: 120))
        #expect(try beta.records(ofType: ArticleDuplicate.eventType).isEmpty)
        #expect(try beta.records(ofType: ArticleIngested.eventType).count == 1)
    }

    @Test("a torn cache, or one naming a text the article store lost, is cut there and the rest read again from the stream")
    func tornCache() throws {
        let (server, database, alpha, beta) = try Self.twoHosts("torn")
        defer {
            alpha.stop()
            beta.stop()
        }
        let address = server.socketAddress(database)
        let fire = StoriesCommandTests.fire
        try alpha.drop(fire[0].name, fire[0].json)
        #expect(alpha.waitForHandled([fire[0].name]))
        for index in 0..<3 {
            try alpha.drop("more-\(index).txt", SampleArticle.text(63_000 + index))
            #expect(alpha.waitForHandled(["more-\(index).txt"]))
        }
        let followed = try Self.followed(alpha)
        try Self.waitUntilCached(followed, by: beta)
        #expect(beta.stop() == 0)
        let original = try #require(try alpha.records(ofType: ArticleIngested.eventType).first?.decode(ArticleIngested.self))

        // A crash mid-append: the last frame loses its end.
        let cache = beta.state.path + "/index/other-hosts.bin"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: cache)[.size] as? Int)
        #expect(truncate(cache, off_t(size - 5)) == 0)
        try beta.start(["--database", address, "--host-name", "beta"])
        var journal = try #require(beta.process?.standardErrorSoFar)
        #expect(journal.contains("the local cache of the other hosts' records was cut short: a torn frame at its end"))
        var caughtUp = try #require(Self.fields(of: "other hosts' records caught up", in: journal))
        #expect(Int(caughtUp["from-stream"] ?? "") ?? 0 > 0, "\(caughtUp)")
        #expect((Int(caughtUp["from-cache"] ?? "") ?? 0) + (Int(caughtUp["from-stream"] ?? "") ?? 0) == followed.count, "\(caughtUp)")
        #expect(beta.stop() == 0)

        // A crash between a frame's append and its texts' storing: the text is missing.
        let text = beta.state.path + "/articles/" + original.content.prefix(2) + "/" + original.content + ".txt"
        #expect(unlink(text) == 0)
        try beta.start(["--database", address, "--host-name", "beta"])
        journal = try #require(beta.process?.standardErrorSoFar)
        #expect(journal.contains("was cut short: the text of \(original.content) is not in the article store"))
        caughtUp = try #require(Self.fields(of: "other hosts' records caught up", in: journal))
        #expect((Int(caughtUp["from-cache"] ?? "") ?? 0) + (Int(caughtUp["from-stream"] ?? "") ?? 0) == followed.count, "\(caughtUp)")
        try beta.drop("copy.json", fire[0].json)
        #expect(beta.waitForHandled(["copy.json"], timeout: 120))
        let copy = try beta.records(ofType: ArticleDuplicate.eventType).first.map { try $0.decode(ArticleDuplicate.self) }
        #expect(copy?.of == original.article)
        #expect(FileManager.default.fileExists(atPath: text), "the text came again with its record")
    }

    @Test("killed (-9) while it follows a burst of the other host's, the next start applies each of its records once")
    func killedWhileFollowing() throws {
        let (server, database, alpha, beta) = try Self.twoHosts("killed")
        defer {
            alpha.stop()
            beta.stop()
        }
        let address = server.socketAddress(database)
        let names = (0..<60).map { "burst-\($0).txt" }
        for (index, name) in names.enumerated() {
            try alpha.drop(name, SampleArticle.text(64_000 + index))
            if index == 30 { beta.stop(signal: SIGKILL) }
        }
        #expect(alpha.waitForHandled(names, timeout: 240))
        Self.waitUntilPublished(alpha, server, database)
        try beta.start(["--database", address, "--host-name", "beta"])
        let running = try #require(beta.process)
        let followed = try Self.followed(alpha)
        let caughtUp = try #require(Self.fields(of: "other hosts' records caught up", in: running.standardErrorSoFar))
        #expect((Int(caughtUp["from-cache"] ?? "") ?? 0) + (Int(caughtUp["from-stream"] ?? "") ?? 0) == followed.count, "\(caughtUp)")
        // Copies of articles alpha took before and after the kill are judged against alpha's.
        let originals = try alpha.records(ofType: ArticleIngested.eventType).map { try $0.decode(ArticleIngested.self) }
        for index in [5, 50] { try beta.drop("copy-\(index).txt", SampleArticle.text(64_000 + index)) }
        #expect(beta.waitForHandled(["copy-5.txt", "copy-50.txt"], timeout: 120))
        let copies = try beta.records(ofType: ArticleDuplicate.eventType).map { try $0.decode(ArticleDuplicate.self) }
        #expect(Set(copies.map(\.of)) == Set(originals.filter { ["burst-5.txt", "burst-50.txt"].contains($0.path) }.map(\.article)))
        #expect(beta.stop() == 0)
        let verdicts = try #require(Self.fields(of: "shared verdicts", in: running.standardErrorSoFar))
        #expect(verdicts["other-hosts-articles"] == "\(originals.count)", "each of alpha's articles applied once: \(verdicts)")
        #expect(verdicts["learned-from-reservations"] == "0", "\(verdicts)")
    }

    /// A database of its own on the tests' PostgreSQL, and hosts "alpha" and "beta" started on it.
    static func twoHosts(_ label: String) throws -> (PostgresServer, String, DaemonHarness, DaemonHarness) {
        let server = try PostgresServer.forTest()
        let database = try server.makeDatabase(label)
        let address = server.socketAddress(database)
        let (alpha, beta) = (DaemonHarness("\(label)-alpha"), DaemonHarness("\(label)-beta"))
        try alpha.start(["--database", address, "--host-name", "alpha"])
        try beta.start(["--database", address, "--host-name", "beta"])
        return (server, database, alpha, beta)
    }

    /// Waits until the database holds every record of alpha's log.
    static func waitUntilPublished(_ alpha: DaemonHarness, _ server: PostgresServer, _ database: String) {
        let published = alpha.waitUntil(timeout: 120) {
            (try? server.psql("SELECT count(*) FROM claimwatch.events WHERE host = 'alpha'", database: database))
                == "\((try? alpha.records().count) ?? -1)"
        }
        #expect(published, "alpha's log is not all in the database")
    }

    /// The records of `host` that other hosts follow, in its log's order.
    static func followed(_ host: DaemonHarness) throws -> [LogRecord] {
        try host.records().filter { followedTypes.contains($0.type) }
    }

    /// Waits until `follower`'s cache holds the last of `records` (its line is kept byte for byte).
    static func waitUntilCached(_ records: [LogRecord], by follower: DaemonHarness) throws {
        let last = try #require(records.last)
        let cache = follower.state.path + "/index/other-hosts.bin"
        let cached = follower.waitUntil(timeout: 120) {
            (FileManager.default.contents(atPath: cache)?.range(of: Data(last.json.utf8))) != nil
        }
        #expect(cached, "the cache never held alpha's last record")
    }

    /// The `key=value` pairs of the last journal line holding `message`.
    static func fields(of message: String, in journal: String) -> [String: String]? {
        guard let line = journal.split(separator: "\n").last(where: { $0.contains(message) }),
              let start = line.range(of: message)?.upperBound else { return nil }
        var fields: [String: String] = [:]
        for pair in line[start...].split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }
}
