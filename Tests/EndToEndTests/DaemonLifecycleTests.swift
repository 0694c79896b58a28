import EventLog
import Foundation
import Testing

/// claimwatchd as systemd sees it: readiness, status, reload, stop.
@Suite(.serialized) struct DaemonLifecycleTests {
    @Test("READY=1 once watching, then STATUS= with live counters, STOPPING=1 on SIGTERM")
    func notifications() throws {
        let harness = DaemonHarness("notify")
        let listener = try NotifyListener(in: harness.state.path)
        try harness.start(environment: ["NOTIFY_SOCKET": listener.path])
        let ready = listener.waitFor("READY=1")
        #expect(ready.contains { $0.contains("READY=1") })
        try harness.drop("one.txt", SampleArticle.text(1))
        let status = listener.waitFor("1 article,")
        #expect(status.contains { $0.hasPrefix("STATUS=") && $0.contains("1 article, 0 copies") })
        harness.process?.signal(SIGTERM)
        #expect(listener.waitFor("STOPPING=1").contains { $0.contains("STOPPING=1") })
        #expect(harness.stop() == 0)
    }

    @Test("with WATCHDOG_USEC set, the ingest loop pings WATCHDOG=1 while idle")
    func watchdog() throws {
        let harness = DaemonHarness("watchdog")
        let listener = try NotifyListener(in: harness.state.path)
        try harness.start(environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "400000"])
        defer { harness.stop() }
        let first = listener.waitFor("WATCHDOG=1")
        #expect(first.contains { $0.contains("WATCHDOG=1") })
        let second = listener.waitFor("WATCHDOG=1")
        #expect(second.contains { $0.contains("WATCHDOG=1") })
    }

    @Test("SIGHUP reloads the configuration file without losing events")
    func reload() throws {
        let harness = DaemonHarness("reload")
        let config = harness.state.path + "/claimwatchd.conf"
        try "# test configuration\nmax-file-size = 1M\n".write(toFile: config, atomically: true, encoding: .utf8)
        let listener = try NotifyListener(in: harness.state.path)
        let process = try harness.start(environment: ["NOTIFY_SOCKET": listener.path])
        let big = String(repeating: SampleArticle.text(40), count: 4)
        try harness.drop("before.txt", big)
        #expect(harness.waitForHandled(["before.txt"]))
        #expect(try harness.rejection(for: "before.txt") == nil)

        try "max-file-size = 2k\n".write(toFile: config, atomically: true, encoding: .utf8)
        process.signal(SIGHUP)
        #expect(listener.waitFor("RELOADING=1").contains { $0.contains("RELOADING=1") })
        #expect(listener.waitFor("READY=1").contains { $0.contains("READY=1") })
        try harness.drop("after.txt", big + "\nOne more line.\n")
        #expect(harness.waitForHandled(["after.txt"]))
        #expect(try harness.rejection(for: "after.txt")?.reason == "too-large")
        #expect(process.isRunning)
        #expect(harness.stop() == 0)
        let seqs = try harness.records().map(\.seq)
        #expect(seqs == Array(1...UInt64(seqs.count)))
    }

    @Test("a second daemon on the same state folder exits with a clear message")
    func singleWriter() throws {
        let harness = DaemonHarness("lock")
        try harness.start()
        defer { harness.stop() }
        let second = try harness.daemon.run(["--state", harness.state.path])
        #expect(second.status != 0)
        #expect(second.stderr.contains("already open for writing"))
    }

    @Test("--check-config prints the settings from file, environment and flags, flags winning")
    func checkConfig() throws {
        let harness = DaemonHarness("config")
        let config = harness.state.path + "/custom.conf"
        try "recursive = yes\nmax-file-size = 5M\npoll-interval = 3s\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try harness.daemon.run(
            ["--state", harness.state.path, "--config", config, "--check-config", "--max-file-size", "7M"],
            environment: ["CLAIMWATCHD_POLL_INTERVAL": "500ms"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("recursive = true"))
        #expect(result.stdout.contains("max-file-size = \(7 << 20)"))
        #expect(result.stdout.contains("poll-interval = 500ms"))

        try "recursive = maybe\n".write(toFile: config, atomically: true, encoding: .utf8)
        let bad = try harness.daemon.run(["--state", harness.state.path, "--config", config, "--check-config"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("custom.conf:1"))
    }
}
