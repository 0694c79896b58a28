/// The daemon began watching; `config` records what it runs with.
public struct DaemonStarted: EventPayload, Equatable {
    public static let eventType = "daemon.started"

    public var version: String
    public var pid: Int32
    public var host: String
    public var config: [String: String]

    public init(version: String, pid: Int32, host: String, config: [String: String]) {
        self.version = version
        self.pid = pid
        self.host = host
        self.config = config
    }
}

/// The daemon stopped on purpose; a crash leaves no such record.
public struct DaemonStopped: EventPayload, Equatable {
    public static let eventType = "daemon.stopped"

    public var reason: String
    public var processed: Int
    public var rejected: Int

    public init(reason: String, processed: Int, rejected: Int) {
        self.reason = reason
        self.processed = processed
        self.rejected = rejected
    }
}

/// The drop folder was scanned in full.
public struct WatchRescan: EventPayload, Equatable {
    public static let eventType = "watch.rescan"

    /// startup, reload (the first scan after SIGHUP), periodic, overflow, new-directory,
    /// poll, requested.
    public var reason: String
    public var files: Int

    public init(reason: String, files: Int) {
        self.reason = reason
        self.files = files
    }
}
