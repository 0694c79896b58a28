public import Foundation

/// A child process whose standard output lines are collected as they arrive.
public final class RunningProcess: @unchecked Sendable {
    // @unchecked: `lines` and `partial` are guarded by `condition`.
    private let process: Process
    private let condition = NSCondition()
    private var lines: [String] = []
    private var partial = Data()
    private let errors: ReadAll

    init(path: String, arguments: [String], environment: [String: String]) throws {
        let (process, out, err) = Executable.prepare(path: path, arguments: arguments, environment: environment)
        self.process = process
        errors = ReadAll(err.fileHandleForReading)
        let handle = out.fileHandleForReading
        try process.run()
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                condition.lock()
                if chunk.isEmpty {
                    condition.unlock()
                    condition.broadcast()
                    return
                }
                partial.append(chunk)
                while let newline = partial.firstIndex(of: 0x0A) {
                    lines.append(String(decoding: partial[partial.startIndex..<newline], as: UTF8.self))
                    partial = Data(partial[(newline + 1)...])
                }
                condition.unlock()
                condition.broadcast()
            }
        }
    }

    public var pid: Int32 { process.processIdentifier }

    /// Waits until at least `count` lines arrived, or `timeout` passed; returns what arrived.
    public func waitForLines(_ count: Int, timeout: TimeInterval = 20) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while lines.count < count, condition.wait(until: deadline) {}
        return lines
    }

    /// Waits until a line satisfies `match`, or `timeout` passed.
    public func waitForLine(timeout: TimeInterval = 20, where match: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let line = lines.first(where: match) { return line }
            if !condition.wait(until: deadline) { return lines.first(where: match) }
        }
    }

    public func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to end (killing it after `timeout`) and returns its status.
    @discardableResult
    public func wait(timeout: TimeInterval = 20) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    public var terminatedBySignal: Bool { process.terminationReason == .uncaughtSignal }

    public var standardError: String { String(decoding: errors.wait(), as: UTF8.self) }

    /// Standard error so far, without waiting for the process to end.
    public var standardErrorSoFar: String { String(decoding: errors.snapshot(), as: UTF8.self) }

    public var isRunning: Bool { process.isRunning }
}
