import ArgumentParser
import EventLog
import Foundation
import Ingest
import Logging

struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the index (the near-copy fingerprints) from the log and the stored texts.",
        discussion: "The log is the truth; the index is rebuilt from it. Run it with claimwatchd stopped."
    )

    @OptionGroup var state: StateOptions

    func run() throws {
        let layout = state.layout
        let writer: EventLogWriter
        do {
            try layout.createFolders()
            // Holding the writer lock keeps claimwatchd off the state while the index changes.
            writer = try EventLogWriter(configuration: .init(directory: layout.log))
        } catch let error as EventLogError {
            if case .locked = error { throw CommandFailure("\(error)\nstop claimwatchd first: it keeps its index open") }
            throw CommandFailure(error.description)
        }
        var logger = Logger(label: "claimwatch.reindex")
        logger.logLevel = .warning
        do {
            let pipeline = try IngestPipeline(configuration: IngestConfiguration(layout: layout), writer: writer, logger: logger)
            try pipeline.rebuild(rewriteIndex: true)
            try writer.close()
            print("reindexed \(pipeline.indexedArticles) articles from \(layout.log)")
        } catch {
            try? writer.close()
            throw CommandFailure("\(error)")
        }
    }
}
