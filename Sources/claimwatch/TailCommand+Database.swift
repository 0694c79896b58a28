import ArgumentParser
import ClusterStore
import EventLog
import Foundation
import Logging
import Store

/// `tail --database`: every host's records from the cluster's shared database, in the one
/// order publishing gave them.
struct DatabaseTailOptions: ParsableArguments {
    /// The address, and the cache folder of the projection `--story` finds its story in.
    @OptionGroup var projection: DatabaseOptions
    var connection: DatabaseConnectionOptions { projection.connection }

    @Option(name: .customLong("host"), help: ArgumentHelp("With --database: only this host's events. Repeatable.", valueName: "name"))
    var hosts: [String] = []

    @Option(name: .customLong("after-position"),
            help: ArgumentHelp("With --database: start after this stream position (each JSON line's place is printed on standard error with --positions).",
                               valueName: "position"))
    var afterPosition: Int64?

    @Flag(help: "With --database: print each event's stream position and host before it on a terminal, or as 'position host' on standard error when piped, for resuming with --after-position.")
    var positions = false

    func address(_ environment: [String: String]) -> String? { connection.address(environment) }
}

extension TailCommand {
    func runFromDatabase(_ address: String) async throws {
        if fromSeq != nil { throw ValidationError("--from-seq is a seq of one host's log; with --database, use --after-position") }
        // A story's members across hosts, from the stream's projection (caught up first).
        var events: StoryEvents? = nil
        if story.story != nil {
            let store = try await QueryStore.open(state, cluster.projection, command: "tail")
            if let id = try story.resolve(in: store) {
                events = try QueryStore.answer { () throws(StoreError) in try store.events(ofStory: id) }
            }
        }
        let configuration = try cluster.connection.configuration(address, applicationName: "claimwatch tail")
        let connection = try await DatabaseOptions.connect(configuration)
        defer { Task { await connection.close() } }
        let output = EventPrinter(json: json || isatty(STDOUT_FILENO) == 0, types: types)
        let bounds = time.bounds
        let filter = StreamFilter(types: types, hosts: cluster.hosts, since: bounds.since, until: bounds.until)
        let stream = EventStream(connection: connection)
        /// Whether a record is shown: all are, but with --story only the story's.
        func shown(_ record: StreamRecord) -> Bool {
            guard events != nil else { return true }
            guard let parsed = LogRecord(line: Array(record.line.utf8)) else { return false }
            return events?.includes(parsed) ?? false
        }
        do {
            try await stream.check()
            var position: Int64
            if cluster.afterPosition != nil || events != nil {
                // A story's events are found by reading the stream from its start (or --since).
                position = if let after = cluster.afterPosition {
                    after
                } else if let since = bounds.since {
                    try await stream.position(before: since)
                } else {
                    0
                }
                let head = try await stream.head()
                var kept: [StreamRecord] = []
                while position < head {
                    let batch = try await stream.records(after: position, through: head, filter: filter, limit: 1_000)
                    for record in batch where shown(record) {
                        if cluster.afterPosition == nil, let n {
                            kept.append(record)
                            if kept.count > n { kept.removeFirst(kept.count - n) }
                        } else {
                            try print(record, output)
                        }
                    }
                    position = batch.count < 1_000 ? head : batch[batch.count - 1].position
                }
                for record in kept { try print(record, output) }
            } else {
                position = try await stream.head()
                let count = n ?? (bounds.since != nil || bounds.until != nil ? Int(Int32.max) : 10)
                for record in try await stream.last(count, filter: filter) { try print(record, output) }
            }
            try output.flush()
            guard follow else { return }
            try await stream.follow(after: position, filter: filter, deliver: { record throws(ClusterStoreError) in
                guard shown(record) else { return }
                do {
                    try print(record, output)
                    try output.flush()
                } catch {
                    // Standard output closed (`| head`): stop as the local tail does.
                    throw .unreachable("standard output closed")
                }
            }, reached: { _ in })
        } catch let error as ClusterStoreError {
            if case .unreachable("standard output closed") = error { return }
            throw CommandFailure("\(error)")
        } catch is EventPrinter.Closed {
            return
        }
    }

    private func print(_ record: StreamRecord, _ output: EventPrinter) throws {
        guard let parsed = LogRecord(line: Array(record.line.utf8)) else {
            FileHandle.standardError.write(Data("claimwatch: host \(record.host) seq \(record.seq) at position \(record.position) has no envelope\n".utf8))
            return
        }
        var prefix = record.host + "  "
        if cluster.positions {
            if isatty(STDOUT_FILENO) != 0 && !json {
                prefix = "\(record.position) " + prefix
            } else {
                try output.flush()
                FileHandle.standardError.write(Data("\(record.position) \(record.host)\n".utf8))
            }
        }
        try output.print(.record(parsed), prefix: prefix)
    }
}
