import Foundation
import Testing
@testable import EventLog

/// Reading one record again where a cursor found it, and answers built from records.
@Suite struct RecordReadingTests {
    private func makeLog(_ directory: TemporaryDirectory, count: Int, segmentBytes: Int = 64 << 20) throws
        -> [(seq: UInt64, location: RecordLocation)] {
        let writer = try EventLogWriter(configuration: .init(directory: directory.path, segmentBytes: segmentBytes))
        for index in 1...count { _ = try writer.enqueue(Note(text: "note \(index) “ünïcödé” \(String(repeating: "x", count: index))", number: index)) }
        try writer.flush()
        try writer.close()
        let cursor = try LogCursor(directory: directory.path)
        var found: [(UInt64, RecordLocation)] = []
        while case let .record(record)? = try cursor.next() { found.append((record.seq, try #require(cursor.location))) }
        return found
    }

    @Test("a record is read back at the location the cursor gave, across segments, lines longer than a buffer included")
    func readsBack() throws {
        let directory = TemporaryDirectory("reader")
        let locations = try makeLog(directory, count: 40, segmentBytes: 2_000)
        #expect(Set(locations.map(\.location.segment)).count > 3)
        let reader = LogRecordReader(directory: directory.path)
        for (seq, location) in locations.reversed() {
            let record = try reader.record(at: location, seq: seq)
            #expect(record.seq == seq)
            #expect(try record.decode(Note.self).number == Int(seq))
        }
        let long = TemporaryDirectory("reader-long")
        let writer = try EventLogWriter(configuration: .init(directory: long.path))
        _ = try writer.enqueue(Note(text: String(repeating: "long ", count: 5_000), number: 1))
        try writer.close()
        #expect(try LogRecordReader(directory: long.path).record(at: RecordLocation(segment: 1, offset: 0), seq: 1).line.count > 25_000)
    }

    @Test("a damaged line, a wrong seq or a location past the end is damage, with the place")
    func damage() throws {
        let directory = TemporaryDirectory("reader-damage")
        let locations = try makeLog(directory, count: 5)
        let segment = directory.file("00000000000000000001.log")
        var bytes = try String.bytes(ofFile: segment)
        let third = locations[2].location
        bytes[Int(third.offset) + 30] ^= 0x01
        try writeBytes(bytes, to: segment)
        let reader = LogRecordReader(directory: directory.path)
        #expect(throws: EventLogError.self) { try reader.record(at: third, seq: 3) }
        #expect(reader.state(ofLineIn: 1, at: third.offset) == .damaged)
        #expect(reader.state(ofLineIn: 1, at: locations[3].location.offset) == .record(seq: 4))
        #expect(reader.state(ofLineIn: 1, at: Int64(bytes.count)) == .gone)
        #expect(reader.state(ofLineIn: 99, at: 0) == .gone)
        do {
            _ = try reader.record(at: locations[1].location, seq: 7)
            Issue.record("a wrong seq was taken")
        } catch {
            #expect(LogDamage(error)?.reason.contains("seq 2 where seq 7 was") == true)
        }
    }

    @Test("the last records come with the damage among them, not the damage before them")
    func lastRecordsDamage() throws {
        let directory = TemporaryDirectory("last-damage")
        let locations = try makeLog(directory, count: 10)
        let segment = directory.file("00000000000000000001.log")
        var bytes = try String.bytes(ofFile: segment)
        for seq in [2, 9] { bytes[Int(locations[seq - 1].location.offset) + 30] ^= 0x01 }
        try writeBytes(bytes, to: segment)
        var damage: [LogDamage] = []
        let last = try EventLogReader(directory: directory.path).lastRecords(3, damage: &damage)
        #expect(last.map(\.seq) == [7, 8, 10])
        #expect(damage.map(\.offset) == [locations[8].location.offset])
    }

    @Test("the first seq at or after a time, found from the segments' first records")
    func firstSeqSince() throws {
        let directory = TemporaryDirectory("since")
        let base = Date(timeIntervalSince1970: 1_794_479_400)
        let clock = Counter()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path, segmentBytes: 1_000,
                                                             now: { base.addingTimeInterval(Double(clock.next()) * 60) }))
        for index in 1...30 { _ = try writer.enqueue(Note(text: "note \(index)", number: index)); try writer.flush() }
        try writer.close()
        let reader = EventLogReader(directory: directory.path)
        #expect(try reader.segments().count > 2)
        let times = try allRecords(in: directory.path).map(\.time)
        #expect(times == times.sorted() && Set(times).count == 30)
        #expect(try reader.firstSeq(since: times[13]) == 14)
        let justAfter = try #require(Timestamp.parse(times[12])).addingTimeInterval(0.001)
        #expect(try reader.firstSeq(since: Timestamp.format(justAfter)) == 14)
        #expect(try reader.firstSeq(since: "2000-01-01") == 1)
        #expect(try reader.firstSeq(since: "2999-01-01") == nil)
    }

    @Test("an answer built from a record keeps its members and drops its checksum")
    func objectFromRecord() throws {
        let directory = TemporaryDirectory("builder")
        _ = try makeLog(directory, count: 1)
        guard case let .record(record)? = try LogCursor(directory: directory.path).next() else { throw CancellationError() }
        var object = JSONObjectBuilder(record: record)
        try object.field("outlet", "Harbour \"Post\"")
        try object.field("nothing", String?.none)
        try object.field("count", 3)
        var list = JSONObjectBuilder.Array()
        list.append(Array(#"{"a":1}"#.utf8))
        object.raw("list", list.build())
        let json = object.string()
        #expect(!json.contains("crc"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(parsed["text"] as? String == "note 1 “ünïcödé” x")
        #expect(parsed["outlet"] as? String == "Harbour \"Post\"")
        #expect(parsed["count"] as? Int == 3)
        #expect(parsed["nothing"] == nil)
        #expect((parsed["list"] as? [[String: Int]]) == [["a": 1]])
        let members = try #require(EventFieldReader.members(record.line))
        #expect(members.map(\.key) == ["seq", "time", "type", "v", "text", "number", "crc"])
    }

    @Test("the terminal view quotes values as logfmt does: quotes and backslashes escaped")
    func summaryQuotes() {
        #expect(EventSummary.quoted("plain") == "plain")
        #expect(EventSummary.quoted("") == "\"\"")
        #expect(EventSummary.quoted("River Watch: breach \"far worse\"") == #""River Watch: breach \"far worse\"""#)
        #expect(EventSummary.quoted(#"a\b"#) == #""a\\b""#)
        #expect(EventSummary.quoted("tab\there") == #""tab\there""#)
    }
}

/// Minutes handed out one by one, for a writer's clock.
final class Counter: @unchecked Sendable {
    // @unchecked: `value` is only touched with `lock` held.
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}
