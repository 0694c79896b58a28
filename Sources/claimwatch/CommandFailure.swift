import ArgumentParser
import Foundation

/// A failure worth one clear line on standard error and exit status 1: nothing was
/// answered (no log, an unknown or ambiguous id, a store that cannot be opened).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The exit statuses every command keeps to (README, "Exit status").
enum ExitStatus {
    /// The answer is printed, but the log or store is damaged: it leaves out what could
    /// not be read, and standard error says what and where.
    static let partial = ExitCode(2)
}

extension ExitStatus {
    /// A usage problem found only once the log is read (a `--type` no log holds): said like
    /// the parser's own, with its exit status.
    static func usage(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        return ExitCode.validationFailure
    }
}
