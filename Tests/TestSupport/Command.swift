import Foundation

/// Runs a real program to its end and keeps what it printed (stdout and stderr together, so
/// neither pipe can fill up while the other is read).
public struct Command: Sendable {
    public let status: Int32
    public let output: String

    public init(_ executable: String, _ arguments: [String]) throws {
        let (process, _, _) = Executable.prepare(path: executable, arguments: arguments, environment: [:])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        output = String(decoding: data, as: UTF8.self)
    }

    /// The first executable called `name` on `$PATH` or in the usual system folders.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
