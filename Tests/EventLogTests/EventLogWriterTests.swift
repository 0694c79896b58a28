import Foundation
import Testing
@testable import EventLog

@Suite struct EventLogWriterTests {
    @Test("events round-trip through the log with gapless seqs")
    func roundTrip() async throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path))
        let ingested = ArticleIngested(article: "a1", path: "story.txt", content: "ab12", format: "text",
                                       title: "Dam “breach” feared", bytes: 1200, words: 210)
        #expect(try await writer.append(ingested) == 1)
        let range = try await writer.append([Note(text: "x", number: 1), Note(text: "y", number: 2)] as [any EventPayload])
        #expect(range == 2...3)
        try writer.close()

        let records = try allRecords(in: directory.path)
        #expect(records.map(\.seq) == [1, 2, 3])
        #expect(try records[0].event() == .articleIngested(ingested))
        #expect(try records[1].decode(Note.self) == Note(text: "x", number: 1))
        #expect(try EventLogReader(directory: directory.path).lastSeq() == 3)

        let again = try EventLogWriter(configuration: .init(directory: directory.path))
        #expect(again.nextSeq == 4)
        #expect(try await again.append(Note(text: "z", number: 3)) == 4)
        try again.close()
        #expect(try LogVerifier(directory: directory.path).verify().isClean)
    }

    @Test("a type from a newer version is passed through, not rejected")
    func unknownTypes() async throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path))
        try await writer.append(FutureThing(shape: "round"))
        try writer.close()
        let record = try #require(try allRecords(in: directory.path).first)
        #expect(try record.event() == .unknown(type: "future.thing"))
        #expect(record.json.contains(#""shape":"round""#))
    }

    @Test("a second writer is refused with the holder named")
    func singleWriter() throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path))
        #expect(throws: EventLogError.locked(path: directory.file("LOCK"), holder: "pid \(getpid())")) {
            _ = try EventLogWriter(configuration: .init(directory: directory.path))
        }
        try writer.close()
        let next = try EventLogWriter(configuration: .init(directory: directory.path))
        try next.close()
    }

    @Test("a child process still holding a copy of the lock's descriptor does not keep the next writer out")
    func lockCopiedIntoChild() throws {
        // What a fork does between fork and exec, made to last: the child gets the locked
        // descriptor as its fd 3 (dup2 clears close-on-exec) and sleeps with it.
        let directory = TemporaryDirectory()
        let lock = try WriterLock(directory: directory.path)
        let held = try #require(lock.heldDescriptor)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, held, 3)
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("30"), nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/sleep", &actions, nil, argv, environ) == 0)
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        lock.release()
        let next = try EventLogWriter(configuration: .init(directory: directory.path))
        try next.close()
    }

    @Test("concurrent appenders share group commits and every seq appears once")
    func groupCommit() async throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path))
        let seqs = try await withThrowingTaskGroup(of: UInt64.self) { group in
            for index in 0..<400 {
                group.addTask { try await writer.append(Note(text: "n\(index)", number: index)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        try writer.close()
        #expect(Set(seqs) == Set(1...400))
        let records = try allRecords(in: directory.path)
        #expect(records.map(\.seq) == Array(1...400))
    }

    @Test("segments rotate by size, are named by their first seq, and read as one log")
    func rotation() async throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path, segmentBytes: 1000))
        for index in 0..<60 {
            _ = try writer.enqueue(Note(text: String(repeating: "w", count: index % 7 * 10), number: index))
        }
        try writer.flush()
        try writer.close()
        let segments = try EventLogReader(directory: directory.path).segments()
        #expect(segments.count > 5)
        for segment in segments {
            let first = try #require(try SegmentScannerProbe.firstSeq(segment.path))
            #expect(first == segment.firstSeq)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: segment.path)[.size] as? Int)
            #expect(size <= 1000)
        }
        #expect(try allRecords(in: directory.path).map(\.seq) == Array(1...60))
        #expect(try LogVerifier(directory: directory.path).verify().isClean)

        // Reopening continues in the newest segment, across the seam.
        let again = try EventLogWriter(configuration: .init(directory: directory.path, segmentBytes: 1000))
        #expect(again.nextSeq == 61)
        try again.close()
    }

    @Test("the last records of a type are found from the newest segment back")
    func lastRecords() async throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path, segmentBytes: 600))
        for index in 0..<50 {
            if index % 10 == 0 {
                _ = try writer.enqueue(FutureThing(shape: "s\(index)"))
            } else {
                _ = try writer.enqueue(Note(text: "", number: index))
            }
        }
        try writer.flush()
        try writer.close()
        let reader = EventLogReader(directory: directory.path)
        #expect(try reader.lastRecords(3).map(\.seq) == [48, 49, 50])
        #expect(try reader.lastRecords(3, where: { $0 == FutureThing.eventType }).map(\.seq) == [21, 31, 41])
        #expect(try reader.lastRecords(100).count == 50)
    }
}

/// Reads the first record of a segment file.
enum SegmentScannerProbe {
    static func firstSeq(_ path: String) throws -> UInt64? {
        var scanner = try SegmentScanner(path: path)
        if case let .record(record, _)? = try scanner.next() { return record.seq }
        return nil
    }
}
