import ArgumentParser
import EventLog
import Foundation
import Ingest
import Store

struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Show the last events of the log, and follow it with -f.",
        discussion: """
            On a terminal each event is one readable line; piped, or with --json, each is \
            the record's JSON line exactly as stored, ready for jq. With --since or --until, \
            every event in that time is shown (-n keeps the last N of them). With --story, \
            only the events of that story's articles and copies, and its merges. With \
            --database (or $CLAIMWATCH_DATABASE), every cluster host's events from the shared \
            PostgreSQL, in the one order they were published, each readable line after its host.
            """
    )

    @OptionGroup var state: StateOptions

    @Option(name: .short, help: "How many of the last events to show first (default 10; all of them with --since or --until).")
    var n: Int?

    @Flag(name: [.short, .customLong("follow")], help: "Keep printing events as they are appended, across segment rotations, until Ctrl-C.")
    var follow = false

    @Option(name: .customLong("from-seq"), help: ArgumentHelp("Start at this seq instead of the last -n events.", valueName: "seq"))
    var fromSeq: UInt64?

    @Option(name: .customLong("type"), help: ArgumentHelp("Only events of this type; 'article' matches every 'article.*' type. Repeatable.", valueName: "type"))
    var types: [String] = []

    @OptionGroup var time: TimeOptions

    @OptionGroup var story: StoryOption

    @Flag(help: "Print JSON lines even on a terminal.")
    var json = false

    @OptionGroup(title: "Cluster") var cluster: DatabaseTailOptions

    func validate() throws {
        if let n, n < 0 { throw ValidationError("-n must be zero or more") }
        if let fromSeq, fromSeq < 1 { throw ValidationError("--from-seq starts at 1") }
        if follow, time.until != nil { throw ValidationError("--until and --follow: following waits for events, which come after any --until") }
    }

    /// A type this version does not know is taken only when the log holds it (a newer
    /// version's, or a tool's own): anything else is a typo, refused with the types listed.
    private func checkTypes(directory: String) throws {
        let known = Event.knownTypes
        let families = Set(known.compactMap { $0.split(separator: ".").first.map(String.init) })
        let unknown = types.filter { !known.contains($0) && !families.contains($0) }
        guard !unknown.isEmpty else { return }
        let filter = EventPrinter(json: true, types: unknown)
        var found = Set<String>()
        let cursor = try EventLogReader(directory: directory).cursor()
        while let item = try cursor.next() {
            if case let .record(record) = item, filter.includes(record.type) {
                found.formUnion(unknown.filter { record.type == $0 || record.type.hasPrefix($0 + ".") })
                if found.count == unknown.count { return }
            }
        }
        let missing = unknown.filter { !found.contains($0) }
        throw ExitStatus.usage("--type \(missing.joined(separator: ", ")): no such event type; the types are "
                              + "\(known.joined(separator: ", ")), and \(families.sorted().joined(separator: ", ")) for each family")
    }

    func run() async throws {
        if let address = cluster.address(ProcessInfo.processInfo.environment) {
            try await runFromDatabase(address)
            return
        }
        let directory = try state.existingLog().log
        do {
            try checkTypes(directory: directory)
        } catch let error as EventLogError {
            throw CommandFailure(error.description)
        }
        let output = EventPrinter(json: json || isatty(STDOUT_FILENO) == 0, types: types)
        var events: StoryEvents? = nil
        if story.story != nil {
            let store = try QueryStore.open(state)
            if let id = try story.resolve(in: store) {
                events = try QueryStore.answer { () throws(StoreError) in try store.events(ofStory: id) }
            }
        }
        let bounds = time.bounds
        let (since, until) = (bounds.since, bounds.until)
        do {
            let reader = EventLogReader(directory: directory)
            var next: UInt64
            // A story's events are found by reading the log from its start (or --since).
            if fromSeq != nil || since != nil || until != nil || events != nil {
                var start: UInt64 = fromSeq ?? 1
                if fromSeq == nil, let since {
                    // Nothing since then: start after the last record, for -f.
                    start = try reader.firstSeq(since: since) ?? ((try reader.lastSeq() ?? 0) + 1)
                }
                next = try printRange(from: start, bounds: bounds, reader: reader, output: output, events: &events)
            } else {
                var damage: [LogDamage] = []
                let last = try reader.lastRecords(n ?? 10, where: output.includes, damage: &damage)
                for record in last { try output.print(.record(record)) }
                for damaged in damage { try output.reportDamage(damaged) }
                next = (try reader.lastSeq() ?? 0) + 1
            }
            try output.flush()
            if follow { try followLog(directory: directory, from: next, output: output, events: &events) }
        } catch let error as EventLogError {
            throw CommandFailure(error.description)
        } catch is EventPrinter.Closed {
            return
        }
        try Partial.check(output.damage)
    }

    /// Prints the events from `start` whose time is in range (the last -n of them when -n
    /// is given); returns the seq to follow from.
    private func printRange(from start: UInt64, bounds: TimeBounds, reader: EventLogReader, output: EventPrinter,
                            events: inout StoryEvents?) throws -> UInt64 {
        let cursor = try reader.cursor(from: start)
        // With -n, the last n records, and the damage met after the first of them.
        var kept: [(position: Int, record: LogRecord)] = []
        var damage: [(position: Int, damage: LogDamage)] = []
        var position = 0
        var next = start
        while let item = try cursor.next() {
            position += 1
            guard case let .record(record) = item else {
                if let damaged = item.damage {
                    if n == nil { try output.reportDamage(damaged) } else { damage.append((position, damaged)) }
                }
                continue
            }
            next = record.seq + 1
            if let until = bounds.until, record.time >= until { break }
            guard output.includes(record.type), bounds.contains(record.time), events?.includes(record) ?? true else { continue }
            if let n {
                kept.append((position, record))
                if kept.count > n { kept.removeFirst(kept.count - n) }
            } else {
                try output.print(item)
            }
        }
        if n != nil {
            for (_, record) in kept { try output.print(.record(record)) }
            let first = kept.first?.position ?? Int.max
            for (at, damaged) in damage where at > first { try output.reportDamage(damaged) }
        }
        return next
    }

    private func followLog(directory: String, from seq: UInt64, output: EventPrinter, events: inout StoryEvents?) throws {
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
            if case let .record(record) = item, !(events?.includes(record) ?? true) { continue }
            try output.print(item)
            try output.flush()
        }
    }
}
