import EventLog
import Foundation
import Testing

/// claimwatchd's settings as an operator writes them: log levels, quoted values, sizes
/// with units the same as claimwatch's; and what its journal shows.
@Suite struct DaemonSettingsTests {
    let claimwatch = Executable("claimwatch")

    @Test("log-level is a setting of the file and of CLAIMWATCHD_LOG_LEVEL, and an unknown level is refused")
    func logLevel() throws {
        let harness = DaemonHarness("log-level")
        let config = harness.state.path + "/levels.conf"
        try "log-level = debug\n".write(toFile: config, atomically: true, encoding: .utf8)
        let fromFile = try harness.daemon.run(["--state", harness.state.path, "--config", config, "--check-config"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout.contains("log-level = debug"))
        let fromEnvironment = try harness.daemon.run(["--state", harness.state.path, "--config", config, "--check-config"],
                                                     environment: ["CLAIMWATCHD_LOG_LEVEL": "warning"])
        #expect(fromEnvironment.stdout.contains("log-level = warning"))
        let flag = try harness.daemon.run(["--state", harness.state.path, "--log-level", "loud", "--check-config"])
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("unknown level 'loud'"))
        #expect(flag.stderr.contains("trace, debug, info, notice, warning, error, critical"))
        let environment = try harness.daemon.run(["--state", harness.state.path, "--check-config"],
                                                 environment: ["CLAIMWATCHD_LOG_LEVEL": "loud"])
        #expect(environment.status != 0)
        #expect(environment.stderr.contains("CLAIMWATCHD_LOG_LEVEL"))
        try "log-level = loud\n".write(toFile: config, atomically: true, encoding: .utf8)
        let file = try harness.daemon.run(["--state", harness.state.path, "--config", config, "--check-config"])
        #expect(file.status != 0)
        #expect(file.stderr.contains("levels.conf:1"))
    }

    @Test("a quoted value means the text between the quotes, # and spaces included")
    func quotedValues() throws {
        let harness = DaemonHarness("quoted")
        let config = harness.state.path + "/quoted.conf"
        try """
            inbox = "\(harness.state.path)/drop #2"   # a folder with a hash in its name
            ignore = '*.draft .*'
            max-file-size = "5M"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try harness.daemon.run(["--state", harness.state.path, "--config", config, "--check-config"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("inbox = \(harness.state.path)/drop #2\n"))
        #expect(result.stdout.contains("ignore = *.draft .*\n"))
        #expect(result.stdout.contains("max-file-size = \(5 << 20)\n"))
        try "inbox = \"/never/closed\n".write(toFile: config, atomically: true, encoding: .utf8)
        let open = try harness.daemon.run(["--state", harness.state.path, "--config", config, "--check-config"])
        #expect(open.status != 0)
        #expect(open.stderr.contains("quoted.conf:1"))
        #expect(open.stderr.contains("not closed"))
    }

    @Test("sizes take the same units in claimwatch ingest and claimwatchd")
    func sizeUnits() throws {
        let folder = TemporaryFolder("sizes")
        try Data(SampleArticle.text(3).utf8).write(to: URL(fileURLWithPath: folder.path + "/story.txt"))
        // Each state folder held by a name, so it outlives the run that fills it and goes with the test.
        let (smallState, largeState, badState) = (TemporaryFolder("sizes-a"), TemporaryFolder("sizes-b"), TemporaryFolder("sizes-c"))
        let small = try claimwatch.run(["ingest", "--state", smallState.path, "--max-file-size", "1k", folder.path])
        #expect(small.status == 0, "\(small.stderr)")
        #expect(small.stdout.contains("1 refused"))
        let large = try claimwatch.run(["ingest", "--state", largeState.path, "--max-file-size", "5M", folder.path])
        #expect(large.stdout.contains("1 new article"))
        let bad = try claimwatch.run(["ingest", "--state", badState.path, "--max-file-size", "5 parsecs", folder.path])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("unknown size unit"))

        let harness = DaemonHarness("sizes-daemon")
        let daemon = try harness.daemon.run(["--state", harness.state.path, "--max-file-size", "1k", "--check-config"])
        #expect(daemon.stdout.contains("max-file-size = 1024\n"))
        try harness.start(["--max-file-size", "1k"])
        defer { harness.stop() }
        try harness.drop("story.txt", SampleArticle.text(3))
        #expect(harness.waitForHandled(["story.txt"]))
        #expect(try harness.rejection(for: "story.txt")?.reason == "too-large")
    }

    @Test("each file taken is logged at info, so the journal shows the flow; a reload's scan is logged as reload")
    func journalAndReload() throws {
        let harness = DaemonHarness("journal")
        let process = try harness.start()
        try harness.drop("first.txt", SampleArticle.text(11))
        try harness.drop("again.txt", SampleArticle.text(11))
        #expect(harness.waitForHandled(["first.txt", "again.txt"]))
        #expect(harness.waitUntil { process.standardErrorSoFar.contains("copy recorded") })
        let journal = process.standardErrorSoFar
        #expect(journal.contains("article recorded"))
        #expect(journal.contains("path=first.txt"))
        #expect(journal.contains("copy recorded"))

        process.signal(SIGHUP)
        #expect(harness.waitUntil { ((try? harness.records(ofType: WatchRescan.eventType)) ?? []).count >= 2 })
        let scans = try harness.records(ofType: WatchRescan.eventType).map { try $0.decode(WatchRescan.self).reason }
        #expect(scans.prefix(2) == ["startup", "reload"])
        #expect(harness.stop() == 0)
    }

    @Test("the manual generator can read both executables' help (what `make man` turns into man pages)")
    func manualSource() throws {
        for (name, subcommands) in [("claimwatch", ["tail", "claims", "figures", "show"]), ("claimwatchd", [String]())] {
            let result = try Executable(name).run(["--experimental-dump-help"])
            #expect(result.status == 0)
            let info = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let command = try #require(info["command"] as? [String: Any])
            #expect(command["commandName"] as? String == name)
            let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
            for subcommand in subcommands { #expect(names.contains(subcommand)) }
        }
    }
}
