import EventLog
import Foundation
import Testing

/// claimwatchd on real folders with real inotify: how files arrive, and that each is
/// taken exactly once.
@Suite(.serialized) struct DaemonDropTests {
    @Test("files dropped by write-and-close, rename and cp are each recorded once and archived")
    func dropKinds() throws {
        let harness = DaemonHarness()
        try harness.start()
        defer { harness.stop() }

        try Data(SampleArticle.text(1).utf8).write(to: URL(fileURLWithPath: harness.inbox + "/written.txt"))
        try harness.drop("renamed.txt", SampleArticle.text(2))
        let source = harness.state.path + "/copied-source.txt"
        try Data(SampleArticle.text(3).utf8).write(to: URL(fileURLWithPath: source))
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = [source, harness.inbox + "/copied.txt"]
        try copy.run()
        copy.waitUntilExit()

        let names = ["written.txt", "renamed.txt", "copied.txt"]
        #expect(harness.waitForHandled(names))
        let ingested = try harness.records(ofType: ArticleIngested.eventType).map { try $0.decode(ArticleIngested.self) }
        #expect(ingested.map(\.path).sorted() == names.sorted())
        #expect(ingested.allSatisfy { $0.file != nil && $0.words > 50 && $0.content.count == 64 })
        #expect(harness.waitUntil { harness.archivedFiles().count == 3 })
        // A move is a link then an unlink: the archive may show the file a moment before the inbox lets go.
        _ = harness.waitUntil { harness.inboxFiles().isEmpty }
        #expect(harness.inboxFiles().isEmpty)
        #expect(harness.stop() == 0)
        let types = try harness.records().map(\.type)
        #expect(types.first == DaemonStarted.eventType)
        #expect(types.last == DaemonStopped.eventType)
    }

    @Test("a file written slowly in chunks is taken once, whole, after it is closed")
    func slowWriter() throws {
        let harness = DaemonHarness()
        try harness.start()
        defer { harness.stop() }
        let text = SampleArticle.text(7)
        let bytes = Array(text.utf8)
        let path = harness.inbox + "/slow.txt"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        let chunk = bytes.count / 5 + 1
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            let end = min(bytes.count, start + chunk)
            _ = bytes[start..<end].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            usleep(150_000)
        }
        close(descriptor)
        #expect(harness.waitForHandled(["slow.txt"]))
        let ingested = try harness.records(ofType: ArticleIngested.eventType).map { try $0.decode(ArticleIngested.self) }
        #expect(ingested.count == 1)
        #expect(ingested.first?.bytes == bytes.count)
    }

    @Test("dotfiles and temporary names are left alone")
    func ignoredNames() throws {
        let harness = DaemonHarness()
        try harness.start()
        defer { harness.stop() }
        let ignored = [".hidden.txt", "draft.part", "scratch.tmp", "story.txt.swp", "backup.txt~", ".story.txt.Xy12ab"]
        for name in ignored {
            try Data(SampleArticle.text(11).utf8).write(to: URL(fileURLWithPath: harness.inbox + "/" + name))
        }
        // A marker dropped afterwards: once it is handled, the others would have been too.
        try harness.drop("marker.txt", SampleArticle.text(12))
        #expect(harness.waitForHandled(["marker.txt"]))
        try harness.records().forEach { record in
            #expect(!ignored.contains { record.json.contains("\"path\":\"\($0)\"") })
        }
        // The marker leaves for the archive just after its event is durable.
        _ = harness.waitUntil { Set(harness.inboxFiles()) == Set(ignored) }
        #expect(Set(harness.inboxFiles()) == Set(ignored))
    }

    @Test("files present before the daemon starts are taken by the startup scan")
    func filesBeforeStart() throws {
        let harness = DaemonHarness()
        for index in 0..<5 {
            try Data(SampleArticle.text(20 + index).utf8).write(to: URL(fileURLWithPath: harness.inbox + "/early-\(index).txt"))
        }
        try harness.start()
        defer { harness.stop() }
        #expect(harness.waitForHandled((0..<5).map { "early-\($0).txt" }))
        let scans = try harness.records(ofType: WatchRescan.eventType).map { try $0.decode(WatchRescan.self) }
        #expect(scans.first == WatchRescan(reason: "startup", files: 5))
    }

    @Test("a burst of 2,000 files: each one recorded exactly once")
    func burst() throws {
        let harness = DaemonHarness()
        try harness.start()
        defer { harness.stop() }
        let names = (0..<2000).map { String(format: "burst-%04d.txt", $0) }
        for (index, name) in names.enumerated() {
            try harness.drop(name, SampleArticle.text(1000 + index))
        }
        // The wait only tells a stuck daemon from a slow one: a debug build reading every file for
        // copies, claims and stories takes 50–150 s here on two shared cores, so leave it room.
        #expect(harness.waitForHandled(names, timeout: 420))
        let handled = try harness.handledPaths()
        #expect(handled.count == 2000)
        #expect(Set(handled) == Set(names))
        #expect(harness.waitUntil { harness.archivedFiles().count == 2000 })
    }

    @Test("SIGTERM in the middle of a burst, then a restart: nothing lost, nothing twice")
    func stopMidBurst() throws {
        let harness = DaemonHarness()
        try harness.start()
        let names = (0..<600).map { String(format: "mid-%04d.txt", $0) }
        for (index, name) in names.enumerated() {
            try harness.drop(name, SampleArticle.text(5000 + index))
            if index == 300 {
                #expect(harness.stop() == 0)
            }
        }
        let before = try harness.handledPaths()
        #expect(before.count < names.count)
        try harness.start()
        defer { harness.stop() }
        #expect(harness.waitForHandled(names, timeout: 120))
        let handled = try harness.handledPaths()
        #expect(handled.count == names.count)
        #expect(Set(handled) == Set(names))
        #expect(try LogVerifier(directory: harness.log).verify().isClean)
    }
}
