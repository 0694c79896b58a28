public import Foundation

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

    /// Appends one complete record, newline included, to `output`. On failure `output`
    /// is left as it was.
    static func append(
        seq: UInt64, time: Date, payload: some EventPayload, to output: inout JSONOutput, clock: inout TimestampCache
    ) throws(EventLogError) {
        let start = output.bytes.count
        output.raw(#"{"seq":"#)
        output.unsigned(seq)
        output.raw(#","time":""#)
        clock.append(time, to: &output)
        output.raw(#"","type":"#)
        output.string(type(of: payload).eventType)
        output.raw(#","v":"#)
        output.integer(schemaVersion)
        // The writer takes the buffer (a swap, not a copy, so the pending batch is never
        // duplicated) and gives it back whatever happens.
        var fields = EventFieldWriter(fields: 4)
        swap(&fields.output, &output)
        do {
            try payload.writeFields(to: &fields)
            swap(&fields.output, &output)
        } catch {
            swap(&fields.output, &output)
            output.bytes.removeSubrange(start...)
            throw error
        }
        output.raw(UInt8(ascii: "}"))
        let crc = output.bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        output.bytes.removeLast()
        output.raw(#","crc":""#)
        output.hex32(crc)
        output.raw(#""}"#)
        output.raw(0x0A)
    }

    /// One record's bytes, newline included.
    public static func record(seq: UInt64, time: Date, payload: some EventPayload) throws(EventLogError) -> [UInt8] {
        var output = JSONOutput()
        var clock = TimestampCache()
        try append(seq: seq, time: time, payload: payload, to: &output, clock: &clock)
        return output.bytes
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
            guard let nibble = line[index].hexDigitValue else { return .malformed("checksum is not hexadecimal") }
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
}

/// What `RecordFormat.inspect` found in a line.
public enum LineInspection: Sendable, Equatable {
    case valid(Envelope)
    case badChecksum(stored: UInt32, computed: UInt32)
    case malformed(String)
}
