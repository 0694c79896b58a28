import EventLog
import Ingest
import Synchronization

/// Where each article's and copy's record lies in the log, in log order, and which
/// articles tell one story: the query store lists articles but does not keep their
/// records' places, and the JSON answers print the records themselves (as `articles
/// --json` and `show --json` do). Built by the log watch from one pass over the log at
/// start, then kept up as records land; it holds a few dozen bytes per article, never a
/// record. Stories are grouped as `ArticleCatalog` groups them (the versions an
/// `article.contained` or an update joins, the fullest standing for them), but on demand
/// for the story asked about, so nothing is re-read from the log.
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
        var words: Int
        /// In the order they arrived.
        var copies: [Copy] = []
        /// The fuller article this one was found to lie inside, if any.
        var within: String?
        /// The earlier article this one updates, if any.
        var updates: String?
    }

    /// One story: its fullest version (the most words, the earliest of equals), the other
    /// versions oldest first, and every version's copies oldest first.
    struct Story: Sendable, Equatable {
        var representative: Entry
        var versions: [Entry]
        var copies: [Copy]
        var others: Int { versions.count + copies.count }
    }

    fileprivate struct State {
        var entries: [Entry] = []
        var position: [String: Int] = [:]
        /// A copy's id to its original's position.
        var copyOf: [String: Int] = [:]
        /// The articles each article is a version of (both ways), by position.
        var linked: [Int: [Int]] = [:]
    }

    private let state = Mutex(State())

    /// Takes note of a record if it is an article's, a copy's or a containment.
    func note(_ record: LogRecord, at location: RecordLocation) {
        switch record.type {
        case ArticleIngested.eventType:
            guard let article = try? record.decode(ArticleIngested.self) else { return }
            state.withLock { state in
                guard state.position[article.article] == nil else { return }
                let index = state.entries.count
                state.position[article.article] = index
                state.entries.append(Entry(id: article.article, record: Located(seq: record.seq, location: location),
                                           words: article.words, updates: article.updates))
                if let earlier = article.updates.flatMap({ state.position[$0] }) { state.link(index, earlier) }
            }
        case ArticleDuplicate.eventType:
            guard let copy = try? record.decode(ArticleDuplicate.self) else { return }
            state.withLock { state in
                // A copy of an original the log does not hold is left out, as the catalog leaves it.
                guard let index = state.position[copy.of], state.copyOf[copy.article] == nil else { return }
                state.entries[index].copies.append(Copy(id: copy.article, record: Located(seq: record.seq, location: location)))
                state.copyOf[copy.article] = index
            }
        case ArticleContained.eventType:
            guard let contained = try? record.decode(ArticleContained.self) else { return }
            state.withLock { state in
                guard let shorter = state.position[contained.article], let fuller = state.position[contained.within] else { return }
                state.entries[shorter].within = contained.within
                state.link(shorter, fuller)
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

    /// The story an article belongs to.
    func story(id: String) -> Story? {
        let state = state.withLock { $0 }
        return state.position[id].map { state.story(state.group(of: $0)) }
    }

    /// Every story, in the order of its oldest article (as the catalog lists them).
    func stories() -> [Story] {
        let state = state.withLock { $0 }
        var seen = Set<Int>()
        var stories: [Story] = []
        for index in state.entries.indices where !seen.contains(index) {
            let group = state.group(of: index)
            seen.formUnion(group)
            stories.append(state.story(group))
        }
        return stories
    }

    var count: Int { state.withLock { $0.entries.count } }
}

extension ArticleRecords.State {
    mutating func link(_ first: Int, _ second: Int) {
        guard first != second else { return }
        linked[first, default: []].append(second)
        linked[second, default: []].append(first)
    }

    /// The positions of the articles joined to this one, ascending.
    func group(of index: Int) -> [Int] {
        var group: Set<Int> = [index]
        var waiting = [index]
        while let next = waiting.popLast() {
            for other in linked[next] ?? [] where group.insert(other).inserted { waiting.append(other) }
        }
        return group.sorted()
    }

    func story(_ group: [Int]) -> ArticleRecords.Story {
        let best = ArticleCatalog.fullest(of: group, words: { entries[$0].words }) ?? group[0]
        let copies = group.flatMap { entries[$0].copies }.sorted { $0.record.seq < $1.record.seq }
        return ArticleRecords.Story(representative: entries[best], versions: group.filter { $0 != best }.map { entries[$0] }, copies: copies)
    }
}
