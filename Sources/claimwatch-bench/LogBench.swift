import ArgumentParser
import EventLog
import Foundation

struct LogBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Append events with group commit and with an fsync each, then scan them back."
    )

    @Option(help: "Events to append with group commit.")
    var events = 1_000_000

    @Option(name: .customLong("fsync-events"), help: "Events to append one durable append at a time.")
    var fsyncEvents = 2_000

    @Option(help: "Folder to write the benchmark log in (default: a new folder under the system's temporary directory).")
    var directory: String?

    @Flag(help: "Keep the benchmark log instead of removing it.")
    var keep = false

    func run() async throws {
        let root = directory ?? NSTemporaryDirectory() + "/claimwatch-bench-log-\(getpid())"
        defer { if !keep { try? FileManager.default.removeItem(atPath: root) } }
        print(BenchMachine.describe(path: NSTemporaryDirectory()))

        let encodeStart = ContinuousClock.now
        var encodedBytes = 0
        for index in 0..<events {
            encodedBytes += try RecordFormat.record(seq: UInt64(index + 1), time: Date(), payload: BenchEvent.sample(index)).count
        }
        report("encode only (no I/O)", count: events, bytes: Int64(encodedBytes), time: ContinuousClock.now - encodeStart)

        let groupDirectory = root + "/group"

        let groupStart = ContinuousClock.now
        let writer = try EventLogWriter(configuration: .init(directory: groupDirectory))
        for index in 0..<events {
            _ = try writer.enqueue(BenchEvent.sample(index))
        }
        try writer.flush()
        try writer.close()
        let groupTime = ContinuousClock.now - groupStart
        let bytes = try directoryBytes(groupDirectory)
        print("records average \(bytes / Int64(max(events, 1))) bytes")
        report("append, group commit", count: events, bytes: bytes, time: groupTime)

        let concurrentDirectory = root + "/concurrent"
        let concurrent = try EventLogWriter(configuration: .init(directory: concurrentDirectory))
        let concurrentCount = min(events, 200_000)
        let concurrentStart = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            let appenders = 64
            for appender in 0..<appenders {
                group.addTask {
                    for index in stride(from: appender, to: concurrentCount, by: appenders) {
                        try await concurrent.append(BenchEvent.sample(index))
                    }
                }
            }
            try await group.waitForAll()
        }
        try concurrent.close()
        report("append, 64 waiting appenders", count: concurrentCount, bytes: try directoryBytes(concurrentDirectory),
               time: ContinuousClock.now - concurrentStart)

        let syncDirectory = root + "/fsync"
        let single = try EventLogWriter(configuration: .init(directory: syncDirectory))
        let syncStart = ContinuousClock.now
        for index in 0..<fsyncEvents {
            try await single.append(BenchEvent.sample(index))
        }
        try single.close()
        report("append, fdatasync per event", count: fsyncEvents, bytes: try directoryBytes(syncDirectory),
               time: ContinuousClock.now - syncStart)

        let scanStart = ContinuousClock.now
        let cursor = try EventLogReader(directory: groupDirectory).cursor()
        var scanned = 0
        var damaged = 0
        while let item = try cursor.next() {
            if case .record = item { scanned += 1 } else { damaged += 1 }
        }
        let scanTime = ContinuousClock.now - scanStart
        report("scan with checksum verification", count: scanned, bytes: bytes, time: scanTime)
        if scanned != events || damaged != 0 {
            throw ValidationError("scan read \(scanned) records and \(damaged) damaged lines; expected \(events)")
        }

        let verifyStart = ContinuousClock.now
        let verification = try LogVerifier(directory: groupDirectory).verify()
        report("claimwatch verify", count: verification.records, bytes: verification.bytes, time: ContinuousClock.now - verifyStart)
    }

    private func report(_ label: String, count: Int, bytes: Int64, time: Duration) {
        let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
        let perSecond = Double(count) / seconds
        let megabytes = Double(bytes) / 1_048_576 / seconds
        print(String(format: "%-32@ %9d events in %7.3f s: %11.0f events/s, %8.1f MiB/s",
                     label as NSString, count, seconds, perSecond, megabytes))
    }

    private func directoryBytes(_ path: String) throws -> Int64 {
        try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".log") }.reduce(0) { total, name in
            total + ((try FileManager.default.attributesOfItem(atPath: path + "/" + name)[.size] as? Int64) ?? 0)
        }
    }
}
