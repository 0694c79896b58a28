import EventLog
import Foundation

/// Writes events to standard output, as JSON lines or one readable line each, and
/// reports damaged lines on standard error.
final class EventPrinter {
    /// Standard output was closed (e.g. `claimwatch tail | head`): stop quietly.
    struct Closed: Error {}

    private let json: Bool
    private let types: [String]
    private var buffer: [UInt8] = []
    private let color = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    init(json: Bool, types: [String]) {
        self.json = json
        self.types = types
        // A closed pipe shows up as a failed write, not a signal that kills us mid-line.
        signal(SIGPIPE, SIG_IGN)
    }

    func includes(_ type: String) -> Bool {
        types.isEmpty || types.contains { type == $0 || type.hasPrefix($0 + ".") }
    }

    func print(_ item: LogCursor.Item) throws {
        switch item {
        case let .record(record):
            guard includes(record.type) else { return }
            if json {
                buffer.append(contentsOf: record.line)
            } else {
                let line = EventSummary.line(for: record)
                // A conflict must stand out on a terminal: bold red, unless NO_COLOR is set.
                if color, record.type == FigureCompared.eventType, line.contains("✗ CONFLICT") {
                    buffer.append(contentsOf: ("\u{1B}[1;31m" + line + "\u{1B}[0m").utf8)
                } else {
                    buffer.append(contentsOf: line.utf8)
                }
            }
            buffer.append(0x0A)
            if buffer.count > 1 << 16 { try flush() }
        case let .damaged(segment, offset, reason):
            try flush()
            FileHandle.standardError.write(Data("claimwatch: damaged record in \(segment) at byte \(offset): \(reason)\n".utf8))
        }
    }

    func flush() throws {
        var written = 0
        while written < buffer.count {
            let result = buffer[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw Closed()
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
