import EventLog
import Synchronization

/// Where each article's and copy's record lies in the log, in log order: the query store
/// lists articles but does not keep their records' places, and the JSON answers print
/// the records themselves (as `articles --json` and `show --json` do). Built by the log
/// watch from one pass over the log at start, then kept up as records land; it holds a
/// few dozen bytes per article, never a record.
final class ArticleRecords: Sendable {
    struct Located: Sendable, Equatable {
        var seq: UInt64
        var location: RecordLocation
    }

    struct Copy: Sendable, Equatable {
        var id: String
        var record: Located
    }

    struct Entry: Sendable, Equatable {
        var id: String
        var record: Located
        /// In the order they arrived.
        var copies: [Copy] = []
    }

    private struct State {
        var entries: [Entry] = []
        var position: [String: Int] = [:]
        /// A copy's id to its original's position.
        var copyOf: [String: Int] = [:]
    }

    private let state = Mutex(State())

    /// Takes note of a record if it is an article's or a copy's.
    func note(_ record: LogRecord, at location: RecordLocation) {
        switch record.type {
        case ArticleIngested.eventType:
            guard let article = try? record.decode(ArticleIngested.self) else { return }
            state.withLock { state in
                guard state.position[article.article] == nil else { return }
                state.position[article.article] = state.entries.count
                state.entries.append(Entry(id: article.article, record: Located(seq: record.seq, location: location)))
            }
        case ArticleDuplicate.eventType:
            guard let copy = try? record.decode(ArticleDuplicate.self) else { return }
            state.withLock { state in
                // A copy of an original the log does not hold is left out, as the catalog leaves it.
                guard let index = state.position[copy.of], state.copyOf[copy.article] == nil else { return }
                state.entries[index].copies.append(Copy(id: copy.article, record: Located(seq: record.seq, location: location)))
                state.copyOf[copy.article] = index
            }
        default:
            return
        }
    }

    func entry(id: String) -> Entry? {
        state.withLock { state in state.position[id].map { state.entries[$0] } }
    }

    /// A copy's id: the copy and its original.
    func copy(id: String) -> (copy: Copy, of: Entry)? {
        state.withLock { state in
            guard let index = state.copyOf[id], let copy = state.entries[index].copies.first(where: { $0.id == id }) else { return nil }
            return (copy, state.entries[index])
        }
    }

    /// Every original, oldest first.
    func all() -> [Entry] {
        state.withLock { $0.entries }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
