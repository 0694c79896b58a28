import EventLog
import Foundation

/// Writes events to standard output, as JSON lines or one readable line each, and
/// reports damaged lines on standard error (and keeps them, for the exit status).
final class EventPrinter {
    /// Standard output was closed (e.g. `claimwatch tail | head`): stop quietly.
    typealias Closed = StandardOutput.Closed

    private let json: Bool
    private let types: [String]
    private let output = StandardOutput()
    private let color = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    /// The damaged lines met so far.
    private(set) var damage: [LogDamage] = []

    init(json: Bool, types: [String]) {
        self.json = json
        self.types = types
    }

    func includes(_ type: String) -> Bool {
        types.isEmpty || types.contains { type == $0 || type.hasPrefix($0 + ".") }
    }

    /// `prefix` goes before a readable line (a cluster host's name), never into JSON.
    func print(_ item: LogCursor.Item, prefix: String = "") throws {
        switch item {
        case let .record(record):
            guard includes(record.type) else { return }
            if json {
                try output.line(record.line)
            } else {
                let line = prefix + EventSummary.line(for: record)
                // A conflict must stand out on a terminal: bold red, unless NO_COLOR is set.
                if color, record.type == FigureCompared.eventType, line.contains("✗ CONFLICT") {
                    try output.line("\u{1B}[1;31m" + line + "\u{1B}[0m")
                } else {
                    try output.line(line)
                }
            }
        case .damaged:
            guard let damage = item.damage else { return }
            try reportDamage(damage)
        }
    }

    func reportDamage(_ damage: LogDamage) throws {
        try flush()
        self.damage.append(damage)
        FileHandle.standardError.write(Data("claimwatch: damaged record in \(damage)\n".utf8))
    }

    func flush() throws {
        try output.flush()
    }
}
