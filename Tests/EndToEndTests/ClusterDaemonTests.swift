import EventLog
import Foundation
import PostgresTestSupport
import Testing

/// Two real claimwatchd processes, each with its own state and drop folder, publishing to
/// one real PostgreSQL: whatever fails when, the database holds each host's log exactly,
/// record for record, once.
@Suite struct ClusterDaemonTests {
    @Test("two hosts publish every record once; kill -9 of one mid-burst loses nothing and doubles nothing")
    func twoHostsAndKill() throws {
        let server = try PostgresServer.forTest()
        let database = try server.makeDatabase("hosts")
        let address = server.socketAddress(database)
        let alpha = DaemonHarness("alpha"), beta = DaemonHarness("beta")
        try alpha.start(["--database", address, "--host-name", "alpha"])
        try beta.start(["--database", address, "--host-name", "beta"])
        // One reader follows both hosts from the stream's start.
        #expect(alpha.waitUntil { (try? server.psql("SELECT count(DISTINCT host) FROM claimwatch.events", database: database)) == "2" })
        let tail = try Executable("claimwatch").start(["tail", "-f", "--json", "--database", address, "--after-position", "0"])
        defer { if tail.isRunning { tail.signal(SIGKILL) } }
        let names = (0..<160).map { String(format: "c-%04d.txt", $0) }
        for (index, name) in names.enumerated() {
            try (index.isMultiple(of: 2) ? alpha : beta).drop(name, SampleArticle.text(20_000 + index))
            if index == 80 { alpha.stop(signal: SIGKILL) }
        }
        try alpha.start(["--database", address, "--host-name", "alpha"])
        #expect(alpha.waitForHandled(names.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element), timeout: 240))
        #expect(beta.waitForHandled(names.enumerated().filter { !$0.offset.isMultiple(of: 2) }.map(\.element), timeout: 240))
        #expect(alpha.stop() == 0)
        #expect(beta.stop() == 0)
        try expectPublished(["alpha": alpha, "beta": beta], on: server, database)
        try expectReservations(["alpha": alpha, "beta": beta], on: server, database)
        let lines = try (alpha.records() + beta.records()).map(\.json)
        let followed = tail.waitForLines(lines.count, timeout: 60)
        #expect(followed.sorted() == lines.sorted(), "tail -f --database printed \(followed.count) of \(lines.count) records")
        tail.signal(SIGINT)
        tail.wait()
    }

    @Test("PostgreSQL stopped and started mid-burst: the host keeps taking files, says so, and catches up exactly")
    func outageMidBurst() throws {
        let server = try PostgresServer.ownForTest("e2eoutage")
        defer { server.remove() }
        let database = try server.makeDatabase("outage")
        let address = server.socketAddress(database)
        let host = DaemonHarness("outage")
        try host.start(["--database", address, "--host-name", "solo"])
        defer { host.stop() }
        let names = (0..<90).map { String(format: "o-%04d.txt", $0) }
        for (index, name) in names.enumerated() {
            try host.drop(name, SampleArticle.text(30_000 + index))
            if index == 30 { try server.stop(immediate: true) }
        }
        // Files are taken while the database is away: the log is the truth.
        #expect(host.waitForHandled(names, timeout: 240))
        let warned = host.waitUntil(timeout: 60) { host.process?.standardErrorSoFar.contains("cannot reach the database") == true }
        #expect(warned)
        try server.start()
        let logCount = try host.records().count
        #expect(host.waitUntil(timeout: 120) { (try? Int(server.psql("SELECT count(*) FROM claimwatch.events", database: database))) ?? 0 >= logCount })
        #expect(host.stop() == 0)
        try expectPublished(["solo": host], on: server, database)
    }

    /// Each host's reserved originals are exactly the originals its log records: a
    /// reservation a kill left without its record was released at the next start, and the
    /// file taken again reserved anew.
    private func expectReservations(_ hosts: [String: DaemonHarness], on server: PostgresServer, _ database: String) throws {
        for (name, harness) in hosts {
            let recorded = try harness.records(ofType: ArticleIngested.eventType).map { try $0.decode(ArticleIngested.self).article }
            let reserved = try server.psql("SELECT article FROM claimwatch.originals WHERE host = '\(name)' ORDER BY article",
                                           database: database)
            #expect(reserved.split(separator: "\n").map(String.init) == recorded.sorted(), "host \(name)")
        }
    }

    /// The database holds each host's log exactly: seqs 1…n in order, each line byte for
    /// byte, nothing twice, and the stream's positions without gaps.
    private func expectPublished(_ hosts: [String: DaemonHarness], on server: PostgresServer, _ database: String) throws {
        var total = 0
        for (name, harness) in hosts {
            let lines = try harness.records().map(\.json)
            total += lines.count
            let seqs = try server.psql("SELECT seq FROM claimwatch.events WHERE host = '\(name)' ORDER BY seq", database: database)
            #expect(seqs.split(separator: "\n").compactMap { Int($0) } == Array(1...lines.count), "host \(name)")
            let published = try server.psql("SELECT line FROM claimwatch.events WHERE host = '\(name)' ORDER BY seq", database: database)
            #expect(published.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == lines, "host \(name)")
            let cursor = try server.psql("SELECT published_seq FROM claimwatch.hosts WHERE host = '\(name)'", database: database)
            #expect(cursor == "\(lines.count)", "host \(name)")
        }
        let positions = try server.psql("SELECT count(*), count(DISTINCT position), min(position), max(position) FROM claimwatch.events",
                                        database: database)
        #expect(positions == "\(total)|\(total)|1|\(total)")
    }
}
