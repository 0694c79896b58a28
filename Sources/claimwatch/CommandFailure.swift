import ArgumentParser

/// A failure worth one clear line on standard error and exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
