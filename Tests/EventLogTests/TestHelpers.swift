@testable import EventLog
import Foundation
@_exported import TestSupport

/// Test payloads of a kind the schema does not declare.
struct Note: EventPayloadForTests, Equatable {
    static let eventType = "test.note"
    var text: String
    var number: Int
}

struct FutureThing: EventPayloadForTests {
    static let eventType = "future.thing"
    var shape: String
}

typealias EventPayloadForTests = EventPayload

extension String {
    /// The bytes of a file, for tests that damage logs on purpose.
    static func bytes(ofFile path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

func writeBytes(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func allRecords(in directory: String) throws -> [LogRecord] {
    let cursor = try EventLogReader(directory: directory).cursor()
    var records: [LogRecord] = []
    while let item = try cursor.next() {
        if case let .record(record) = item { records.append(record) }
    }
    return records
}

/// A claim as the log writes its line (seq 7), by the hand-written encoder.
func claimLine(_ payload: ClaimExtracted) throws -> [UInt8] {
    var writer = EventFieldWriter(fields: 3)
    writer.output.raw("{\"seq\":7,\"time\":\"2026-11-01T00:00:00Z\",\"type\":\"claim.extracted\"")
    try payload.writeFields(to: &writer)
    writer.output.raw("}")
    return writer.output.bytes
}
