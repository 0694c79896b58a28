import Foundation
import Testing
@testable import EventLog

@Suite struct RecordFormatTests {
    @Test("CRC-32C matches the published check value")
    func crcCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        let long = [UInt8](repeating: 0x61, count: 1000)
        let split = CRC32C.checksum(long[500...], continuing: CRC32C.checksum(long[..<500]))
        #expect(split == CRC32C.checksum(long))
    }

    @Test("a record is one JSON line with the envelope first and the checksum last")
    func layout() throws {
        let time = Date(timeIntervalSince1970: 1_795_000_000.123)
        let buffer = try RecordFormat.record(seq: 7, time: time, payload: Note(text: "a \"quoted\"\nline / slash", number: -42))
        let line = String(decoding: buffer, as: UTF8.self)
        #expect(line.hasSuffix("}\n"))
        #expect(line.filter { $0 == "\n" }.count == 1)
        #expect(line.hasPrefix(#"{"seq":7,"time":"2026-11-18T11:06:40.123Z","type":"test.note","v":1,"text":"a \"quoted\"\nline / slash","number":-42,"crc":""#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer)) as? [String: Any])
        #expect(object["text"] as? String == "a \"quoted\"\nline / slash")
        let inspection = buffer.dropLast().withUnsafeBytes { RecordFormat.inspect($0) }
        #expect(inspection == .valid(Envelope(seq: 7, type: "test.note", time: "2026-11-18T11:06:40.123Z")))
    }

    @Test("any changed byte fails the checksum")
    func corruptionDetected() throws {
        var buffer = try RecordFormat.record(seq: 1, time: Date(), payload: Note(text: "hello", number: 1))
        buffer.removeLast()
        for index in buffer.indices {
            var damaged = buffer
            damaged[index] ^= 0x01
            let inspection = damaged.withUnsafeBytes { RecordFormat.inspect($0) }
            if case .valid = inspection { Issue.record("flipping byte \(index) went unnoticed") }
        }
    }

    @Test("nested values, optionals and numbers encode as JSON")
    func nestedPayload() throws {
        let claim = ClaimExtracted(
            claim: "c1", article: "a1", text: "At least 155 fighters, he said.", content: nil,
            span: .init(start: 3, end: 34),
            claimant: .init(name: "Volodymyr Zelensky", canonical: "Volodymyr Zelensky", kind: "person"),
            cue: "said", stance: "asserts", hedges: ["reportedly"], quote: false,
            figures: [.init(text: "at least 155 fighters", low: 155, high: nil, bound: "atLeast", unit: nil, counted: "fighters"),
                      .init(text: "$3.5bn", low: 3.5e9, high: 3.5e9, bound: "exact", unit: "USD", counted: nil),
                      .init(text: "2.5%", low: 2.5, high: 2.5, bound: "exact", unit: "percent", counted: nil)])
        let json = String(decoding: try RecordFormat.record(seq: 1, time: Date(), payload: claim), as: UTF8.self)
        #expect(!json.contains("content"))
        #expect(json.contains(#""figures":[{"text":"at least 155 fighters","low":155,"bound":"atLeast","counted":"fighters"},"#))
        #expect(json.contains(#""low":2.5"#))
        let decoded = try JSONDecoder().decode(ClaimExtracted.self, from: Data(json.utf8))
        #expect(decoded == claim)
    }

    @Test("an empty payload still makes a valid record")
    func emptyPayload() throws {
        struct Ping: EventPayload { static let eventType = "test.ping" }
        let buffer = try RecordFormat.record(seq: 3, time: Date(), payload: Ping())
        #expect(String(decoding: buffer, as: UTF8.self).contains(#""v":1,"crc":"#))
        #expect(try JSONSerialization.jsonObject(with: Data(buffer)) is [String: Any])
        let inspection = buffer.dropLast().withUnsafeBytes { RecordFormat.inspect($0) }
        guard case .valid = inspection else { Issue.record("\(inspection)"); return }
    }

    @Test("timestamps are RFC 3339 UTC with milliseconds and parse back", arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_795_000_000.999, "2026-11-18T11:06:40.999Z"),
        (951_782_400.5, "2000-02-29T00:00:00.500Z"),
    ])
    func timestamps(seconds: Double, text: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Timestamp.format(date) == text)
        #expect(Timestamp.parse(text).map { Timestamp.format($0) } == text)
    }

    @Test("segment names sort by their first seq")
    func segmentNames() {
        #expect(Segment.name(for: 1) == "00000000000000000001.log")
        #expect(Segment.firstSeq(ofName: "00000000000000012345.log") == 12345)
        #expect(Segment.firstSeq(ofName: "12345.log") == nil)
        #expect(Segment.firstSeq(ofName: "0000000000000001234x.log") == nil)
        let segments = [1, 100, 250].map { Segment(firstSeq: $0, directory: "/x") }
        #expect(Segment.index(holding: 1, in: segments) == 0)
        #expect(Segment.index(holding: 99, in: segments) == 0)
        #expect(Segment.index(holding: 100, in: segments) == 1)
        #expect(Segment.index(holding: 1000, in: segments) == 2)
    }
}

@Suite struct EventSummaryTests {
    @Test("a terminal line leads with time, seq, type and the fields people look for")
    func readableLine() throws {
        let bytes = try RecordFormat.record(seq: 12, time: Date(timeIntervalSince1970: 1_795_000_000.5), payload: ArticleDuplicate(
            article: "c0ffee", path: "wire/story two.txt", of: "a11ce", kind: .near, similarity: 0.91, containment: 0.95,
            content: "ab" + String(repeating: "0", count: 62), bytes: 300,
            file: FileIdentity(device: 1, inode: 2, size: 300, mtime: 4)))
        let line = try bytes.dropLast().withUnsafeBytes { raw -> String in
            guard case let .valid(envelope) = RecordFormat.inspect(raw) else { throw EventLogError.encoding("invalid") }
            return EventSummary.line(for: LogRecord(envelope: envelope, line: Array(raw)))
        }
        #expect(line == #"2026-11-18T11:06:40.500Z  #12  article.duplicate  article=c0ffee path="wire/story two.txt" of=a11ce kind=near similarity=0.91 bytes=300 containment=0.95"#)
    }
}
