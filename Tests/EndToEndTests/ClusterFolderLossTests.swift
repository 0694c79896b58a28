import Foundation
import PostgresTestSupport
import Testing

/// A cluster host whose folders are deleted under it (a benchmark's clean-up, a tmp
/// cleaner) ends as a single host does: at once, saying why, with a failure. Two such hosts
/// once ran on for half an hour at 70% CPU each: their publishers kept reading a log that no
/// longer held its durable records, and the shutdown waited for them.
@Suite struct ClusterFolderLossTests {
    @Test("a cluster host whose state and drop folders are deleted stops at once with a failure, as a single host does")
    func foldersDeleted() throws {
        let server = try PostgresServer.forTest()
        let database = try server.makeDatabase("gone")
        let address = server.socketAddress(database)
        let host = DaemonHarness("gone")
        let process = try host.start(["--database", address, "--host-name", "gone"])
        defer { if process.isRunning { process.signal(SIGKILL) } }
        try host.drop("g-0001.txt", SampleArticle.text(40_000))
        #expect(host.waitForHandled(["g-0001.txt"]))
        // Published up to the log's end, as a host at rest is when its folders go.
        let recorded = try host.records().count
        #expect(host.waitUntil {
            (try? Int(server.psql("SELECT count(*) FROM claimwatch.events", database: database))) ?? 0 >= recorded
        })
        host.state.remove()
        // The bound only catches a hang: a host that ends on its own is never killed by it.
        let status = process.wait(timeout: 60)
        #expect(!process.terminatedBySignal, "claimwatchd was still running 60 s after its folders were deleted")
        #expect(status != 0)
        let journal = process.standardError
        #expect(journal.contains("the drop folder \(host.inbox) was deleted"))
        #expect(journal.contains("claimwatchd failed"))
    }
}
