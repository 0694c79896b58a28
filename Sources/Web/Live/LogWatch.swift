import EventLog
import Foundation
import Logging
import Store

/// Follows the log on a thread of its own. For each batch of records that lands it notes
/// where the articles' records lie, catches the query store up (as every `claimwatch`
/// command does on open, so a page loaded after a message shows what it announced), and
/// then publishes the records live clients care about, with the new counts.
final class LogWatch: RecordWatch {
    /// The record types sent to live clients, as the log holds them. Claims are left out:
    /// an article brings dozens, and the pages that list things list articles and topics.
    static let published: Set<String> = [
        ArticleIngested.eventType, ArticleDuplicate.eventType, FigureCompared.eventType, FileRejected.eventType,
        StoryMerged.eventType,
    ]
    /// Stories announced (as `story` messages) per batch at most: a batch that touches more
    /// is a bulk ingest, and a page listening for one conflict has no use for hundreds.
    static let storiesAnnounced = 20
    /// The most records handled as one batch (one catch-up, one publication).
    static let batch = 2000

    private let follower: LogFollower
    private let catchingUp: Handover<ClaimStore>
    private let articles: ArticleRecords
    private let feed: LiveFeed
    private let logger: Logger

    /// Catches the store up (building it from the log if there is none), reads where every
    /// article record lies, and gets ready to follow from the record after the last one.
    init(paths: WebConfiguration.Paths, articles: ArticleRecords, feed: LiveFeed, logger: Logger) throws(WebError) {
        let store: ClaimStore
        do {
            store = try ClaimStore(path: paths.store, log: paths.log)
        } catch {
            throw .store(error)
        }
        var last: UInt64 = 0
        do {
            let cursor = try LogCursor(directory: paths.log, from: 1, verify: true)
            while let item = try cursor.next() {
                guard case let .record(record) = item, let location = cursor.location else { continue }
                articles.note(record, at: location)
                last = record.seq
            }
            follower = try LogFollower(directory: paths.log, from: last + 1)
        } catch {
            throw .log(error)
        }
        catchingUp = Handover(store)
        self.articles = articles
        self.feed = feed
        self.logger = logger
    }

    func start() {
        let thread = Thread { [self] in
            guard let store = catchingUp.take() else { return }
            follow(store)
        }
        thread.name = "claimwatch-web-log"
        thread.start()
    }

    /// Ends the follower's wait; the thread then ends, and so does every live stream.
    func stop() {
        follower.cancel()
    }

    private func follow(_ store: ClaimStore) {
        defer { feed.finish() }
        while true {
            do {
                guard let first = try follower.next() else { return }
                var messages: [LiveMessage] = []
                var stories: [String] = []
                handle(first, into: &messages, stories: &stories)
                var count = 1
                while count < Self.batch, let item = try follower.nextIfAvailable() {
                    handle(item, into: &messages, stories: &stories)
                    count += 1
                }
                do {
                    try store.catchUp()
                    // Before the records that name them, so a page can put a story's title
                    // on the conflict it announces.
                    messages.insert(contentsOf: try Self.storyMessages(stories, store), at: 0)
                    messages.append(LiveMessage(id: nil, event: "stats", data: Array(try CompactJSON.encode(try store.stats()).utf8)))
                } catch {
                    logger.warning("query store catch-up failed; pages may lag the log", metadata: ["error": "\(error)"])
                }
                feed.publish(messages)
            } catch {
                logger.error("following the log failed; live updates stop", metadata: ["error": "\(error)"])
                return
            }
        }
    }

    private func handle(_ item: LogCursor.Item, into messages: inout [LiveMessage], stories: inout [String]) {
        guard case let .record(record) = item else { return }
        if let location = follower.location { articles.note(record, at: location) }
        Self.messages(for: record, into: &messages, stories: &stories)
    }

    /// The live message a record makes, if it makes one, and the story it touched.
    static func messages(for record: LogRecord, into messages: inout [LiveMessage], stories: inout [String]) {
        guard Self.published.contains(record.type) else { return }
        messages.append(LiveMessage(id: record.seq, event: record.type, data: JSONObjectBuilder(record: record).build()))
        let story: String? = switch record.type {
        case FigureCompared.eventType: (try? record.decode(FigureCompared.self)).flatMap { $0.conflicting > 0 ? $0.story : nil }
        case StoryMerged.eventType: (try? record.decode(StoryMerged.self))?.into
        default: nil
        }
        if let story, !stories.contains(story), stories.count < Self.storiesAnnounced { stories.append(story) }
    }

    /// Each story a conflict or a merge touched, as a line of `stories --json`, the store
    /// having caught up.
    static func storyMessages(_ stories: [String], _ store: ClaimStore) throws(StoreError) -> [LiveMessage] {
        var messages: [LiveMessage] = []
        for story in stories {
            guard case let .story(current) = try store.lookup(story: story),
                  let report = try store.stories(StoryFilter(story: current)).first,
                  let data = try? CompactJSON.encode(report) else { continue }
            messages.append(LiveMessage(id: nil, event: "story", data: Array(data.utf8)))
        }
        return messages
    }
}
