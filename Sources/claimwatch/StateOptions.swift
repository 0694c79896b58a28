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
}

extension CommandLine {
    /// The running executable, resolved through /proc so a relative or PATH launch still
    /// finds its checkout.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
    }
}
