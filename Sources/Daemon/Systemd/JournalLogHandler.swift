public import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A swift-log handler that writes one line per message to stderr, in the form the journal
/// understands when stderr is connected to it and in a plain timestamped form otherwise (see
/// ``JournalStream`` for how that is decided).
///
/// Only the executable bootstraps it:
/// ```swift
/// let environment = ProcessInfo.processInfo.environment
/// LoggingSystem.bootstrap { JournalLogHandler(label: $0, environment: environment) }
/// ```
public struct JournalLogHandler: LogHandler {
    /// The switch's level while one is set (the daemon's, which a reload changes), else
    /// the handler's own; setting a level detaches the handler from its switch.
    public var logLevel: Logger.Level {
        get { levelSwitch?.level ?? ownLevel }
        set {
            ownLevel = newValue
            levelSwitch = nil
        }
    }

    public var levelSwitch: LogLevelSwitch?
    private var ownLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    /// Whether lines carry a syslog priority prefix for the journal instead of a timestamp.
    public let journal: Bool
    private let label: String
    private let sink: LogSink
    private let clock: @Sendable () -> timespec

    /// Writes to stderr, in journal form when `$JOURNAL_STREAM` names this process's stderr.
    public init(label: String, environment: [String: String], metadataProvider: Logger.MetadataProvider? = nil) {
        let journal = JournalStream.isConnected(fileDescriptor: STDERR_FILENO, environment: environment)
        self.init(label: label, sink: .standardError, journal: journal, metadataProvider: metadataProvider)
    }

    /// Writes to `fileDescriptor`, which the caller keeps open for as long as the handler lives.
    public init(
        label: String,
        fileDescriptor: Int32,
        journal: Bool,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.init(
            label: label,
            sink: LogSink(fileDescriptor: fileDescriptor),
            journal: journal,
            metadataProvider: metadataProvider
        )
    }

    init(
        label: String,
        sink: LogSink,
        journal: Bool,
        metadataProvider: Logger.MetadataProvider?,
        clock: @escaping @Sendable () -> timespec = UTCTimestamp.now
    ) {
        self.label = label
        self.sink = sink
        self.journal = journal
        self.metadataProvider = metadataProvider
        self.clock = clock
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        // Later sources win: the handler's own, then the provider's, then the call's.
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let explicit = event.metadata { merged.merge(explicit) { $1 } }
        if let error = event.error, merged["error"] == nil { merged["error"] = "\(error)" }
        let line = JournalLine.format(
            level: event.level,
            label: label,
            message: event.message.description,
            metadata: merged,
            journal: journal,
            timestamp: UTCTimestamp.format(clock())
        )
        sink.writeLine(line)
    }
}
