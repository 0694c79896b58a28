import Foundation
import Ingest

/// Reads the configuration sources in order: defaults, file, environment, flags.
public struct ConfigurationLoader: Sendable {
    /// Settings given on the command line, by their file names (`max-file-size`).
    public var flags: [(key: String, value: String)]
    /// An explicit `--config` file; otherwise `$CLAIMWATCHD_CONFIG`, else
    /// `<state>/claimwatchd.conf` when it exists.
    public var configFile: String?
    public var stateFlag: String?
    public var environment: [String: String]
    public var executablePath: String

    public init(flags: [(key: String, value: String)], configFile: String?, stateFlag: String?,
                environment: [String: String], executablePath: String) {
        self.flags = flags
        self.configFile = configFile
        self.stateFlag = stateFlag
        self.environment = environment
        self.executablePath = executablePath
    }

    public func load() throws(DaemonError) -> DaemonConfiguration {
        let layout = StateLayout.resolve(flag: stateFlag, environment: environment, executablePath: executablePath)
        var configuration = DaemonConfiguration(state: layout)
        let file = configFile ?? environment["CLAIMWATCHD_CONFIG"] ?? {
            let candidate = layout.root + "/claimwatchd.conf"
            return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }()
        if let file {
            configuration.configFile = file
            for (line, key, value) in try Self.parse(file: file) {
                do throws(DaemonError) {
                    try configuration.apply(key: key, value: value)
                } catch {
                    throw .configuration("\(file):\(line): \(error.detail)")
                }
            }
        }
        // The state folder was already chosen above; environment and flags may override the rest.
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("CLAIMWATCHD_") {
            let key = String(name.dropFirst("CLAIMWATCHD_".count))
            guard key != "CONFIG" else { continue }
            do throws(DaemonError) {
                try configuration.apply(key: key, value: value)
            } catch {
                throw .configuration("environment \(name): \(error.detail)")
            }
        }
        for (key, value) in flags {
            try configuration.apply(key: key, value: value)
        }
        if let stateFlag { configuration.state = StateLayout(root: stateFlag) }
        configuration.runtimeDirectory = environment["RUNTIME_DIRECTORY"].flatMap { $0.split(separator: ":").first.map(String.init) }
        configuration.simulatedDiskFullFlag = environment["CLAIMWATCH_FAULT_DISK_FULL"].flatMap { $0.isEmpty ? nil : $0 }
        return try configuration.validated()
    }

    /// `key = value` lines; `#` starts a comment; blank lines are skipped.
    static func parse(file: String) throws(DaemonError) -> [(line: Int, key: String, value: String)] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .configuration("cannot read the configuration file \(file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .configuration("\(file) is not UTF-8 text")
        }
        do {
            return try ConfigFileSyntax.settings(in: text)
        } catch {
            throw .configuration("\(file):\(error.detail)")
        }
    }
}
