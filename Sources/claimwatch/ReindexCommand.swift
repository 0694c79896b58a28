import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Ingest
import Logging
import Store

struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the index (near-copy fingerprints, query store) from the log and the stored texts.",
        discussion: "The log is the truth; the index is rebuilt from it. Run it with claimwatchd stopped."
    )

    @OptionGroup var state: StateOptions
    @OptionGroup var cluster: LocalOnlyOption

    func validate() throws {
        try cluster.refuse("reindex", because: "rebuilds one host's query store from its own log")
    }

    func run() throws {
        // The log is what is rebuilt from: a folder without one is a mistake, not a new record.
        let layout = try state.existingLog()
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
            let store = try ClaimStore(path: layout.claimStore, log: layout.log, catchUp: false)
            try store.rebuild()
            let stats = try store.stats()
            try writer.close()
            print("reindexed \(Wording.count(pipeline.indexedArticles, "article")) from \(layout.log); query store: "
                  + "\(Wording.count(stats.claims, "claim")), \(Wording.count(stats.figures, "figure")), \(Wording.count(stats.topics, "topic"))")
        } catch {
            try? writer.close()
            throw CommandFailure("\(error)")
        }
    }
}
