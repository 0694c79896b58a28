public import Foundation

/// Runs one of the package's built executables as a real subprocess.
public struct Executable: Sendable {
    public let path: String

    /// Any program, by its path.
    public init(_ name: String, path: String) {
        self.path = path
    }

    /// The executables sit beside the test bundle in the build folder.
    public init(_ name: String) {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        // On Linux the test runner is `<build>/<package>PackageTests.xctest`, a file.
        if folder.lastPathComponent.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
        path = folder.appendingPathComponent(name).path
    }

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs to completion and collects both outputs.
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let (process, out, err) = Self.prepare(path: path, arguments: arguments, environment: environment)
        try process.run()
        // Read both pipes fully before waiting, so a chatty child never blocks on a full pipe.
        let errData = ReadAll(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    /// A process for `path` with both outputs piped and no standard input.
    public static func prepare(path: String, arguments: [String], environment: [String: String]) -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        return (process, out, err)
    }

    /// Starts the executable and leaves it running; its standard output arrives line by line.
    public func start(_ arguments: [String], environment: [String: String] = [:]) throws -> RunningProcess {
        try RunningProcess(path: path, arguments: arguments, environment: environment)
    }
}

/// Reads a pipe to its end on a thread of its own; what arrived so far can be looked at
/// while it runs.
public final class ReadAll: @unchecked Sendable {
    // @unchecked: `data` is only touched with `lock` held.
    private var data = Data()
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    public init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            done.signal()
        }
    }

    public func wait() -> Data {
        done.wait()
        done.signal()
        return lock.withLock { data }
    }

    /// What has arrived so far.
    public func snapshot() -> Data {
        lock.withLock { data }
    }
}
