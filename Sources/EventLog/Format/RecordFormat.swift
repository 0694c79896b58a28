import Foundation

/// The byte layout of one record, a single line of JSON:
///
///     {"seq":7,"time":"2026-11-22T21:28:00.123Z","type":"article.ingested","v":1,…,"crc":"1a2b3c4d"}\n
///
/// The envelope comes first in a fixed order so a reader finds `seq` and `type` without a
/// JSON parser; the checksum comes last so `jq` sees an ordinary object. `crc` is the
/// CRC-32C of the record with the `,"crc":"…"` member removed, i.e. of the bytes before
/// it followed by the closing brace.
public enum RecordFormat {
    /// The schema version written into every record (`"v"`).
    public static let schemaVersion = 1

    /// `,"crc":"` + 8 hex digits + `"}`.
    static let checksumSuffixLength = 18
    static let checksumMarker: [UInt8] = Array(#","crc":""#.utf8)

    /// Appends one complete record, newline included, to `buffer`.
    static func append(
        seq: UInt64, time: Date, type: String, body: JSONOutput, bodyFields: Bool, to buffer: inout [UInt8]
    ) {
        var head = JSONOutput(capacity: 96)
        head.raw(#"{"seq":"#)
        head.unsigned(seq)
        head.raw(#","time":""#)
        Timestamp.append(time, to: &head)
        head.raw(#"","type":"#)
        head.string(type)
        head.raw(#","v":"#)
        head.integer(schemaVersion)
        if bodyFields { head.raw(UInt8(ascii: ",")) }
        let start = buffer.count
        buffer.append(contentsOf: head.bytes)
        buffer.append(contentsOf: body.bytes)
        buffer.append(UInt8(ascii: "}"))
        let crc = buffer.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        buffer.removeLast()
        var tail = JSONOutput(capacity: checksumSuffixLength + 1)
        tail.raw(#","crc":""#)
        tail.hex32(crc)
        tail.raw(#""}"#)
        tail.raw(0x0A)
        buffer.append(contentsOf: tail.bytes)
    }

    /// Encodes a payload's fields (without braces) for `append`.
    static func encodeBody(_ payload: some Encodable) throws(EventLogError) -> (body: JSONOutput, hasFields: Bool) {
        var output = JSONOutput(capacity: 256)
        // The payload's fields continue an object whose envelope is written later; encode
        // them after a placeholder opening brace and strip it.
        output.raw(UInt8(ascii: "{"))
        try StreamingJSONEncoder.appendFields(of: payload, to: &output, existingFields: 0)
        output.bytes.removeFirst()
        return (output, !output.bytes.isEmpty)
    }

    /// Checks one line (without its newline): checksum first, then the envelope.
    public static func inspect(_ line: UnsafeRawBufferPointer) -> LineInspection {
        let count = line.count
        guard count > checksumSuffixLength + 2, line[0] == UInt8(ascii: "{"), line[count - 1] == UInt8(ascii: "}") else {
            return .malformed("not a JSON object line")
        }
        let markerStart = count - checksumSuffixLength
        for (offset, byte) in checksumMarker.enumerated() where line[markerStart + offset] != byte {
            return .malformed("no checksum at the end of the record")
        }
        guard line[count - 2] == UInt8(ascii: "\"") else { return .malformed("no checksum at the end of the record") }
        var stored: UInt32 = 0
        for index in (markerStart + checksumMarker.count)..<(count - 2) {
            guard let nibble = hexValue(line[index]) else { return .malformed("checksum is not hexadecimal") }
            stored = stored << 4 | UInt32(nibble)
        }
        var crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: line[0..<markerStart]))
        withUnsafeBytes(of: UInt8(ascii: "}")) { crc = CRC32C.checksum($0, continuing: crc) }
        guard crc == stored else {
            return .badChecksum(stored: stored, computed: crc)
        }
        guard let envelope = Envelope(line) else { return .malformed("no seq/type envelope") }
        return .valid(envelope)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        case 0x41...0x46: byte - 0x41 + 10
        default: nil
        }
    }
}

/// What `RecordFormat.inspect` found in a line.
public enum LineInspection: Sendable, Equatable {
    case valid(Envelope)
    case badChecksum(stored: UInt32, computed: UInt32)
    case malformed(String)
}
