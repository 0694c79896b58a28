import EventLog
import Foundation
import Testing

/// The short versions of `make faults`: a burst, kill -9 during bursts, a full disk.
/// Each ends with every file in the log exactly once and `claimwatch verify` clean.
@Suite(.serialized) struct DaemonFaultTests {
    @Test("a burst of 1,000 files renamed in at once: each recorded exactly once, all archived")
    func burst() throws {
        let harness = DaemonHarness("burst")
        try harness.start()
        let files = BurstFiles.make(1_000)
        try harness.burst(files)
        #expect(harness.waitUntil(timeout: 300) { harness.handledCount() >= files.count })
        _ = harness.waitUntil { harness.inboxFiles().filter { !$0.hasPrefix(".") }.isEmpty }
        #expect(harness.stop() == 0)
        #expect(try harness.exactlyOnceProblems(Set(files.map(\.name))) == [])
        #expect(try harness.records(ofType: ArticleDuplicate.eventType).count >= 100)
        #expect(harness.archivedFiles().count == files.count)
        #expect(try harness.cli(["verify"]).status == 0)
    }

    @Test("kill -9 during three bursts, restarting each time: nothing lost, nothing twice, state equal to a reindex")
    func killDuringBursts() throws {
        let harness = DaemonHarness("crash")
        var expected: Set<String> = []
        for round in 0..<3 {
            let process = try harness.start()
            let files = BurstFiles.make(200, offset: round * 200)
            expected.formUnion(files.map(\.name))
            try harness.burst(files)
            // A moment into the burst, different each round: some files durable, some not.
            usleep(UInt32(150_000 + round * 250_000))
            process.signal(SIGKILL)
            process.wait()
        }
        try harness.start()
        #expect(harness.waitUntil(timeout: 300) { harness.handledCount() >= expected.count })
        _ = harness.waitUntil { harness.inboxFiles().filter { !$0.hasPrefix(".") }.isEmpty }
        #expect(harness.stop() == 0)
        #expect(try harness.exactlyOnceProblems(expected) == [])
        #expect(harness.archivedFiles().count == expected.count)
        #expect(try harness.cli(["verify"]).status == 0)

        // The listings come from the log; the near-copy index is rebuilt from it, and must
        // hold every original the log names. (Its cache file may also hold fingerprints of
        // articles a killed run never recorded; they are keyed by id and never used.)
        let listings = { () throws -> [String] in
            [try harness.cli(["articles", "--json"]).stdout, try harness.cli(["dupes", "--json"]).stdout]
        }
        let before = try listings()
        let reindex = try harness.cli(["reindex"])
        #expect(reindex.status == 0)
        let originals = try harness.records(ofType: ArticleIngested.eventType).count
        #expect(reindex.stdout.contains("reindexed \(originals) articles"))
        #expect(try listings() == before)
    }

    @Test("disk full (the ENOSPC seam): files wait in the drop folder, STATUS= says paused, and it resumes on its own")
    func diskFull() throws {
        let harness = DaemonHarness("disk-full")
        let listener = try NotifyListener(in: harness.state.path)
        let flag = harness.state.path + "/disk-full.flag"
        try harness.start(environment: ["NOTIFY_SOCKET": listener.path, "CLAIMWATCH_FAULT_DISK_FULL": flag])
        let first = BurstFiles.make(20)
        try harness.burst(first)
        #expect(harness.waitUntil { harness.handledCount() >= 20 })

        #expect(FileManager.default.createFile(atPath: flag, contents: nil))
        let second = BurstFiles.make(40, offset: 20)
        try harness.burst(second)
        let paused = listener.waitFor { $0.contains("STATUS=paused") }
        #expect(paused.contains { $0.contains("STATUS=paused") && $0.contains("No space left on device") })
        // Several retries go by while the disk stays full.
        Thread.sleep(forTimeInterval: 2)
        #expect(harness.process?.isRunning == true)
        #expect(harness.inboxFiles().filter { !$0.hasPrefix(".") }.count == second.count)
        #expect(harness.handledCount() == 20)

        // Space returns; no new file arrives: the daemon must notice by itself.
        try FileManager.default.removeItem(atPath: flag)
        #expect(harness.waitUntil(timeout: 60) { harness.handledCount() >= 60 })
        let resumed = listener.waitFor { $0.hasPrefix("STATUS=") && !$0.contains("paused") }
        #expect(resumed.last?.hasPrefix("STATUS=") == true)
        _ = harness.waitUntil { harness.inboxFiles().filter { !$0.hasPrefix(".") }.isEmpty }
        let process = try #require(harness.process)
        #expect(harness.stop() == 0)
        #expect(process.standardError.contains("No space left on device"))
        #expect(try harness.exactlyOnceProblems(Set((first + second).map(\.name))) == [])
        #expect(try harness.cli(["verify"]).status == 0)
    }
}
