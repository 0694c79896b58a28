import EventLog
import Foundation
public import Ingest
public import Logging
import Watcher

/// Everything claimwatchd runs with. Built from defaults, then the configuration file,
/// then `CLAIMWATCHD_*` environment variables, then flags: each later source wins.
public struct DaemonConfiguration: Sendable, Equatable {
    public var state: StateLayout
    /// The drop folder; `<state>/inbox` unless set.
    public var inbox: String?
    public var recursive = false
    /// Leave processed files in the drop folder instead of archiving them.
    public var keep = false
    public var maximumFileBytes = 20 << 20
    public var ignorePatterns = DropNameFilter.defaultPatterns
    public var rescanInterval: Duration = .seconds(300)
    public var pollInterval: Duration = .seconds(2)
    public var forcePolling = false
    public var segmentBytes = 64 << 20
    public var batchSize = 64
    /// The least severe messages written (`log-level`); a reload changes it.
    public var logLevel: Logger.Level = .info
    /// The file this configuration was read from, if any; SIGHUP reads it again.
    public var configFile: String?
    /// Private scratch space for the watcher's wake-up file: systemd's
    /// `$RUNTIME_DIRECTORY` when it gives one, else `<state>/run`.
    public var runtimeDirectory: String?
    /// A test seam, set only from `$CLAIMWATCH_FAULT_DISK_FULL`: while a file exists at this
    /// path, writes to the log fail with `ENOSPC` (see `EventLogConfiguration`).
    public var simulatedDiskFullFlag: String?
    /// The cluster mode's shared database (`postgresql://…`, never with a password); nil
    /// keeps the daemon on its own, as without it.
    public var database: String?
    /// A file whose first line is the database role's password.
    public var databasePasswordFile: String?
    /// The name this host's records are published under; the machine's name when nil.
    public var hostName: String?

    public init(state: StateLayout) {
        self.state = state
    }

    public var dropFolder: String { inbox ?? state.inbox }

    /// The settings as recorded in `daemon.started` and printed by `--check-config`.
    public var summary: [String: String] {
        var summary = [
            "state": state.root, "inbox": dropFolder, "recursive": "\(recursive)", "keep": "\(keep)",
            "max-file-size": "\(maximumFileBytes)", "ignore": ignorePatterns.joined(separator: " "),
            "rescan-interval": ConfigValue.format(rescanInterval), "poll-interval": ConfigValue.format(pollInterval),
            "force-polling": "\(forcePolling)", "segment-size": "\(segmentBytes)", "batch-size": "\(batchSize)",
            "config": configFile ?? "(none)", "log-level": logLevel.rawValue,
        ]
        if let simulatedDiskFullFlag { summary["fault-disk-full"] = simulatedDiskFullFlag }
        if let database {
            summary["database"] = database
            summary["host-name"] = publishingHost
            if let databasePasswordFile { summary["database-password-file"] = databasePasswordFile }
        }
        return summary
    }

    /// The event log's folder, which the cluster mode publishes from.
    public var logDirectory: String { state.log }

    /// The host name records are published under.
    public var publishingHost: String { hostName ?? ProcessInfo.processInfo.hostName }

    var log: EventLogConfiguration {
        var log = EventLogConfiguration(directory: state.log, segmentBytes: segmentBytes)
        log.diskFullWhileExists = simulatedDiskFullFlag
        return log
    }

    var watcher: WatcherConfiguration {
        var watcher = WatcherConfiguration(dropFolder: dropFolder, wakeDirectory: runtimeDirectory ?? state.run)
        watcher.recursive = recursive
        watcher.ignorePatterns = ignorePatterns
        watcher.rescanInterval = rescanInterval
        watcher.pollInterval = pollInterval
        watcher.forcePolling = forcePolling
        return watcher
    }

    func ingest(now: @escaping @Sendable () -> Date = { Date() }) -> IngestConfiguration {
        IngestConfiguration(layout: state, dropFolder: dropFolder, intake: .init(maximumBytes: maximumFileBytes),
                            keepProcessed: keep, batchSize: batchSize, now: now)
    }

    /// Applies one setting by its name in the file (`max-file-size`) or its environment
    /// variable's suffix (`MAX_FILE_SIZE`).
    mutating func apply(key: String, value: String) throws(DaemonError) {
        switch key.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "state": state = StateLayout(root: try ConfigValue.path(value, key: key))
        case "inbox": inbox = try ConfigValue.path(value, key: key)
        case "recursive": recursive = try ConfigValue.bool(value, key: key)
        case "keep": keep = try ConfigValue.bool(value, key: key)
        case "max-file-size": maximumFileBytes = try ConfigValue.size(value, key: key)
        case "ignore": ignorePatterns = value.split(whereSeparator: \.isWhitespace).map(String.init)
        case "rescan-interval": rescanInterval = try ConfigValue.duration(value, key: key)
        case "poll-interval": pollInterval = try ConfigValue.duration(value, key: key)
        case "force-polling": forcePolling = try ConfigValue.bool(value, key: key)
        case "segment-size": segmentBytes = try ConfigValue.size(value, key: key)
        case "batch-size": batchSize = try ConfigValue.count(value, key: key)
        case "log-level": logLevel = try ConfigValue.logLevel(value, key: key)
        case "database": database = value.isEmpty ? nil : value
        case "database-password-file": databasePasswordFile = try ConfigValue.path(value, key: key)
        case "host-name":
            guard !value.isEmpty else { throw .configuration("host-name is empty") }
            hostName = value
        default: throw .configuration("unknown setting '\(key)'")
        }
    }

    /// The settings this file or environment may hold, for messages and docs.
    public static let keys = [
        "state", "inbox", "recursive", "keep", "max-file-size", "ignore", "rescan-interval", "poll-interval",
        "force-polling", "segment-size", "batch-size", "log-level", "database", "database-password-file", "host-name",
    ]

    func validated() throws(DaemonError) -> DaemonConfiguration {
        guard maximumFileBytes > 0 else { throw .configuration("max-file-size must be positive") }
        guard segmentBytes >= 4096 else { throw .configuration("segment-size must be at least 4096 bytes") }
        guard batchSize >= 1 else { throw .configuration("batch-size must be at least 1") }
        guard rescanInterval >= .seconds(1) else { throw .configuration("rescan-interval must be at least 1s") }
        guard pollInterval >= .milliseconds(100) else { throw .configuration("poll-interval must be at least 100ms") }
        return self
    }
}
