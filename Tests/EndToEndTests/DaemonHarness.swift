import EventLog
import Foundation

/// A real claimwatchd on a temporary state folder, and ways to look at what it wrote.
final class DaemonHarness {
    let state: TemporaryFolder
    var inbox: String { state.path + "/inbox" }
    var log: String { state.path + "/log" }
    private(set) var process: RunningProcess?
    let daemon = Executable("claimwatchd")

    init(_ label: String = "daemon") {
        state = TemporaryFolder(label)
        try? FileManager.default.createDirectory(atPath: state.path + "/inbox", withIntermediateDirectories: true)
    }

    /// Starts the daemon and waits for its startup scan to be in the log.
    @discardableResult
    func start(_ arguments: [String] = [], environment: [String: String] = [:], waitForStartup: Bool = true) throws -> RunningProcess {
        let scansBefore = (try? records(ofType: WatchRescan.eventType).count) ?? 0
        let process = try daemon.start(["--state", state.path] + arguments, environment: environment)
        self.process = process
        if waitForStartup {
            // The startup scan takes every file already in the folder first (after a kill -9,
            // hundreds): a debug build on a loaded 2-core machine needs well over 30 s for that.
            // This bounds a hang; it asserts nothing about speed.
            let started = waitUntil(timeout: 180) { (try? self.records(ofType: WatchRescan.eventType).count) ?? 0 > scansBefore }
            if !started { throw HarnessError("claimwatchd did not finish its startup scan: \(process.standardErrorSoFar)") }
        }
        return process
    }

    /// Sends SIGTERM and returns the exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        guard let process else { return -1 }
        process.signal(signal)
        let status = process.wait()
        self.process = nil
        return status
    }

    func records(ofType type: String? = nil) throws -> [LogRecord] {
        let cursor = try EventLogReader(directory: log).cursor()
        var records: [LogRecord] = []
        while let item = try cursor.next() {
            if case let .record(record) = item, type == nil || record.type == type { records.append(record) }
        }
        return records
    }

    /// The `path` of every article.ingested, article.duplicate and file.rejected event.
    func handledPaths() throws -> [String] {
        try records().compactMap { record -> String? in
            switch record.type {
            case ArticleIngested.eventType: try record.decode(ArticleIngested.self).path
            case ArticleDuplicate.eventType: try record.decode(ArticleDuplicate.self).path
            case FileRejected.eventType: try record.decode(FileRejected.self).path
            default: nil
            }
        }
    }

    func rejection(for path: String) throws -> FileRejected? {
        try records(ofType: FileRejected.eventType).map { try $0.decode(FileRejected.self) }.last { $0.path == path }
    }

    /// Polls `condition` until it holds or `timeout` passes.
    func waitUntil(timeout: TimeInterval = 30, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// Waits until `paths` have all been handled (in any way).
    func waitForHandled(_ paths: [String], timeout: TimeInterval = 60) -> Bool {
        waitUntil(timeout: timeout) { Set((try? handledPaths()) ?? []).isSuperset(of: paths) }
    }

    /// Drops a file the way a careful scraper does: written under a temporary name, renamed in.
    func drop(_ name: String, _ text: String) throws {
        let temporary = inbox + "/." + name + ".part"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, inbox + "/" + name) == 0 else { throw HarnessError("rename failed: \(errno)") }
    }

    func archivedFiles() -> [String] {
        let archive = state.path + "/archive"
        return (FileManager.default.enumerator(atPath: archive)?.allObjects as? [String] ?? []).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: archive + "/" + $0, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    func inboxFiles() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Distinct invented articles, so every file is a story of its own.
enum SampleArticle {
    private static let words = [
        "council", "harbour", "bridge", "ferry", "budget", "school", "river", "market", "storm", "station",
        "tunnel", "mayor", "teachers", "farmers", "nurses", "drivers", "museum", "library", "stadium", "factory",
        "approved", "delayed", "announced", "rejected", "opened", "closed", "repaired", "funded", "inspected", "moved",
    ]

    static func text(_ index: Int) -> String {
        var generator = UInt64(truncatingIfNeeded: index &* 2_654_435_761 &+ 97)
        func word() -> String {
            generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return words[Int((generator >> 33) % UInt64(words.count))]
        }
        let title = "Report \(index): the \(word()) \(word()) in Example Town"
        let paragraphs = (0..<4).map { paragraph in
            (0..<12).map { sentence in
                "The \(word()) \(word()) the \(word()) near the \(word()) on day \(index * 7 + paragraph * 3 + sentence)."
            }.joined(separator: " ")
        }
        return ([title] + paragraphs).joined(separator: "\n\n") + "\n"
    }
}
