import EventLog
import Foundation
import Logging
import Watcher
@testable import Ingest

/// A pipeline on a temporary state folder with a real log: files are dropped into its drop
/// folder and taken one by one, as the daemon takes them.
final class PipelineRun {
    let state: TemporaryState
    private(set) var writer: EventLogWriter
    private(set) var pipeline: IngestPipeline
    let diskFull: String

    init(_ label: String, keep: Bool = false) throws {
        state = try TemporaryState(label)
        diskFull = state.path + "/disk-full"
        (writer, pipeline) = try Self.open(state, diskFull: diskFull, keep: keep)
    }

    private static func open(_ state: TemporaryState, diskFull: String, keep: Bool) throws -> (EventLogWriter, IngestPipeline) {
        var configuration = EventLogConfiguration(directory: state.layout.log)
        configuration.diskFullWhileExists = diskFull
        let writer = try EventLogWriter(configuration: configuration)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let pipeline = try IngestPipeline(configuration: IngestConfiguration(layout: state.layout, keepProcessed: keep),
                                          writer: writer, logger: logger)
        try pipeline.rebuild()
        return (writer, pipeline)
    }

    /// Drops a file and takes it.
    func take(_ name: String, _ text: String) throws {
        let path = try state.drop(name, text)
        try pipeline.take(DroppedFile(relativePath: try Self.path(name), absolutePath: try Self.path(path), trigger: .scan(.requested)))
    }

    /// Every example file, in the given order.
    func take(examples order: [String]) throws {
        for name in order { try take(name, try Examples.text(name)) }
    }

    func drain() throws { try pipeline.drain() }

    /// Closes the log and opens it again with a new pipeline rebuilt from it, as a restart does.
    func restart() throws {
        try pipeline.drain()
        try writer.close()
        (writer, pipeline) = try Self.open(state, diskFull: diskFull, keep: false)
    }

    func close() throws {
        try pipeline.drain()
        try writer.close()
    }

    /// The log's events, decoded.
    func events() throws -> [Event] {
        let cursor = try LogCursor(directory: state.layout.log)
        var events: [Event] = []
        while case let .record(record)? = try cursor.next() { events.append(try record.event()) }
        return events
    }

    func ingested() throws -> [ArticleIngested] {
        try events().compactMap { if case let .articleIngested(event) = $0 { event } else { nil } }
    }

    func copies() throws -> [ArticleDuplicate] {
        try events().compactMap { if case let .articleDuplicate(event) = $0 { event } else { nil } }
    }

    func claims() throws -> [ClaimExtracted] {
        try events().compactMap { if case let .claimExtracted(event) = $0 { event } else { nil } }
    }

    /// The log's records as another host's follower hands them over under `host`, each
    /// article's text with it.
    func shared(as host: String) throws -> [SharedRecord] {
        let cursor = try LogCursor(directory: state.layout.log)
        var records: [SharedRecord] = []
        while case let .record(record)? = try cursor.next() {
            let content = (try? record.decode(ArticleIngested.self))?.content
            records.append(SharedRecord(host: host, record: record, text: content.flatMap { pipeline.texts.text(for: $0) }))
        }
        return records
    }

    private static func path(_ string: String) throws -> DropPath {
        guard let path = DropPath(bytes: Array(string.utf8)) else { throw IngestError.configuration("bad path \(string)") }
        return path
    }
}
