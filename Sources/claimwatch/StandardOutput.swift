import Foundation

/// Standard output, written in large blocks. A closed pipe (`claimwatch claims | head`)
/// shows up as `Closed`, which commands take as a quiet end, not a failure.
final class StandardOutput {
    struct Closed: Error {}

    private var buffer: [UInt8] = []

    init() {
        // A closed pipe shows up as a failed write, not a signal that kills us mid-line.
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(1 << 16)
    }

    func line(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func line(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Text as it is, with no newline added (CSV records end in their own CRLF).
    func text(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        var written = 0
        while written < buffer.count {
            let result = buffer[written...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                buffer.removeAll(keepingCapacity: true)
                throw Closed()
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Runs `body` with an output that is flushed at the end; a closed pipe ends it quietly.
    static func write(_ body: (StandardOutput) throws -> Void) throws {
        let output = StandardOutput()
        do {
            try body(output)
            try output.flush()
        } catch is Closed {
            return
        }
    }
}
