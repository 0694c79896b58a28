import EventLog
import Foundation
import Store
import Testing

/// A query store fed a cluster's stream: two hosts' records in the order they were
/// published, each record's seq in the store its stream position.
@Suite struct StreamStoreTests {
    private func records(_ folder: TemporaryFolder) throws -> [LogRecord] {
        let cursor = try EventLogReader(directory: folder.log).cursor()
        var records: [LogRecord] = []
        while let item = try cursor.next() {
            if case let .record(record) = item { records.append(record) }
        }
        return records
    }

    @Test("records apply in stream order, only when they follow on; newest first is the stream's order; times are each claim's own")
    func streamOrderAndTimes() throws {
        // The early host's records are published after the late host's (it was cut off).
        let early = TemporaryFolder("stream-early"), late = TemporaryFolder("stream-late")
        try StoreFixtures.write(Array(StoreFixtures.story.suffix(3)), to: early)
        Thread.sleep(forTimeInterval: 0.05)
        try StoreFixtures.write(Array(StoreFixtures.story.prefix(3)), to: late)
        let lateRecords = try records(late), earlyRecords = try records(early)
        var position: UInt64 = 0
        let stream = (lateRecords.map { ("late", $0) } + earlyRecords.map { ("early", $0) }).map { host, record in
            position += 1
            return StreamedRecord(position: position, host: host, seq: record.seq, line: record.line)
        }

        let cache = TemporaryFolder("stream-cache")
        let store = try ClaimStore(streamCache: cache.database)
        #expect(try store.apply(stream: Array(stream.prefix(2))))
        // A batch that does not follow on is refused whole; one that overlaps applies what is new.
        #expect(try store.apply(stream: Array(stream.dropFirst(3))) == false)
        #expect(try store.lastSeq() == 2)
        #expect(try store.apply(stream: stream))
        #expect(try store.lastSeq() == UInt64(stream.count))
        #expect(try store.stats().articles == 2)

        // Newest first is the stream's order: the early host's claims were published last.
        let claims = try store.claims(ClaimFilter())
        #expect(claims.map(\.article) == ["bbbb2222", "bbbb2222", "aaaa1111", "aaaa1111"])
        #expect(claims.map(\.seq) == claims.map(\.seq).sorted(by: >))
        // Since the late host's first record: its claims only, though the early host's come after them.
        let since = try #require(lateRecords.first?.time)
        #expect(Set(try store.claims(ClaimFilter(since: since)).map(\.article)) == ["aaaa1111"])
        #expect(Set(try store.claims(ClaimFilter(until: since)).map(\.article)) == ["bbbb2222"])
        #expect(try store.figures(FigureFilter(since: since)).allSatisfy { topic in
            topic.figures.allSatisfy { $0.article == "aaaa1111" }
        })

        // Answers read each claim's line back as its host wrote it.
        let reader = store.recordReader()
        for row in claims {
            let record = try reader.record(at: row.location, seq: UInt64(row.seq))
            #expect(record.seq == UInt64(row.seq))
            #expect(stream[Int(row.seq) - 1].line == record.line)
        }
        let kept = try store.keptRecords(types: [ArticleIngested.eventType])
        #expect(kept.map(\.seq) == [1, 4])
        #expect(try store.streamOrigins([4])[4]?.host == "early")
    }

    @Test("a local log's store and a stream's store are never taken for each other")
    func sourcesKeptApart() throws {
        let folder = TemporaryFolder("stream-apart")
        try StoreFixtures.write(StoreFixtures.story, to: folder)
        let local = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try local.lastSeq() == UInt64(StoreFixtures.story.count))
        #expect(throws: StoreError.self) { try local.apply(stream: []) }
        // Opened as a stream's cache, the log's store is emptied: its seqs are not positions.
        let streamed = try ClaimStore(streamCache: folder.database)
        #expect(try streamed.lastSeq() == 0)
        try streamed.restartStream(identity: "test")
        // And a stream's cache opened as a log's store is rebuilt from the log.
        let again = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try again.lastSeq() == UInt64(StoreFixtures.story.count))
        #expect(try again.streamIdentity() == nil)
    }
}
