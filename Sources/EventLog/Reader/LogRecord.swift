import Foundation

/// One record as read back from the log: its envelope and its exact bytes.
public struct LogRecord: Sendable, Equatable {
    public let envelope: Envelope
    /// The record's line, without the trailing newline.
    public let line: [UInt8]

    public init(envelope: Envelope, line: [UInt8]) {
        self.envelope = envelope
        self.line = line
    }

    public var seq: UInt64 { envelope.seq }
    public var type: String { envelope.type }
    public var time: String { envelope.time }

    /// The record as JSON text, exactly as stored.
    public var json: String { String(decoding: line, as: UTF8.self) }

    /// Decodes the payload; a record of another type is an error, not a silent mismatch.
    public func decode<Payload: EventPayload>(_: Payload.Type = Payload.self) throws(EventLogError) -> Payload {
        guard type == Payload.eventType else {
            throw .decoding(type: type, seq: seq, reason: "expected \(Payload.eventType)")
        }
        if let payload = Payload.read(line) { return payload }
        do {
            return try JSONDecoder().decode(Payload.self, from: Data(line))
        } catch {
            throw .decoding(type: type, seq: seq, reason: String(describing: error))
        }
    }

    /// The record as a known event, or `.unknown` for a type this version does not know.
    public func event() throws(EventLogError) -> Event {
        try Event(self)
    }
}

extension LogRecord {
    /// A record from its line alone (as another host's log held it, read back from the
    /// cluster's database); nil when the line has no envelope.
    public init?(line: [UInt8]) {
        guard let envelope = line.withUnsafeBytes({ Envelope($0) }) else { return nil }
        self.init(envelope: envelope, line: line)
    }
}
