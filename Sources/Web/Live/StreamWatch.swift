public import EventLog
import Foundation
import Ingest
import Logging
import Store
import Synchronization

/// What follows a source of records and keeps the live clients told: the log's follower, or
/// a cluster stream's.
protocol RecordWatch: Sendable {
    func start()
    func stop()
}

/// A source of records the web face does not read itself: a cluster's shared stream, whose
/// driver (in ClusterStore, wired by the executable: this module never talks to the
/// database) applies them to the store at `WebConfiguration.Paths.store`.
public struct RecordFeed: Sendable {
    private let body: @Sendable (([LogRecord]) -> Void) async throws -> Void

    /// `follow` catches the store up, then again as records arrive, handing each batch it
    /// applied to its argument (in order, each record's seq its place in the source), until
    /// the task is cancelled or the source fails.
    public init(follow: @escaping @Sendable (([LogRecord]) -> Void) async throws -> Void) {
        body = follow
    }

    func follow(applied: ([LogRecord]) -> Void) async throws {
        try await body(applied)
    }
}

/// Follows a cluster's stream through its feed: after each batch the feed applied (the
/// store is then current, so a page loaded after a message shows what it announced), notes
/// where the articles' records lie and publishes what live clients care about, with the new
/// counts, as `LogWatch` does for a log. A failing feed (the database away) is retried.
final class StreamWatch: RecordWatch {
    /// Between a failure of the feed and the next try.
    static let retry: Duration = .seconds(2)

    private let paths: WebConfiguration.Paths
    private let source: RecordFeed
    private let articles: ArticleRecords
    private let feed: LiveFeed
    private let logger: Logger
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Reads where every article record the store kept lies (the store was caught up before
    /// the server started).
    init(paths: WebConfiguration.Paths, source: RecordFeed, articles: ArticleRecords, feed: LiveFeed,
         logger: Logger) throws(WebError) {
        do {
            let store = try ClaimStore(streamCache: paths.store)
            for record in try store.keptRecords(types: ArticleCatalog.types) { articles.note(record, at: Self.location(record)) }
        } catch {
            throw .store(error)
        }
        self.paths = paths
        self.source = source
        self.articles = articles
        self.feed = feed
        self.logger = logger
    }

    func start() {
        let running = Task.detached { [self] in
            defer { feed.finish() }
            let store: ClaimStore
            do {
                store = try ClaimStore(streamCache: paths.store)
            } catch {
                logger.error("cannot open the stream's store; live updates stop", metadata: ["error": "\(error)"])
                return
            }
            while !Task.isCancelled {
                do {
                    try await source.follow { records in publish(records, store) }
                } catch {
                    if Task.isCancelled { return }
                    logger.warning("following the cluster's stream failed; retrying", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: Self.retry)
            }
        }
        task.withLock { $0 = running }
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    private func publish(_ records: [LogRecord], _ store: ClaimStore) {
        var messages: [LiveMessage] = []
        var stories: [String] = []
        for record in records {
            articles.note(record, at: Self.location(record))
            LogWatch.messages(for: record, into: &messages, stories: &stories)
        }
        do {
            messages.insert(contentsOf: try LogWatch.storyMessages(stories, store), at: 0)
            messages.append(LiveMessage(id: nil, event: "stats", data: Array(try CompactJSON.encode(try store.stats()).utf8)))
        } catch {
            logger.warning("reading the stream's store failed; counts may lag", metadata: ["error": "\(error)"])
        }
        feed.publish(messages)
    }

    /// A stream record's place in the store: its position (see `ClaimStore.apply(stream:)`).
    static func location(_ record: LogRecord) -> RecordLocation {
        RecordLocation(segment: 0, offset: Int64(record.seq))
    }
}
