import CLinuxShims
import Foundation

/// Runs an executable with its standard output and error on a pseudo-terminal, as a
/// person at a terminal would, and collects what it wrote there.
public enum PseudoTerminal {
    public struct Result: Sendable {
        public var status: Int32
        /// Everything written to the terminal, line ends as the terminal gives them (CRLF).
        public var output: String
        public var lines: [String] {
            output.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    public static func run(_ executable: Executable, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        var name = [CChar](repeating: 0, count: 128)
        let master = claimwatch_open_pseudo_terminal(&name, name.count)
        guard master >= 0 else { throw TestFailure("no pseudo-terminal: errno \(errno)") }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw TestFailure("cannot open \(slavePath): errno \(errno)") }
        // Output as the program wrote it: no newline translation by the terminal.
        var settings = termios()
        tcgetattr(slave, &settings)
        settings.c_oflag &= ~tcflag_t(OPOST)
        tcsetattr(slave, TCSANOW, &settings)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardOutput = terminal
        process.standardError = terminal
        process.standardInput = FileHandle.nullDevice
        let reader = MasterReader(master)
        try process.run()
        close(slave)
        process.waitUntilExit()
        let output = reader.wait()
        close(master)
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    /// Reads the terminal's master side until every writer has closed it.
    private final class MasterReader: @unchecked Sendable {
        // @unchecked: `data` is written by the reading thread only, before `done` is signalled.
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ descriptor: Int32) {
            Thread.detachNewThread { [self] in
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = read(descriptor, &buffer, buffer.count)
                    if count > 0 {
                        data.append(contentsOf: buffer[0..<count])
                    } else if count < 0, errno == EINTR {
                        continue
                    } else {
                        break
                    }
                }
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
