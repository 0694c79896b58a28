import ClusterStore
import Dispatch
import Foundation
import Ingest
import PostgresTestSupport
import Testing

/// The reserver's work runs on the driver's event loop, not on the cooperative pool: a
/// reservation (its connection, the schema's migrations and the call itself) completes while
/// every thread of the pool is blocked. Before, it waited out its timeout in such a process
/// (a test runner at a load of 30, its synchronous tests polling their subprocesses).
@Suite struct ReservationOffPoolTests {
    @Test("a reservation completes while every thread of the cooperative pool is blocked")
    func reservesWithThePoolBlocked() throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "offpool")
        // A hang is bounded by this; a bridge that needs the pool fails by waiting it out.
        let reserver = OriginalReserver(database: try database.configuration, host: "alpha", logger: TestHost.quiet,
                                        timeout: .seconds(60))
        defer { reserver.close() }
        let blockade = PoolBlockade()
        let blocked = blockade.block()
        let first = reserver.reserve(ReservationTests.request(story: 1, host: "alpha", article: "a1"), known: [])
        let second = reserver.reserve(ReservationTests.request(story: 2, host: "alpha", article: "a2"), known: [])
        let probeRanMeanwhile = blockade.probeRan
        blockade.release()
        #expect(blocked, "the cooperative pool could not be blocked")
        #expect(!probeRanMeanwhile, "a task ran on the cooperative pool while it was meant to be blocked")
        #expect(first == .reserved)
        #expect(second == .reserved)
        let count = try database.server.psql("SELECT count(*) FROM claimwatch.originals", database: database.name)
        #expect(count == "2")
    }
}

/// Blocks every thread of the cooperative pool (as many as the machine has processors; the
/// caller's own, when it is one of them, counts), until `release()`.
private final class PoolBlockade: Sendable {
    private let width = ProcessInfo.processInfo.activeProcessorCount
    private let held = DispatchSemaphore(value: 0)
    private let started = DispatchSemaphore(value: 0)
    private let probe = DispatchSemaphore(value: 0)

    /// Starts a blocking task per thread, then a probe task; true once the probe has not run
    /// for a second, so no thread is left for it.
    func block() -> Bool {
        for _ in 0..<width {
            Task.detached { [started, held] in
                started.signal()
                held.wait()
            }
        }
        // Those the pool has threads for start at once; a caller on the pool keeps one back.
        for _ in 0..<width where started.wait(timeout: .now() + 2) == .timedOut { break }
        Task.detached { [probe] in probe.signal() }
        return probe.wait(timeout: .now() + 1) == .timedOut
    }

    /// Whether the probe task has run (checked while the pool should still be blocked).
    var probeRan: Bool {
        guard probe.wait(timeout: .now()) == .success else { return false }
        probe.signal()
        return true
    }

    func release() {
        for _ in 0..<width { held.signal() }
    }
}
