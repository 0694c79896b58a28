import EventLog
import Foundation
import PostgresTestSupport
import Testing

/// Two real claimwatchd processes on one real PostgreSQL that goes away: what beta recorded
/// meanwhile is judged late against alpha's earlier originals, and afterwards beta answers
/// as a single host that took alpha's articles and then beta's, in order, would.
@Suite struct LateVerdictDaemonTests {
    let claimwatch = Executable("claimwatch")
    static let wire = "npa-wire-kessel-dam.txt"
    static let courier = "halvern-courier-dam.html"
    static let copy = "valley-times-syndicated.txt"
    static let other = "river-watch-report.txt"

    @Test("a copy and a version beta took while PostgreSQL was away: its figures, claims and articles are a single host's, live, after a restart and over the stream")
    func singleHostAnswers() throws {
        let server = try PostgresServer.ownForTest("lateanswers")
        defer { server.remove() }
        let database = try server.makeDatabase("lateanswers")
        let address = server.socketAddress(database)
        let (alpha, beta) = (DaemonHarness("la-alpha"), DaemonHarness("la-beta"))
        defer {
            alpha.stop()
            beta.stop()
        }
        try alpha.start(["--database", address, "--host-name", "alpha"])
        try beta.start(["--database", address, "--host-name", "beta", "--log-level", "debug"])
        // Away before either host takes a file: each judges alone, alpha first.
        try server.stop(immediate: true)
        for name in [Self.wire, Self.courier] { try alpha.drop(name, try Self.example(name)) }
        #expect(alpha.waitForHandled([Self.wire, Self.courier], timeout: 120))
        let updated = try Self.updatedCourier()
        try beta.drop(Self.copy, try Self.example(Self.copy))
        try beta.drop("updated-courier.json", updated)
        #expect(beta.waitForHandled([Self.copy, "updated-courier.json"], timeout: 120))
        #expect(try beta.records(ofType: ArticleIngested.eventType).count == 2, "both recorded as originals while away")
        try server.start()
        let reconciled = beta.waitUntil(timeout: 240) {
            ((try? beta.records(ofType: ArticleDuplicate.eventType).count) ?? 0) == 1
                && ((try? beta.records(ofType: ArticleReconciled.eventType).count) ?? 0) == 1
        }
        #expect(reconciled, "beta's late verdicts: a copy and a version")
        #expect(try alpha.records(ofType: ArticleDuplicate.eventType).isEmpty, "alpha's originals were the earlier")

        // The single host: alpha's files, then beta's, one at a time in that order.
        let single = TemporaryFolder("la-single")
        for (name, text) in [(Self.wire, try Self.example(Self.wire)), (Self.courier, try Self.example(Self.courier)),
                             (Self.copy, try Self.example(Self.copy)), ("updated-courier.json", updated)] {
            try ingest(name, text, into: single)
        }

        // Another outlet's article on beta and on the single host, compared alike. Beta is
        // started again first, so it has alpha's records from the stream's beginning (the late
        // verdicts needed only alpha's reservations; the follower's catch-up after an outage
        // is not what this test is about). The live rebuild is what `LateVerdictTests` checks.
        #expect(beta.stop() == 0)
        try beta.start(["--database", address, "--host-name", "beta", "--log-level", "debug"])
        let alphaClaims = try alpha.records(ofType: ClaimExtracted.eventType).count
        #expect(beta.waitUntil(timeout: 120) { Self.applied(by: beta) >= alphaClaims }, "beta applies alpha's claims")
        try beta.drop(Self.other, try Self.example(Self.other))
        #expect(beta.waitForHandled([Self.other], timeout: 120))
        try ingest(Self.other, try Self.example(Self.other), into: single)
        #expect(try Self.comparisons(beta.records(), of: Self.other) == Self.comparisons(Self.records(single), of: Self.other))
        // A copy of the late copy is a copy of alpha's original.
        try beta.drop("copy-again.txt", try Self.example(Self.copy))
        #expect(beta.waitForHandled(["copy-again.txt"], timeout: 120))
        let wireID = try #require(try alpha.records(ofType: ArticleIngested.eventType).first?.decode(ArticleIngested.self).article)
        #expect(try beta.records(ofType: ArticleDuplicate.eventType).last?.decode(ArticleDuplicate.self).of == wireID)

        // Over the stream (every host's records): the same figures, claims and articles as the single host's.
        let remote = ["--database", address, "--cache", single.path + "-projection"]
        #expect(beta.waitUntil(timeout: 120) {
            let count = (try? server.psql("SELECT count(*) FROM claimwatch.events WHERE host = 'beta'", database: database)) ?? ""
            return count == "\((try? beta.records().count) ?? -1)"
        })
        try ingest("copy-again.txt", try Self.example(Self.copy), into: single)
        try expectSameAnswers(remote, ["--state", single.path])

        // After `claimwatch reindex` of beta's state and a restart: the same comparisons.
        #expect(beta.stop() == 0)
        let reindex = try claimwatch.run(["reindex", "--state", beta.state.path])
        #expect(reindex.status == 0, "\(reindex.stderr)")
        try beta.start(["--database", address, "--host-name", "beta", "--log-level", "debug"])
        #expect(beta.waitUntil(timeout: 120) { Self.applied(by: beta) >= alphaClaims }, "beta applies alpha's claims again")
        let again = Self.example(Self.other, replacing: "31", with: "33")
        try beta.drop("river-again.txt", again)
        #expect(beta.waitForHandled(["river-again.txt"], timeout: 120))
        try ingest("river-again.txt", again, into: single)
        #expect(try Self.comparisons(beta.records(), of: "river-again.txt")
            == Self.comparisons(Self.records(single), of: "river-again.txt"))
        // Beta's own state holds no figure and no claim of its own for the late copy.
        let copyID = try #require(try beta.records(ofType: ArticleDuplicate.eventType).first?.decode(ArticleDuplicate.self).article)
        let figures = try claimwatch.run(["figures", "--json", "--state", beta.state.path])
        #expect(figures.status == 0 && !figures.stdout.contains("\"article\":\"\(copyID)\""))
        let articles = try claimwatch.run(["articles", "--json", "--state", beta.state.path])
        #expect(articles.status == 0)
        #expect(!Self.groups(articles.stdout).contains { $0.contains(copyID) }, "\(articles.stdout)")
    }

    @Test("PostgreSQL away while beta takes a copy of alpha's story, beta stopped, PostgreSQL back, beta started: the late verdict still comes")
    func pendingAfterRestart() throws {
        let server = try PostgresServer.ownForTest("latepending")
        defer { server.remove() }
        let database = try server.makeDatabase("latepending")
        let address = server.socketAddress(database)
        let (alpha, beta) = (DaemonHarness("lp-alpha"), DaemonHarness("lp-beta"))
        defer {
            alpha.stop()
            beta.stop()
        }
        try alpha.start(["--database", address, "--host-name", "alpha"])
        try beta.start(["--database", address, "--host-name", "beta"])
        try server.stop(immediate: true)
        try alpha.drop(Self.wire, try Self.example(Self.wire))
        #expect(alpha.waitForHandled([Self.wire], timeout: 120))
        try beta.drop(Self.copy, try Self.example(Self.copy))
        #expect(beta.waitForHandled([Self.copy], timeout: 120))
        // Nothing of the pending original is kept anywhere but in the log.
        #expect(beta.stop() == 0)
        try server.start()
        try beta.start(["--database", address, "--host-name", "beta"])
        let late = beta.waitUntil(timeout: 240) { ((try? beta.records(ofType: ArticleDuplicate.eventType).count) ?? 0) == 1 }
        #expect(late, "the original recorded before the restart was reconciled after it")
        let copy = try beta.records(ofType: ArticleDuplicate.eventType).first.map { try $0.decode(ArticleDuplicate.self) }
        let wire = try alpha.records(ofType: ArticleIngested.eventType).first.map { try $0.decode(ArticleIngested.self) }
        #expect(copy?.reconciled == true && copy?.of == wire?.article)
        let reserved = try server.psql("SELECT count(*) FROM claimwatch.originals", database: database)
        #expect(reserved == "1")
    }

    /// `claimwatch figures` and `claims` (JSON) over `left` and `right` say the same, ids of
    /// copies, positions and times aside; `articles` groups the same articles and copies (which
    /// version stands for a group of equal ones is the first in the stream's order, where the
    /// hosts' records interleave as they were published).
    private func expectSameAnswers(_ left: [String], _ right: [String]) throws {
        for command in [["figures", "--json"], ["claims", "--json"], ["articles", "--json"]] {
            let one = try claimwatch.run(command + left), other = try claimwatch.run(command + right)
            #expect(one.status == 0 && other.status == 0, "\(command): \(one.stderr) \(other.stderr)")
            if command[0] == "articles" {
                #expect(Self.groups(one.stdout) == Self.groups(other.stdout))
            } else {
                #expect(Self.normalized(one.stdout) == Self.normalized(other.stdout), "\(command)")
            }
        }
    }

    /// Each group `articles --json` prints: its articles' ids and its copies' paths.
    static func groups(_ output: String) -> Set<String> {
        Set(output.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let versions = (object["versions"] as? [[String: Any]] ?? []).compactMap { $0["article"] as? String }
            let copies = (object["copies"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            let articles = ((object["article"] as? String).map { [$0] } ?? []) + versions
            return "\(articles.sorted()) copies \(copies.sorted())"
        })
    }

    /// The answer's lines with what differs by host or run taken out (positions, times, paths
    /// in folders of their own, copies' ids), sorted.
    static func normalized(_ output: String) -> [String] {
        output.split(separator: "\n").map { line in
            guard var object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else { return String(line) }
            object = strip(object)
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }.sorted()
    }

    /// Objects in a list sort by what they hold: figures of a topic come in stream order,
    /// where the two hosts' records interleave as they were published.
    private static func strip(_ value: Any) -> Any {
        if let array = value as? [Any], array.allSatisfy({ $0 is [String: Any] || $0 is [Any] }) {
            return array.map(strip).sorted { key($0) < key($1) }
        }
        return stripped(value)
    }

    private static func key(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value),
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func stripped(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var kept: [String: Any] = [:]
            // A copy's id is its own host's (a late copy keeps the id it was recorded under).
            let copy = object["of"] != nil
            for (key, inner) in object where !["seq", "time", "day", "dayIs", "position", "archived", "kept", "file", "crc", "v",
                                                 "latestSeq", "reconciled", "recast"].contains(key) && !(copy && key == "article") {
                kept[key] = strip(inner)
            }
            return kept
        }
        if let array = value as? [Any] { return array.map(strip) }
        return value
    }

    /// How many other hosts' claims the daemon has applied, as its journal says (at debug level).
    static func applied(by host: DaemonHarness) -> Int {
        let journal = host.process?.standardErrorSoFar ?? ""
        guard let line = journal.split(separator: "\n").last(where: { $0.contains("other hosts' records applied") }),
              let range = line.range(of: "claims=") else { return 0 }
        return Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    /// What each of the file's figures was compared with when it came.
    static func comparisons(_ records: [LogRecord], of path: String) throws -> [String] {
        let article = try records.first { $0.type == ArticleIngested.eventType && (try? $0.decode(ArticleIngested.self).path) == path }
            .map { try $0.decode(ArticleIngested.self).article }
        return try records.filter { $0.type == FigureCompared.eventType }.map { try $0.decode(FigureCompared.self) }
            .filter { $0.article == article }
            .map { "\($0.claim)#\($0.index) \($0.label): agrees \($0.agrees.map(\.claim).sorted()) conflicts \($0.conflicts.map(\.claim).sorted())" }
    }

    static func records(_ state: TemporaryFolder) throws -> [LogRecord] {
        let cursor = try EventLogReader(directory: state.path + "/log").cursor()
        var records: [LogRecord] = []
        while case let .record(record)? = try cursor.next() { records.append(record) }
        return records
    }

    /// Takes one file into the single host's state, as `claimwatch ingest` does.
    private func ingest(_ name: String, _ text: String, into state: TemporaryFolder) throws {
        let folder = state.path + "-in/" + name + ".d"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        let run = try claimwatch.run(["ingest", "--state", state.path, folder])
        #expect(run.status == 0, "\(run.stderr)")
    }

    static func example(_ name: String) throws -> String {
        try String(contentsOfFile: ArticleCommandTests.examples + "/" + name, encoding: .utf8)
    }

    static func example(_ name: String, replacing old: String, with new: String) -> String {
        ((try? example(name)) ?? "").replacingOccurrences(of: old, with: new)
    }

    /// The Courier's story as its scraper's record, a day later: the toll changed, nothing else.
    static func updatedCourier() throws -> String {
        try example("halvern-courier-dam.json").replacingOccurrences(of: "put the toll at 19", with: "put the toll at 23")
    }
}
