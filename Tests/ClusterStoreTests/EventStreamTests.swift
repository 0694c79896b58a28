import ClusterStore
import Foundation
import PostgresTestSupport
import Synchronization
import Testing

@Suite struct EventStreamTests {
    /// Two hosts' records published into a fresh database.
    private func publishedStream(_ label: String) async throws -> (TestDatabase, [TestHost]) {
        let database = try TestDatabase(try PostgresServer.forTest(), label)
        let hosts = [try TestHost("alpha"), try TestHost("beta")]
        for host in hosts {
            try await host.append(30, note: host.name)
            let publisher = try host.publisher(try database.configuration)
            let running = Task { await publisher.run() }
            _ = await eventually { publisher.status.publishedSeq == 30 }
            publisher.finish()
            await running.value
        }
        return (database, hosts)
    }

    @Test("the last records of some types and hosts, oldest first")
    func lastRecords() async throws {
        let (database, hosts) = try await publishedStream("last")
        defer { hosts.forEach { $0.remove() } }
        let connection = try await database.connect()
        let stream = EventStream(connection: connection)
        try await stream.check()
        #expect(try await stream.head() == 60)

        let rejected = try await stream.last(5, filter: StreamFilter(types: ["file"], hosts: ["beta"]))
        #expect(rejected.count == 5)
        #expect(rejected.allSatisfy { $0.host == "beta" && $0.type == "file.rejected" })
        #expect(rejected.map(\.position) == rejected.map(\.position).sorted())
        #expect(rejected.last?.seq == 29)
        #expect(try await stream.holds(type: "watch"))
        #expect(try await stream.holds(type: "article") == false)
        await connection.close()
    }

    @Test("following wakes on each publish and hands over every new record once, in stream order")
    func follows() async throws {
        let (database, hosts) = try await publishedStream("follow")
        defer { hosts.forEach { $0.remove() } }
        let publishers = try hosts.map { try $0.publisher(try database.configuration) }
        let running = publishers.map { publisher in Task { await publisher.run() } }

        let received = Mutex<[StreamRecord]>([])
        let connection = try await database.connect()
        let follower = Task {
            try await EventStream(connection: connection).follow(after: 55, filter: StreamFilter(), deliver: { record in
                received.withLock { $0.append(record) }
            }, reached: { _ in })
        }
        for round in 0..<5 {
            for host in hosts { try await host.append(4, note: "\(host.name) late \(round)") }
        }
        #expect(await eventually { received.withLock { $0.count } == 5 + 40 })
        follower.cancel()
        _ = await follower.result
        await connection.close()
        publishers.forEach { $0.finish() }
        for task in running { await task.value }

        let positions = received.withLock { $0.map(\.position) }
        #expect(positions == Array(56...100))
        let lines = try hosts.map { try $0.lines() }
        #expect(received.withLock { records in
            records.allSatisfy { record in record.line == lines[record.host == "alpha" ? 0 : 1][record.seq] }
        })
    }
}
