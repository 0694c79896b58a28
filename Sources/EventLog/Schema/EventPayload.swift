/// A kind of event the log carries. Its fields sit beside the envelope (`seq`, `time`,
/// `type`, `v`) at the top level of the record, so `jq .path` works on any event.
///
/// Every event type the project writes is declared in this folder, in one place.
public protocol EventPayload: Codable, Sendable {
    /// The record's `type`, e.g. `article.ingested`.
    static var eventType: String { get }

    /// Writes the fields into the record. The default goes through `Codable`; types written
    /// often write them directly, in the order and form `Codable` would.
    func writeFields(to writer: inout EventFieldWriter) throws(EventLogError)

    /// Reads the payload from its record line directly, or nil to leave it to `Codable`
    /// (the default, and what a reader does with anything it is unsure of).
    static func read(_ line: [UInt8]) -> Self?
}

extension EventPayload {
    public static func read(_ line: [UInt8]) -> Self? { nil }

    public func writeFields(to writer: inout EventFieldWriter) throws(EventLogError) {
        try StreamingJSONEncoder.appendFields(of: self, to: &writer.output, existingFields: writer.count)
    }
}
