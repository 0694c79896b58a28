import Foundation
import Logging
import Testing
@testable import Watcher

/// Real inotify on real temporary folders. Serialized because libinotifytools allows one
/// watcher per process. Each test ends with a marker file where it needs to prove that an
/// event did NOT happen: events arrive in order, so once the marker is reported, anything
/// the earlier writes caused has been reported too.
@Suite("DropFolderWatcher", .serialized)
struct DropFolderWatcherTests {
    @Test("A file written and closed is reported exactly once, on close")
    func closeWrite() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration())
        #expect(await running.waitUntilCaughtUp())

        try Files.write(Files.path(folder.drop, "a.json"))
        try Files.write(Files.path(folder.drop, "marker.json"))

        #expect(await running.waitForFile("marker.json"))
        #expect(running.files(named: "a.json") == [.closeWrite])
        #expect(await running.stop())
    }

    @Test("A file renamed into the folder is reported exactly once, as moved-to")
    func movedTo() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration())
        #expect(await running.waitUntilCaughtUp())

        try Files.write(Files.path(folder.staging, "b.json"))
        try Files.rename(Files.path(folder.staging, "b.json"), Files.path(folder.drop, "b.json"))
        try Files.write(Files.path(folder.drop, "marker.json"))

        #expect(await running.waitForFile("marker.json"))
        #expect(running.files(named: "b.json") == [.movedTo])
        #expect(await running.stop())
    }

    @Test("A file written slowly in chunks is reported only after it is closed")
    func slowWriter() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration())
        #expect(await running.waitUntilCaughtUp())

        let fd = try Files.create(Files.path(folder.drop, "slow.json"))
        for chunk in ["{\"title\":", "\"slow\",", "\"body\":\"…\"}"] {
            try Files.append(fd, chunk)
            try await Task.sleep(for: .milliseconds(150))
        }
        try Files.write(Files.path(folder.drop, "before-close.json"))
        #expect(await running.waitForFile("before-close.json"))
        #expect(running.files(named: "slow.json").isEmpty, "reported while still open")

        close(fd)
        try Files.write(Files.path(folder.drop, "marker.json"))
        #expect(await running.waitForFile("marker.json"))
        #expect(running.files(named: "slow.json") == [.closeWrite])
        #expect(await running.stop())
    }

    @Test("Dotfiles and temporary names are ignored, and a .part renamed to its final name is reported once")
    func temporaryNames() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration())
        #expect(await running.waitUntilCaughtUp())

        for name in [".hidden", "draft.tmp", "DRAFT.TMP", "notes.swp", "backup.json~", ".story.json.Xy12Zq", "story.json.part"] {
            try Files.write(Files.path(folder.drop, name))
        }
        try Files.rename(Files.path(folder.drop, "story.json.part"), Files.path(folder.drop, "story.json"))
        try Files.write(Files.path(folder.drop, "marker.json"))

        #expect(await running.waitForFile("marker.json"))
        #expect(running.files.map(\.path) == ["story.json", "marker.json"])
        #expect(running.files(named: "story.json") == [.movedTo])
        #expect(await running.stop())
    }

    @Test("Files present before start are reported by the startup scan, after .ready")
    func startupScan() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Files.write(Files.path(folder.drop, "old-1.json"))
        try Files.write(Files.path(folder.drop, "old-2.json"))
        try Files.write(Files.path(folder.drop, ".old-hidden"))

        let running = try await RunningWatcher.start(folder.configuration())
        #expect(await running.waitUntilCaughtUp())

        let events = running.events
        #expect(events.first == .ready)
        #expect(Set(running.files.map(\.path)) == ["old-1.json", "old-2.json"])
        #expect(running.files.allSatisfy { $0.trigger == .scan(.startup) })
        #expect(events.contains(.rescanned(reason: .startup, filesFound: 2)))
        #expect(await running.stop())
    }

    @Test("Recursive: a file written at once into a just-made nested folder is reported")
    func recursiveNewFolders() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration { $0.recursive = true })
        #expect(await running.waitUntilCaughtUp())

        try Files.makeFolders(folder.drop + "/a/b/c")
        try Files.write(Files.path(folder.drop, "a/b/c/deep.json"))

        #expect(await running.waitForFile("a/b/c/deep.json"))
        let trigger = try #require(running.files(named: "a/b/c/deep.json").first)
        #expect(trigger == .closeWrite || trigger == .scan(.newDirectory))

        // By now the folder has its own watch.
        try Files.write(Files.path(folder.drop, "a/b/c/later.json"))
        #expect(await running.waitForFile("a/b/c/later.json"))
        #expect(running.files(named: "a/b/c/later.json").contains(.closeWrite))
        #expect(await running.stop())
    }

    @Test("Recursive: a folder moved in with files inside is scanned")
    func recursiveMovedFolder() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration { $0.recursive = true })
        #expect(await running.waitUntilCaughtUp())

        try Files.makeFolders(folder.staging + "/batch/inner")
        try Files.write(Files.path(folder.staging, "batch/one.json"))
        try Files.write(Files.path(folder.staging, "batch/inner/two.json"))
        try Files.rename(Array((folder.staging + "/batch").utf8), Array((folder.drop + "/batch").utf8))

        #expect(await running.wait { _ in
            Set(running.files.map(\.path)).isSuperset(of: ["batch/one.json", "batch/inner/two.json"])
        })
        #expect(running.events.contains(.rescanned(reason: .newDirectory, filesFound: 2)))
        #expect(await running.stop())
    }

    @Test("Recursive: a folder deleted and made again under the same name is watched again")
    func recursiveRecreatedFolder() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration { $0.recursive = true })
        #expect(await running.waitUntilCaughtUp())
        let newFolderScans = { running.events.filter { $0.finishedScan == .newDirectory }.count }

        try Files.makeFolders(folder.drop + "/daily")
        #expect(await running.wait { _ in newFolderScans() == 1 })
        try FileManager.default.removeItem(atPath: folder.drop + "/daily")
        try Files.makeFolders(folder.drop + "/daily")
        #expect(await running.wait { _ in newFolderScans() == 2 })

        try Files.write(Files.path(folder.drop, "daily/fresh.json"))
        #expect(await running.waitForFile("daily/fresh.json"))
        #expect(running.files(named: "daily/fresh.json") == [.closeWrite])
        #expect(await running.stop())
    }

    @Test("Polling (forcePolling) says so and finds a new file once it has settled")
    func polling() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration {
            $0.forcePolling = true
            $0.pollInterval = .seconds(1)
        })
        #expect(await running.waitUntilCaughtUp())
        #expect(running.events.contains(.notice(.polling(fileSystem: nil, interval: .seconds(1)))))

        try Files.write(Files.path(folder.drop, "polled.json"))
        #expect(await running.waitForFile("polled.json"))
        #expect(running.files(named: "polled.json") == [.scan(.poll)])
        #expect(await running.stop())
    }

    @Test("A name with invalid UTF-8 and a newline is reported with its exact bytes")
    func rawBytesName() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration())
        #expect(await running.waitUntilCaughtUp())

        let name: [UInt8] = Array("bad".utf8) + [0xFF, 0x0A] + Array("name.json".utf8)
        try Files.write(Files.path(folder.drop, name), "exact")

        #expect(await running.wait { events in events.contains { $0.file?.relativePath.bytes == name } })
        let file = try #require(running.events.compactMap(\.file).first { $0.relativePath.bytes == name })
        #expect(file.absolutePath.bytes == Files.path(folder.drop, name))
        #expect(file.relativePath.description == "bad\\xFF\\nname.json")
        #expect(file.relativePath.string == nil)
        #expect(try Files.read(file.absolutePath) == "exact")
        #expect(await running.stop())
    }

    @Test("A FIFO in the folder is reported without the watcher blocking on it")
    func fifo() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Files.makeFIFO(Files.path(folder.drop, "pipe.json"))
        let running = try await RunningWatcher.start(folder.configuration())
        #expect(await running.waitUntilCaughtUp())
        #expect(running.files(named: "pipe.json") == [.scan(.startup)])

        running.watcher.requestRescan()
        #expect(await running.wait { $0.contains(.rescanned(reason: .requested, filesFound: 1)) })
        // Still responsive: a normal file is reported after the FIFO.
        try Files.write(Files.path(folder.drop, "after.json"))
        #expect(await running.waitForFile("after.json"))
        #expect(await running.stop())
    }

    @Test("stop() ends the stream, and a new watcher can start afterwards")
    func stopFinishesStream() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try await RunningWatcher.start(folder.configuration())
        #expect(await first.waitUntilCaughtUp())
        #expect(await first.stop())

        let second = try await RunningWatcher.start(folder.configuration())
        #expect(await second.waitUntilCaughtUp())
        try Files.write(Files.path(folder.drop, "again.json"))
        #expect(await second.waitForFile("again.json"))
        #expect(await second.stop())
    }

    @Test("Only one watcher runs per process, and the second one is told why")
    func oneWatcherPerProcess() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration())
        await #expect(throws: WatcherError.anotherWatcherRunning) {
            _ = try await DropFolderWatcher(configuration: folder.configuration(), logger: .init(label: "second")).start()
        }
        #expect(await running.stop())
    }

    @Test("A missing drop folder fails start with the path and the errno")
    func missingFolder() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let configuration = folder.configuration { $0.dropFolder = folder.root + "/nowhere" }
        await #expect(throws: WatcherError.cannotOpenDirectory(path: folder.root + "/nowhere", errno: ENOENT)) {
            _ = try await DropFolderWatcher(configuration: configuration, logger: .init(label: "missing")).start()
        }
    }

    @Test("The periodic rescan reports what is in the folder")
    func periodicRescan() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Files.write(Files.path(folder.drop, "present.json"))
        let running = try await RunningWatcher.start(folder.configuration { $0.rescanInterval = .seconds(1) })
        #expect(await running.wait { $0.contains(.rescanned(reason: .periodic, filesFound: 1)) })
        #expect(running.files(named: "present.json").contains(.scan(.periodic)))
        #expect(await running.stop())
    }

    @Test("Deleting the drop folder ends the stream with a notice saying so")
    func dropFolderDeleted() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try await RunningWatcher.start(folder.configuration())
        #expect(await running.waitUntilCaughtUp())

        try FileManager.default.removeItem(atPath: folder.drop)
        #expect(await running.wait { _ in running.hasEnded })
        #expect(running.events.last == .notice(.failed(.dropFolderGone(path: folder.drop))))
        #expect(await running.stop())
    }

    @Test("Cancelling the consuming task stops the watcher and frees the process's slot")
    func cancellation() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let watcher = DropFolderWatcher(configuration: folder.configuration(), logger: Logger(label: "cancel"))
        let events = try await watcher.start()
        let consumer = Task {
            var count = 0
            for await _ in events { count += 1 }
            return count
        }
        consumer.cancel()
        _ = await consumer.value

        // The thread winds down on its own; a second watcher can start once it has.
        var restarted: RunningWatcher?
        for _ in 0..<200 where restarted == nil {
            restarted = try? await RunningWatcher.start(folder.configuration())
            if restarted == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let second = try #require(restarted)
        #expect(await second.stop())
    }

    @Test("A consumer slower than the drop loses nothing: the watcher waits for it")
    func backpressure() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let names = (1...40).map { "file-\($0).json" }
        for name in names { try Files.write(Files.path(folder.drop, name)) }
        let running = try await RunningWatcher.start(folder.configuration { $0.eventBufferCapacity = 2 })
        #expect(await running.waitUntilCaughtUp())
        #expect(Set(running.files.map(\.path)) == Set(names))
        #expect(await running.stop())
    }
}

extension WatchEvent {
    var file: DroppedFile? {
        if case .file(let file) = self { return file }
        return nil
    }
}
