import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Ingest
import Logging
import Watcher

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Run the pipeline once over every file in a folder, to back-fill an archive.",
        discussion: """
            Files are taken in sorted name order, through the same pipeline as claimwatchd: \
            copies are recognised against everything already in the record, and a file already \
            recorded is skipped. The source files stay where they are, refused ones included. \
            Exits non-zero only if it could not run (e.g. claimwatchd holds the log).
            """
    )

    @OptionGroup var state: StateOptions
    @OptionGroup var cluster: LocalOnlyOption

    @Argument(help: ArgumentHelp("The folder to read.", valueName: "dir"))
    var folder: String

    @Flag(help: "Read subfolders too.")
    var recursive = false

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Refuse larger files: bytes, or 512k, 20M, 1G as claimwatchd reads them (default 20M).", valueName: "size"))
    var maxFileSize = "20M"

    func validate() throws {
        try cluster.refuse("ingest", because: "appends to one host's own log")
        do {
            guard try ByteSize.parse(maxFileSize) > 0 else { throw ValidationError("--max-file-size must be more than 0") }
        } catch let error as IngestError {
            if case let .configuration(message) = error { throw ValidationError("--max-file-size \(message)") }
            throw ValidationError("--max-file-size: \(error)")
        }
    }

    func run() throws {
        let layout = state.layout
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("\(folder) is not a folder")
        }
        let writer: EventLogWriter
        do {
            try layout.createFolders()
            writer = try EventLogWriter(configuration: .init(directory: layout.log))
        } catch let error as EventLogError {
            if case .locked = error {
                throw CommandFailure("\(error)\nclaimwatchd is running on this state folder: copy the files into its drop folder instead, or stop it first")
            }
            throw CommandFailure(error.description)
        }
        var logger = Logger(label: "claimwatch.ingest")
        logger.logLevel = .warning
        let configuration = IngestConfiguration(
            layout: layout, dropFolder: folder, intake: .init(maximumBytes: (try? ByteSize.parse(maxFileSize)) ?? 20 << 20),
            keepProcessed: true, quarantineRejected: false)
        do {
            let pipeline = try IngestPipeline(configuration: configuration, writer: writer, logger: logger)
            try pipeline.rebuild()
            let files = try FolderWalk.files(in: folder, filter: DropNameFilter(patterns: DropNameFilter.defaultPatterns),
                                             recursive: recursive)
            let progress = ProgressLine(total: files.count, enabled: isatty(STDERR_FILENO) != 0)
            for (index, file) in files.enumerated() {
                try pipeline.take(file)
                progress.update(done: index + 1, detail: pipeline.counters.summary)
            }
            try pipeline.drain()
            // The counts settle once the last batch is durable: the bar's last line says so.
            progress.finish(detail: pipeline.counters.summary)
            pipeline.refreshStore()
            try writer.close()
            let counters = pipeline.counters
            print("\(Wording.count(files.count, "file")) from \(folder): \(Wording.count(counters.ingested, "new article")), "
                  + "\(Wording.count(counters.duplicates, "copy")), \(counters.rejected) refused, \(counters.skipped) already recorded")
        } catch {
            try? writer.close()
            throw CommandFailure("\(error)")
        }
    }
}

/// A one-line progress bar on standard error, redrawn in place; silent when not a terminal.
final class ProgressLine {
    private let total: Int
    private let enabled: Bool
    private var lastDraw = ContinuousClock.now - .seconds(1)

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(done: Int, detail: String) {
        guard enabled, ContinuousClock.now - lastDraw > .milliseconds(100) || done == total else { return }
        draw(done: done, detail: detail)
    }

    /// Draws the last line with the final counts, then ends it.
    func finish(detail: String) {
        guard enabled else { return }
        draw(done: total, detail: detail)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(done: Int, detail: String) {
        lastDraw = ContinuousClock.now
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)  \(detail)\u{1B}[K".utf8))
    }
}
