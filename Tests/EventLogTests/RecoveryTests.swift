import Foundation
import Testing
@testable import EventLog

@Suite struct RecoveryTests {
    /// Writes `count` notes and returns the log's only segment path.
    private func makeLog(_ directory: TemporaryDirectory, count: Int) async throws -> String {
        let writer = try EventLogWriter(configuration: .init(directory: directory.path))
        for index in 1...count { try await writer.append(Note(text: "note \(index) “ünïcödé”", number: index)) }
        try writer.close()
        return directory.file("00000000000000000001.log")
    }

    @Test("cutting the last record at every byte keeps the complete ones and seq continues")
    func tornAtEveryOffset() async throws {
        let directory = TemporaryDirectory()
        let segment = try await makeLog(directory, count: 4)
        let original = try String.bytes(ofFile: segment)
        let lastStart = original.dropLast().lastIndex(of: 0x0A)! + 1
        for cut in lastStart..<original.count {
            try writeBytes(Array(original[..<cut]), to: segment)
            let writer = try EventLogWriter(configuration: .init(directory: directory.path))
            #expect(writer.nextSeq == 4, "cut at \(cut)")
            #expect(writer.recovery.truncatedBytes == Int64(cut - lastStart))
            #expect(try await writer.append(Note(text: "after", number: 99)) == 4)
            try writer.close()
            let records = try allRecords(in: directory.path)
            #expect(records.map(\.seq) == [1, 2, 3, 4])
            #expect(try records[3].decode(Note.self).text == "after")
            #expect(try LogVerifier(directory: directory.path).verify().isClean)
        }
    }

    @Test("a final record with a bad checksum is cut off as torn")
    func badChecksumAtEnd() async throws {
        let directory = TemporaryDirectory()
        let segment = try await makeLog(directory, count: 3)
        var bytes = try String.bytes(ofFile: segment)
        bytes[bytes.count - 30] ^= 0x20
        try writeBytes(bytes, to: segment)
        #expect(try !LogVerifier(directory: directory.path).verify().isClean)
        let writer = try EventLogWriter(configuration: .init(directory: directory.path))
        #expect(writer.nextSeq == 3)
        #expect(writer.recovery.truncatedReason?.contains("checksum") == true)
        try writer.close()
    }

    @Test("a flipped byte in the middle is reported by verify and refused by the writer")
    func damageInTheMiddle() async throws {
        let directory = TemporaryDirectory()
        let segment = try await makeLog(directory, count: 5)
        var bytes = try String.bytes(ofFile: segment)
        let secondLine = bytes.firstIndex(of: 0x0A)! + 1
        bytes[secondLine + 40] ^= 0x04
        try writeBytes(bytes, to: segment)

        let report = try LogVerifier(directory: directory.path).verify()
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.kind == .badRecord)
        #expect(report.problems.first?.offset == Int64(secondLine))
        #expect(report.records == 4)

        #expect(throws: EventLogError.self) { _ = try EventLogWriter(configuration: .init(directory: directory.path)) }
        do {
            _ = try EventLogWriter(configuration: .init(directory: directory.path))
        } catch let error {
            #expect(error.description.contains("00000000000000000001.log"))
            #expect(error.description.contains("offset \(secondLine)"))
        }
        // Nothing was cut: the damage is left for a person to look at.
        #expect(try String.bytes(ofFile: segment) == bytes)
    }

    @Test("verify finds seq gaps across segments")
    func seqGapAcrossSegments() async throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path, segmentBytes: 400))
        for index in 1...12 { _ = try writer.enqueue(Note(text: "n", number: index)) }
        try writer.flush()
        try writer.close()
        let segments = try EventLogReader(directory: directory.path).segments()
        #expect(segments.count >= 3)
        try FileManager.default.removeItem(atPath: segments[1].path)
        let report = try LogVerifier(directory: directory.path).verify()
        #expect(report.problems.contains { $0.kind == .seqGap })
    }
}
