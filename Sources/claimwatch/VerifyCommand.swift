import ArgumentParser
import ConsoleOutput
import EventLog
import Ingest
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every record of the log: checksums, seq gaps, torn tails.",
        discussion: "Exits 0 when the log is whole; 1 when anything is damaged, and when there is no log or it holds no records (nothing was checked)."
    )

    @OptionGroup var state: StateOptions
    @OptionGroup var cluster: LocalOnlyOption

    @Flag(help: "Print the report as one JSON object.")
    var json = false

    func validate() throws {
        try cluster.refuse("verify", because: "checks one host's own log, byte by byte")
    }

    func run() throws {
        let directory = try state.existingLog().log
        let report: LogVerifier.Report
        do {
            report = try LogVerifier(directory: directory).verify()
        } catch {
            throw CommandFailure(error.description)
        }
        if json {
            print(try jsonReport(report, directory: directory))
        } else {
            print(textReport(report, directory: directory))
        }
        // An empty log proves nothing: a mistyped --state must not read as "ok".
        if !report.isClean || report.records == 0 { throw ExitCode(1) }
    }

    private func textReport(_ report: LogVerifier.Report, directory: String) -> String {
        var lines: [String] = []
        let range = report.firstSeq.map { " (seq \($0)–\(report.lastSeq ?? $0))" } ?? ""
        lines.append("log \(directory): \(Wording.count(report.segments, "segment")), \(Wording.count(report.records, "record"))\(range), \(formatBytes(report.bytes))")
        for (type, count) in report.recordsByType.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(type): \(count)")
        }
        if report.writeInProgress { lines.append("a record is being written right now (the writer holds the lock)") }
        if report.records == 0, report.isClean {
            lines.append("empty: the log holds no records, so there is nothing to verify")
        } else if report.isClean {
            lines.append("ok: every checksum matches and seqs run without gaps")
        } else {
            lines.append("DAMAGED: \(Wording.count(report.problems.count, "problem"))")
            lines.append(contentsOf: report.problems.map { "  \($0)" })
        }
        return lines.joined(separator: "\n")
    }

    private func jsonReport(_ report: LogVerifier.Report, directory: String) throws -> String {
        struct Output: Encodable {
            var directory: String
            var ok: Bool
            var segments: Int
            var records: Int
            var bytes: Int64
            var firstSeq: UInt64?
            var lastSeq: UInt64?
            var types: [String: Int]
            var writeInProgress: Bool
            var problems: [Problem]
        }
        struct Problem: Encodable {
            var kind: String
            var segment: String
            var offset: Int64
            var detail: String
        }
        let output = Output(
            directory: directory, ok: report.isClean && report.records > 0, segments: report.segments, records: report.records,
            bytes: report.bytes, firstSeq: report.firstSeq, lastSeq: report.lastSeq, types: report.recordsByType,
            writeInProgress: report.writeInProgress,
            problems: report.problems.map { Problem(kind: $0.kind.rawValue, segment: $0.segment, offset: $0.offset, detail: $0.detail) })
        return try CompactJSON.encode(output)
    }
}

func formatBytes(_ bytes: Int64) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
}
