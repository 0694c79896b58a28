import EventLog
import Foundation
import Testing

/// The short version of `make faults hostile`: files built to break or stall the daemon,
/// in a `--recursive` drop folder. Each is handled once with a reason, refused ones are
/// kept in quarantine, and a normal file dropped after them is still taken.
@Suite(.serialized) struct HostileInputTests {
    @Test("bombs, odd names, a sparse 1 GiB file, a deep tree and devices: each handled with a reason, the daemon responsive")
    func hostileCorpus() throws {
        let harness = DaemonHarness("hostile")
        let inbox = harness.inbox
        var expected: [String: String?] = [:]  // path → rejection reason, nil when it is read as an article

        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: inbox + "/" + name))
        }
        var attributes = Array("<html><body><p ".utf8)
        for index in 0..<300_000 { attributes += Array("a\(index)=\"\(index)\" ".utf8) }
        try write("attributes.html", attributes + Array(">x</p></body></html>".utf8))
        expected["attributes.html"] = "not-text"
        let depth = 20_000
        try write("nesting.html", Array((String(repeating: "<div>", count: depth) + "<p>deep</p>" + String(repeating: "</div>", count: depth)).utf8))
        expected["nesting.html"] = "not-text"
        try write("nesting.json", Array((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8))
        expected["nesting.json"] = "not-text"
        try write("objects.json", Array((String(repeating: "{\"text\":", count: 50_000) + "\"x\"" + String(repeating: "}", count: 50_000)).utf8))
        expected["objects.json"] = "not-text"
        // The log spells names readably: a control byte or invalid UTF-8 as an escape.
        try write("new\nline.txt", Array(SampleArticle.text(501).utf8))
        expected["new\\nline.txt"] = .some(nil)
        let invalidName = Array(inbox.utf8) + Array("/bad-".utf8) + [0xFF, 0xFE] + Array("-name.txt".utf8)
        let descriptor = open(invalidName.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
        _ = Array(SampleArticle.text(502).utf8).withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        expected["bad-\\xFF\\xFE-name.txt"] = .some(nil)
        try write("utf16.txt", Array(SampleArticle.text(503).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        expected["utf16.txt"] = "not-text"
        let sparse = open(inbox + "/sparse.txt", O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(sparse, 1 << 30) == 0)
        close(sparse)
        expected["sparse.txt"] = "too-large"
        var deep = inbox
        for _ in 0..<60 { deep += "/d" }
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        try write(String(repeating: "d/", count: 60) + "deep.txt", Array(SampleArticle.text(504).utf8))
        expected[String(repeating: "d/", count: 60) + "deep.txt"] = .some(nil)
        #expect(mkfifo(inbox + "/pipe.txt", 0o644) == 0)
        expected["pipe.txt"] = "not-regular"
        if geteuid() == 0 {
            // /dev/null's numbers, 1:3, in glibc's dev_t encoding (makedev is a C macro).
            #expect(mknod(inbox + "/null.txt", S_IFCHR | 0o644, dev_t(1 << 8 | 3)) == 0)
            expected["null.txt"] = "not-regular"
        }
        #expect(symlink("/etc/hostname", inbox + "/out.txt") == 0)
        expected["out.txt"] = "symlink"

        let listener = try NotifyListener(in: harness.state.path)
        try harness.start(["--recursive"], environment: ["NOTIFY_SOCKET": listener.path])
        defer { harness.stop() }
        #expect(harness.waitForHandled(Array(expected.keys), timeout: 120))
        try harness.drop("after.txt", SampleArticle.text(505))
        #expect(harness.waitForHandled(["after.txt"]))
        #expect(listener.waitFor("STATUS=").contains { $0.contains("STATUS=") })
        #expect(harness.process?.isRunning == true)

        let paths = try harness.handledPaths()
        for (path, reason) in expected {
            #expect(paths.filter { $0 == path }.count == 1, "\(path)")
            if let reason {
                let rejection = try harness.rejection(for: path)
                #expect(rejection?.reason == reason, "\(path)")
                let kept = try #require(rejection?.quarantined, "\(path)")
                var info = stat()
                #expect(harness.waitUntil { lstat(harness.state.path + "/" + kept, &info) == 0 }, "\(path) kept in quarantine")
                #expect(FileManager.default.fileExists(atPath: harness.state.path + "/" + kept + ".reason"), "\(path)")
            } else {
                #expect(try harness.rejection(for: path) == nil, "\(path) read as an article")
            }
        }
        #expect(try harness.cli(["verify"]).status == 0)
    }
}
