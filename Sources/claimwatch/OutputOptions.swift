import ArgumentParser
import ConsoleOutput
import Foundation

/// How an answer is printed: a table for people (fitted to the terminal), JSON lines, or CSV.
struct OutputOptions: ParsableArguments {
    @Flag(help: "One JSON object per line, with the log's field names and shapes (see README, \"JSON output\").")
    var json = false

    @Flag(help: "CSV (RFC 4180) with a header row, for spreadsheets (see README, \"CSV output\").")
    var csv = false

    enum Format { case table, json, csv }

    var format: Format { json ? .json : csv ? .csv : .table }

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv: choose one") }
    }

    /// The width a table must fit: the terminal's, or nil (never cut) when not a terminal.
    var width: Int? { Terminal.width(environment: ProcessInfo.processInfo.environment) }
}
