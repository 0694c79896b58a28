/// Every event this version knows, decoded; newer types pass through as `.unknown`.
public enum Event: Sendable, Equatable {
    case articleIngested(ArticleIngested)
    case articleDuplicate(ArticleDuplicate)
    case articleContained(ArticleContained)
    case articleReconciled(ArticleReconciled)
    case fileRejected(FileRejected)
    case claimExtracted(ClaimExtracted)
    case figureCompared(FigureCompared)
    case storyMerged(StoryMerged)
    case daemonStarted(DaemonStarted)
    case daemonStopped(DaemonStopped)
    case watchRescan(WatchRescan)
    /// A type from a newer version (or a tool of its own): kept, not rejected.
    case unknown(type: String)

    /// The types this version decodes.
    public static let knownTypes: [String] = [
        ArticleIngested.eventType, ArticleDuplicate.eventType, ArticleContained.eventType, ArticleReconciled.eventType,
        FileRejected.eventType,
        ClaimExtracted.eventType, FigureCompared.eventType, StoryMerged.eventType, DaemonStarted.eventType, DaemonStopped.eventType, WatchRescan.eventType,
    ]

    init(_ record: LogRecord) throws(EventLogError) {
        switch record.type {
        case ArticleIngested.eventType: self = .articleIngested(try record.decode())
        case ArticleDuplicate.eventType: self = .articleDuplicate(try record.decode())
        case ArticleContained.eventType: self = .articleContained(try record.decode())
        case ArticleReconciled.eventType: self = .articleReconciled(try record.decode())
        case FileRejected.eventType: self = .fileRejected(try record.decode())
        case ClaimExtracted.eventType: self = .claimExtracted(try record.decode())
        case FigureCompared.eventType: self = .figureCompared(try record.decode())
        case StoryMerged.eventType: self = .storyMerged(try record.decode())
        case DaemonStarted.eventType: self = .daemonStarted(try record.decode())
        case DaemonStopped.eventType: self = .daemonStopped(try record.decode())
        case WatchRescan.eventType: self = .watchRescan(try record.decode())
        default: self = .unknown(type: record.type)
        }
    }
}
