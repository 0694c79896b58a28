import Foundation
import Testing
@testable import EventLog

@Suite struct FollowerTests {
    @Test("a follower running during appends sees every record whole, across rotations")
    func followDuringAppends() async throws {
        let directory = TemporaryDirectory()
        let total = 3000
        let writer = try EventLogWriter(configuration: .init(directory: directory.path, segmentBytes: 16 << 10))
        let follower = try LogFollower(directory: directory.path, pollInterval: .milliseconds(50))
        let seen = Task.detached { () throws -> [UInt64] in
            var seqs: [UInt64] = []
            while seqs.count < total, let item = try follower.next() {
                switch item {
                case let .record(record): seqs.append(record.seq)
                case let .damaged(segment, offset, reason): Issue.record("damaged \(segment)@\(offset): \(reason)")
                }
            }
            return seqs
        }
        for index in 0..<total {
            _ = try writer.enqueue(Note(text: String(repeating: "x", count: index % 50), number: index))
            if index % 100 == 0 { try writer.flush() }
        }
        try writer.flush()
        let seqs = try await seen.value
        try writer.close()
        #expect(seqs == Array(1...UInt64(total)))
        #expect(try EventLogReader(directory: directory.path).segments().count > 3)
    }

    @Test("a partial last line is never handed out")
    func partialLineWithheld() async throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path))
        try await writer.append(Note(text: "one", number: 1))
        try await writer.append(Note(text: "two", number: 2))
        try writer.close()
        let segment = directory.file("00000000000000000001.log")
        let bytes = try String.bytes(ofFile: segment)
        let secondStart = bytes.firstIndex(of: 0x0A)! + 1
        try writeBytes(Array(bytes[..<(secondStart + 10)]), to: segment)

        let cursor = try EventLogReader(directory: directory.path).cursor()
        guard case let .record(first)? = try cursor.next() else { Issue.record("no first record"); return }
        #expect(first.seq == 1)
        #expect(try cursor.next() == nil)
        // The rest of the line arrives: now the record is whole.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: segment))
        handle.seekToEndOfFile()
        handle.write(Data(bytes[(secondStart + 10)...]))
        try handle.close()
        guard case let .record(second)? = try cursor.next() else { Issue.record("no second record"); return }
        #expect(second.seq == 2)
    }

    @Test("cancel ends a waiting follower")
    func cancelEndsWait() async throws {
        let directory = TemporaryDirectory()
        let follower = try LogFollower(directory: directory.path, pollInterval: .seconds(30))
        let done = Task.detached { try follower.next() }
        try await Task.sleep(for: .milliseconds(100))
        follower.cancel()
        #expect(try await done.value == nil)
    }

    @Test("reading from a seq starts there, in whichever segment holds it")
    func fromSeq() async throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path, segmentBytes: 500))
        for index in 1...40 { _ = try writer.enqueue(Note(text: "n", number: index)) }
        try writer.flush()
        try writer.close()
        let cursor = try EventLogReader(directory: directory.path).cursor(from: 23)
        var seqs: [UInt64] = []
        while case let .record(record)? = try cursor.next() { seqs.append(record.seq) }
        #expect(seqs == Array(23...40))
    }
}
