import ClusterStore
import EventLog
import Foundation
import PostgresTestSupport
import Testing

/// A host's log published to a real PostgreSQL: every record once, in order, whatever
/// stops and starts.
@Suite struct PublishingTests {
    @Test("every durable record is published once, byte for byte, with gapless positions")
    func publishesTheLog() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "publish")
        let host = try TestHost("alpha")
        defer { host.remove() }
        try await host.append(250)
        let publisher = try host.publisher(try database.configuration)
        let running = Task { await publisher.run() }
        try await host.append(40, note: "live")
        #expect(await eventually { await database.count() == 290 })
        publisher.finish()
        await running.value

        let rows = try database.published()
        let lines = try host.lines()
        #expect(rows.map(\.position) == Array(1...290))
        #expect(rows.map(\.seq) == Array(1...290))
        #expect(rows.allSatisfy { $0.host == "alpha" && $0.line == lines[$0.seq] })
        #expect(publisher.status.publishedSeq == 290)
        #expect(publisher.status.phase == .connected)
    }

    @Test("a publisher started again resumes at the database's cursor: nothing twice, nothing skipped")
    func resumesAtTheCursor() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "resume")
        let host = try TestHost("alpha")
        defer { host.remove() }
        for round in 0..<3 {
            try await host.append(70, note: "round \(round)")
            let publisher = try host.publisher(try database.configuration)
            let running = Task { await publisher.run() }
            #expect(await eventually { await database.count() == 70 * (round + 1) })
            publisher.finish()
            await running.value
        }
        let rows = try database.published()
        #expect(rows.map(\.seq) == Array(1...210))
        #expect(try database.server.psql("SELECT published_seq FROM claimwatch.hosts WHERE host = 'alpha'", database: database.name) == "210")
    }

    @Test("two hosts publishing at once make one stream: positions without gaps, each host's records in its order")
    func twoHostsOneStream() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "twohosts")
        let hosts = [try TestHost("alpha"), try TestHost("beta")]
        defer { hosts.forEach { $0.remove() } }
        let publishers = try hosts.map { try $0.publisher(try database.configuration) }
        let running = publishers.map { publisher in Task { await publisher.run() } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for host in hosts {
                group.addTask {
                    for round in 0..<20 { try await host.append(15, note: "\(host.name) \(round)") }
                }
            }
            try await group.waitForAll()
        }
        #expect(await eventually { await database.count() == 600 })
        publishers.forEach { $0.finish() }
        for task in running { await task.value }

        let rows = try database.published()
        #expect(rows.map(\.position) == Array(1...600))
        for host in hosts {
            let own = rows.filter { $0.host == host.name }
            let lines = try host.lines()
            #expect(own.map(\.seq) == Array(1...300))
            #expect(own.allSatisfy { $0.line == lines[$0.seq] })
        }
    }

    @Test("another log under a host name already published is refused, and nothing of it is written")
    func refusesAnotherLogUnderTheSameName() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "foreign")
        let first = try TestHost("shared-name")
        let second = try TestHost("shared-name")
        defer { first.remove(); second.remove() }
        try await first.append(30, note: "first")
        let publisher = try first.publisher(try database.configuration)
        let running = Task { await publisher.run() }
        #expect(await eventually { await database.count() == 30 })
        publisher.finish()
        await running.value

        // Longer, and different: it must not be appended after the first log's records.
        try await second.append(45, note: "second")
        let impostor = try second.publisher(try database.configuration)
        let impostorRun = Task { await impostor.run() }
        #expect(await eventually {
            if case .refused = impostor.status.phase { return true }
            return false
        })
        #expect(impostor.status.problem?.contains("not this log's") == true)
        #expect(impostor.statusNote?.contains("database refuses") == true)
        impostor.finish()
        await impostorRun.value
        let rows = try database.published()
        let lines = try first.lines()
        #expect(rows.count == 30)
        #expect(rows.allSatisfy { $0.line == lines[$0.seq] })
    }

    @Test("the server stops mid-stream: the log goes on, the status says so, and all is published once when it returns")
    func outageAndCatchUp() async throws {
        let server = try PostgresServer.ownForTest("outage")
        defer { server.remove() }
        let database = try TestDatabase(server, "outage")
        let host = try TestHost("alpha")
        defer { host.remove() }
        let publisher = try host.publisher(try database.configuration)
        let running = Task { await publisher.run() }
        try await host.append(60, note: "before")
        #expect(await eventually { await database.count() == 60 })

        try server.stop(immediate: true)
        for round in 0..<10 { try await host.append(20, note: "during \(round)") }
        #expect(await eventually {
            if case .unreachable = publisher.status.phase { return true }
            return false
        })
        #expect(publisher.status.outages == 1)
        #expect(publisher.statusNote?.contains("database unreachable") == true)
        #expect(publisher.statusNote?.contains("200 records to publish") == true)

        try server.start()
        #expect(await eventually { await database.count() == 260 })
        #expect(publisher.status.phase == .connected)
        #expect(publisher.statusNote == nil)
        publisher.finish()
        await running.value
        let rows = try database.published()
        let lines = try host.lines()
        #expect(rows.map(\.seq) == Array(1...260))
        #expect(rows.map(\.position) == Array(1...260))
        #expect(rows.allSatisfy { $0.line == lines[$0.seq] })
    }

    @Test("finishing while the database is away returns at once; the next start catches up")
    func finishDuringOutage() async throws {
        let host = try TestHost("alpha")
        defer { host.remove() }
        try await host.append(5)
        // Nothing listens on this socket folder.
        let address = try DatabaseAddress(parsing: "postgresql://claimwatch@/none?host=/tmp/claimwatch-no-server-here")
        let publisher = try host.publisher(DatabaseConfiguration(address: address))
        let running = Task { await publisher.run() }
        #expect(await eventually {
            if case .unreachable = publisher.status.phase { return true }
            return false
        })
        let started = ContinuousClock.now
        publisher.finish()
        await running.value
        #expect(ContinuousClock.now - started < .seconds(30))
    }
}
