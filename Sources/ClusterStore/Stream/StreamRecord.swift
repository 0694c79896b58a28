/// One record of one host, at its place in the stream every host publishes into.
public struct StreamRecord: Sendable, Equatable {
    /// The record's place in the one order of all hosts' records: gapless, in commit order.
    public var position: Int64
    public var host: String
    public var seq: UInt64
    public var type: String
    /// The record's line exactly as the host's log holds it.
    public var line: String

    public init(position: Int64, host: String, seq: UInt64, type: String, line: String) {
        self.position = position
        self.host = host
        self.seq = seq
        self.type = type
        self.line = line
    }
}

/// Which records a reader wants: by type (a family name such as `article` takes every
/// `article.*`), by host, and by the time the host's log recorded them.
public struct StreamFilter: Sendable, Equatable {
    public var types: [String] = []
    public var hosts: [String] = []
    /// Times in the log's format (`2026-11-22T21:28:00.123Z`); `since` is inclusive,
    /// `until` exclusive, as the local log's readers take them.
    public var since: String?
    public var until: String?

    public init(types: [String] = [], hosts: [String] = [], since: String? = nil, until: String? = nil) {
        self.types = types
        self.hosts = hosts
        self.since = since
        self.until = until
    }
}
