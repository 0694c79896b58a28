import EventLog
import Foundation
import Logging
import Testing
import Watcher
@testable import Ingest

/// "A file counts as processed only once its events are durable", on a real log in a
/// temporary folder: staged and queued, a file is on its way but not processed and not
/// moved; refused, it is forgotten and stays in the drop folder; durable, it is processed
/// and moved to the archive path its event names.
@Suite struct BatchDurabilityTests {
    let state: TemporaryState
    let full: String
    let writer: EventLogWriter
    let batches: BatchDurability

    init() throws {
        state = try TemporaryState("batch")
        full = state.path + "/disk-full"
        var configuration = EventLogConfiguration(directory: state.layout.log)
        configuration.diskFullWhileExists = full
        writer = try EventLogWriter(configuration: configuration)
        batches = BatchDurability(
            writer: writer, texts: ArticleStore(folder: state.layout.articles), mover: try FileMover(root: state.layout.root),
            layout: state.layout, keepProcessed: false, logger: Logger(label: "test"),
            now: { Date(timeIntervalSince1970: 1_795_000_000) })
    }

    /// Drops `name` and stages it as an article whose event names its claimed archive path.
    private func stage(_ name: String) throws -> (file: DroppedFile, identity: FileIdentity, destination: DropPath) {
        let path = try state.drop(name, "A story about a dam.\n")
        let file = DroppedFile(relativePath: try #require(DropPath(bytes: Array(name.utf8))),
                               absolutePath: try #require(DropPath(bytes: Array(path.utf8))), trigger: .scan(.requested))
        let identity = try #require(path.withCString { FileIntake.identity(ofPathAt: $0) }?.0)
        let destination = try #require(try batches.claimArchive(for: file))
        let event = ArticleIngested(article: "a1", path: name, content: "c1", format: "text", bytes: 21, words: 5, file: identity,
                                    archived: batches.recorded(destination))
        batches.stage(StagedFile(file: file, identity: identity, events: [event], disposition: .archive(destination)))
        return (file, identity, destination)
    }

    private func records() throws -> [LogRecord] {
        let cursor = try LogCursor(directory: state.layout.log)
        var records: [LogRecord] = []
        while case let .record(record)? = try cursor.next() { records.append(record) }
        return records
    }

    @Test("staged and queued, a file is on its way but neither processed nor moved; durable, it is both")
    func durableThenProcessed() throws {
        let (file, identity, destination) = try stage("story.txt")
        #expect(batches.registry.isInFlight(identity))
        #expect(batches.registry.disposition(of: identity) == nil)
        try batches.commit()
        // Queued in the log (perhaps durable already): until it is settled, nothing changes.
        #expect(batches.registry.disposition(of: identity) == nil)
        #expect(FileManager.default.fileExists(atPath: state.layout.inbox + "/story.txt"))

        let settled = batches.settle(waiting: true)
        #expect(settled.durable.count == 1 && settled.refused.isEmpty && settled.failure == nil)
        #expect(batches.registry.disposition(of: identity) == .archive(destination))
        #expect(!batches.registry.isInFlight(identity))
        #expect(!FileManager.default.fileExists(atPath: state.layout.inbox + "/story.txt"))
        // The file is where its durable event says it went.
        let event = try #require(try records().first).decode(ArticleIngested.self)
        let archived = try #require(event.archived)
        #expect(archived.hasPrefix("archive/2026-"))
        #expect(FileManager.default.fileExists(atPath: state.path + "/" + archived))
        #expect(destination.description == state.path + "/" + archived)
        try writer.close()
        _ = file
    }

    @Test("a file whose events the log refuses is forgotten, stays in the drop folder, and goes through later")
    func refusedThenRetried() throws {
        _ = FileManager.default.createFile(atPath: full, contents: Data())
        let (file, identity, first) = try stage("story.txt")
        try batches.commit()
        let refused = batches.settle(waiting: true)
        #expect(refused.refused.count == 1 && refused.durable.isEmpty)
        #expect(refused.failure != nil)
        #expect(!batches.registry.isInFlight(identity))
        #expect(batches.registry.disposition(of: identity) == nil)
        #expect(FileManager.default.fileExists(atPath: state.layout.inbox + "/story.txt"))
        #expect(try records().isEmpty)
        #expect(!batches.hasPendingWork)

        // The space comes back; the same file is taken again and its claimed path is free again.
        try FileManager.default.removeItem(atPath: full)
        let again = try #require(try batches.claimArchive(for: file))
        #expect(again == first)
        let event = ArticleIngested(article: "a1", path: "story.txt", content: "c1", format: "text", bytes: 21, words: 5,
                                    file: identity, archived: batches.recorded(again))
        batches.stage(StagedFile(file: file, identity: identity, events: [event], disposition: .archive(again)))
        try batches.commit()
        #expect(batches.settle(waiting: true).durable.count == 1)
        #expect(batches.registry.disposition(of: identity) == .archive(again))
        #expect(FileManager.default.fileExists(atPath: again.description))
        #expect(try records().count == 1)
        try writer.close()
    }

    @Test("two files on their way never claim the same archive path")
    func distinctClaims() throws {
        let first = try stage("story.txt").destination
        // Another file under the same name, as a second drop folder of the same day would bring.
        let path = try state.drop("other.txt", "Another.\n")
        let file = DroppedFile(relativePath: try #require(DropPath(bytes: Array("story.txt".utf8))),
                               absolutePath: try #require(DropPath(bytes: Array(path.utf8))), trigger: .scan(.requested))
        let second = try #require(try batches.claimArchive(for: file))
        #expect(first != second)
        #expect(second.description.hasSuffix("story-2.txt"))
        try writer.close()
    }
}
