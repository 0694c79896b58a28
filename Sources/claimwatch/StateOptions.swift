import ArgumentParser
import Foundation
import Ingest

/// The `--state` option every command takes.
struct StateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The state folder (log, articles, index, archive, quarantine).", valueName: "dir"))
    var state: String?

    var layout: StateLayout {
        StateLayout.resolve(flag: state, environment: ProcessInfo.processInfo.environment,
                            executablePath: CommandLine.executablePath)
    }

    /// The layout of a state folder that has a log; reading commands never make one, so a
    /// mistyped `--state` is an error naming the folder, not an empty answer.
    func existingLog() throws -> StateLayout {
        let layout = self.layout
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.log, isDirectory: &isFolder), isFolder.boolValue else {
            let source = state != nil ? "--state" : ProcessInfo.processInfo.environment["CLAIMWATCH_STATE"].map { _ in "$CLAIMWATCH_STATE" }
                ?? "the default state folder"
            throw CommandFailure("no event log at \(layout.log) (from \(source)): is the state folder right? "
                                 + "claimwatchd or `claimwatch ingest` makes it")
        }
        return layout
    }
}

extension CommandLine {
    /// The running executable, resolved through /proc so a relative or PATH launch still
    /// finds its checkout.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
    }
}
