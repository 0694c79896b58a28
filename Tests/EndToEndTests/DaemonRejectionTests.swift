import EventLog
import Foundation
import Testing

/// Bad input never crashes, hangs or loses data: each refused file has its reason in the
/// log and is kept in quarantine.
@Suite(.serialized) struct DaemonRejectionTests {
    @Test("FIFO, symlink, folder, binary, empty, over-cap and unreadable files are refused with reasons; invalid UTF-8 is read")
    func hostileFiles() throws {
        let harness = DaemonHarness()
        try harness.start(["--max-file-size", "64k"])
        defer { harness.stop() }
        let inbox = harness.inbox

        #expect(mkfifo(inbox + "/pipe.txt", 0o644) == 0)
        let outside = harness.state.path + "/secret.txt"
        try Data("outside the drop folder".utf8).write(to: URL(fileURLWithPath: outside))
        #expect(symlink(outside, inbox + "/link.txt") == 0)
        #expect(mkdir(inbox + "/folder", 0o755) == 0)
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00] + [UInt8](repeating: 0, count: 400))
            .write(to: URL(fileURLWithPath: inbox + "/program.txt"))
        try Data().write(to: URL(fileURLWithPath: inbox + "/empty.txt"))
        try Data(String(repeating: SampleArticle.text(1), count: 40).utf8).write(to: URL(fileURLWithPath: inbox + "/huge.txt"))
        var latin1 = Array("Caf".utf8) + [0xE9] + Array(" owners in Example Town said 40 tables were lost.\n".utf8)
        latin1 += Array(SampleArticle.text(2).utf8)
        try Data(latin1).write(to: URL(fileURLWithPath: inbox + "/latin1.txt"))
        let unreadable = geteuid() != 0
        if unreadable {
            try Data(SampleArticle.text(3).utf8).write(to: URL(fileURLWithPath: inbox + "/locked.txt"))
            chmod(inbox + "/locked.txt", 0)
        }
        // The FIFO and the symlink are reported when they appear; a folder in a flat drop
        // folder raises nothing: the rescan below finds it.
        try harness.drop("after.txt", SampleArticle.text(4))
        #expect(harness.waitForHandled(["after.txt", "program.txt", "empty.txt", "huge.txt", "latin1.txt"]))
        let rescan = Process()
        rescan.executableURL = URL(fileURLWithPath: "/bin/kill")
        rescan.arguments = ["-HUP", "\(harness.process?.pid ?? 0)"]
        try rescan.run()
        rescan.waitUntilExit()
        #expect(harness.waitForHandled(["pipe.txt", "link.txt", "folder"] + (unreadable ? ["locked.txt"] : [])))

        let expected: [(String, String)] = [
            ("pipe.txt", "not-regular"), ("link.txt", "symlink"), ("folder", "directory"), ("program.txt", "not-text"),
            ("empty.txt", "empty"), ("huge.txt", "too-large"),
        ] + (unreadable ? [("locked.txt", "unreadable")] : [])
        for (path, reason) in expected {
            let rejection = try harness.rejection(for: path)
            #expect(rejection?.reason == reason, "\(path)")
            #expect(rejection?.message.isEmpty == false)
            if reason != "directory" {
                let kept = try #require(rejection?.quarantined)
                #expect(FileManager.default.fileExists(atPath: harness.state.path + "/" + kept + ".reason"), "\(path)")
                // The move follows the event's fsync by a moment: wait for it, do not race it.
                var info = stat()
                #expect(harness.waitUntil { lstat(harness.state.path + "/" + kept, &info) == 0 }, "\(path) kept in quarantine")
            }
        }
        #expect(FileManager.default.fileExists(atPath: inbox + "/folder"))
        #expect(FileManager.default.fileExists(atPath: outside), "a symlink's target is never touched")
        let latin = try harness.records(ofType: ArticleIngested.eventType).map { try $0.decode(ArticleIngested.self) }
        #expect(latin.contains { $0.path == "latin1.txt" })
        #expect(harness.process?.isRunning == true)
    }
}

/// A file the daemon may not read. Root reads everything, so when the tests run as root
/// the daemon runs as `nobody` through setpriv.
@Suite(.serialized) struct UnreadableFileTests {
    @Test("an unreadable file is refused as unreadable, kept, and the daemon goes on")
    func unreadable() throws {
        let harness = DaemonHarness("unreadable")
        var prefix: [String] = []
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                Issue.record("running as root without setpriv: cannot make a file unreadable to the daemon")
                return
            }
            // The test's folders must let the unprivileged daemon in.
            for folder in [harness.state.path, harness.inbox] { chmod(folder, 0o777) }
            prefix = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", harness.daemon.path]
        }
        let process: RunningProcess
        if prefix.isEmpty {
            process = try harness.start()
        } else {
            process = try Executable("setpriv", path: "/usr/bin/setpriv").start(prefix + ["--state", harness.state.path])
            #expect(harness.waitUntil { (try? harness.records(ofType: WatchRescan.eventType).isEmpty) == false })
        }
        defer { process.signal(SIGTERM); process.wait() }
        let locked = harness.inbox + "/locked.txt"
        try Data(SampleArticle.text(61).utf8).write(to: URL(fileURLWithPath: locked + ".part"))
        chmod(locked + ".part", 0)
        rename(locked + ".part", locked)
        try harness.drop("readable.txt", SampleArticle.text(62))
        #expect(harness.waitForHandled(["locked.txt", "readable.txt"]))
        let rejection = try harness.rejection(for: "locked.txt")
        #expect(rejection?.reason == "unreadable")
        #expect(process.isRunning)
    }
}
