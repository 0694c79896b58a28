import ArgumentParser
import EventLog
import Ingest
import Foundation

struct TailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Show the last events of the log, and follow it with -f.",
        discussion: """
            On a terminal each event is one readable line; piped, or with --json, each is \
            the record's JSON line exactly as stored, ready for jq.
            """
    )

    @OptionGroup var state: StateOptions

    @Option(name: .short, help: "How many of the last events to show first.")
    var n: Int = 10

    @Flag(name: [.short, .customLong("follow")], help: "Keep printing events as they are appended, across segment rotations, until Ctrl-C.")
    var follow = false

    @Option(name: .customLong("from-seq"), help: ArgumentHelp("Start at this seq instead of the last -n events.", valueName: "seq"))
    var fromSeq: UInt64?

    @Option(name: .customLong("type"), help: ArgumentHelp("Only events of this type; 'article' matches every 'article.*' type. Repeatable.", valueName: "type"))
    var types: [String] = []

    @Flag(help: "Print JSON lines even on a terminal.")
    var json = false

    func validate() throws {
        guard n >= 0 else { throw ValidationError("-n must be zero or more") }
        if let fromSeq, fromSeq < 1 { throw ValidationError("--from-seq starts at 1") }
    }

    func run() throws {
        let directory = state.layout.log
        let output = EventPrinter(json: json || isatty(STDOUT_FILENO) == 0, types: types)
        var next: UInt64
        do {
            if let fromSeq {
                next = fromSeq
                if !follow {
                    let cursor = try LogCursor(directory: directory, from: fromSeq)
                    while let item = try cursor.next() { try output.print(item) }
                    try output.flush()
                    return
                }
            } else {
                let reader = EventLogReader(directory: directory)
                let last = try reader.lastRecords(n, where: output.includes)
                for record in last { try output.print(.record(record)) }
                next = (try reader.lastSeq() ?? 0) + 1
            }
            try output.flush()
            guard follow else { return }
            try followLog(directory: directory, from: next, output: output)
        } catch let error as EventLogError {
            throw CommandFailure(error.description)
        } catch is EventPrinter.Closed {
            return
        }
    }

    private func followLog(directory: String, from seq: UInt64, output: EventPrinter) throws {
        let follower = try LogFollower(directory: directory, from: seq)
        let interrupts = [SIGINT, SIGTERM].map { signalNumber -> any DispatchSourceSignal in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { follower.cancel() }
            source.resume()
            return source
        }
        defer { interrupts.forEach { $0.cancel() } }
        while let item = try follower.next() {
            try output.print(item)
            try output.flush()
        }
    }
}
