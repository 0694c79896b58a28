import ArgumentParser
import Daemon
import Foundation
import Logging

@main
struct Claimwatchd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimwatchd",
        abstract: "Watch a drop folder and record every article, copy and claim in the event log.",
        discussion: """
            Settings come from defaults, then the configuration file (--config, \
            $CLAIMWATCHD_CONFIG, or <state>/claimwatchd.conf), then CLAIMWATCHD_* environment \
            variables (e.g. CLAIMWATCHD_MAX_FILE_SIZE=5M, CLAIMWATCHD_LOG_LEVEL=debug), then these flags. SIGTERM or SIGINT \
            stops after the file in hand; SIGHUP reloads the configuration.
            """,
        version: DaemonVersion.current
    )

    @Option(help: ArgumentHelp("The state folder: log, articles, archive, quarantine.", valueName: "dir"))
    var state: String?

    @Option(help: ArgumentHelp("The drop folder to watch (default: <state>/inbox).", valueName: "dir"))
    var inbox: String?

    @Option(help: ArgumentHelp("A configuration file of 'key = value' lines.", valueName: "file"))
    var config: String?

    @Flag(help: "Watch subfolders of the drop folder too.")
    var recursive = false

    @Flag(help: "Leave processed files in the drop folder instead of moving them to <state>/archive.")
    var keep = false

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Refuse larger files (e.g. 20M).", valueName: "size"))
    var maxFileSize: String?

    @Option(name: .customLong("rescan-interval"), help: ArgumentHelp("Full rescan of the drop folder this often (e.g. 5m).", valueName: "duration"))
    var rescanInterval: String?

    @Option(name: .customLong("poll-interval"), help: ArgumentHelp("Scan this often when polling (e.g. 2s).", valueName: "duration"))
    var pollInterval: String?

    @Flag(name: .customLong("force-polling"), help: "Poll the drop folder instead of using inotify.")
    var forcePolling = false

    @Option(name: .customLong("ignore"), help: ArgumentHelp("Ignore names matching this glob; repeatable; replaces the defaults.", valueName: "glob"))
    var ignore: [String] = []

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info (the default: one line per file), notice, warning, error or critical.", valueName: "level"))
    var logLevel: String?

    @Option(help: ArgumentHelp("The cluster's shared PostgreSQL database (postgresql://[user@][host][:port]/db[?…]); "
                               + "its password comes from database-password-file or $CLAIMWATCH_DATABASE_PASSWORD.", valueName: "address"))
    var database: String?

    @Option(name: .customLong("host-name"), help: ArgumentHelp("The name this host's records are published under (default: the machine's).", valueName: "name"))
    var hostName: String?

    @Flag(name: .customLong("check-config"), help: "Print the configuration that would be used, and exit.")
    var checkConfig = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let loader = ConfigurationLoader(flags: flags, configFile: config, stateFlag: state, environment: environment,
                                         executablePath: executablePath)
        let configuration: DaemonConfiguration
        do {
            configuration = try loader.load()
        } catch {
            throw ValidationError(error.description)
        }
        if checkConfig {
            for (key, value) in configuration.summary.sorted(by: { $0.key < $1.key }) { print("\(key) = \(value)") }
            return
        }
        // A wrong address or an unreadable password file stops the daemon before it starts.
        let sharing: LogSharingFactory?
        do {
            sharing = try ClusterWiring.sharing(configuration, environment: environment)
        } catch {
            throw ValidationError("\(error)")
        }
        let levels = LogLevelSwitch(configuration.logLevel)
        LoggingSystem.bootstrap { label in
            var handler = JournalLogHandler(label: label, environment: environment)
            handler.levelSwitch = levels
            return handler
        }
        let logger = Logger(label: "claimwatchd")
        do {
            try await DaemonRunner.run(configuration: configuration, environment: environment, logger: logger, logLevels: levels,
                                       sharing: sharing,
                                       reload: { () throws(DaemonError) in try loader.load() })
        } catch {
            logger.critical("claimwatchd failed", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }

    private var flags: [(key: String, value: String)] {
        var flags: [(String, String)] = []
        if let inbox { flags.append(("inbox", inbox)) }
        if recursive { flags.append(("recursive", "true")) }
        if keep { flags.append(("keep", "true")) }
        if let maxFileSize { flags.append(("max-file-size", maxFileSize)) }
        if let rescanInterval { flags.append(("rescan-interval", rescanInterval)) }
        if let pollInterval { flags.append(("poll-interval", pollInterval)) }
        if forcePolling { flags.append(("force-polling", "true")) }
        if !ignore.isEmpty { flags.append(("ignore", ignore.joined(separator: " "))) }
        if let logLevel { flags.append(("log-level", logLevel)) }
        if let database { flags.append(("database", database)) }
        if let hostName { flags.append(("host-name", hostName)) }
        return flags
    }

    private var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
