/// Writes an event's fields straight into its record. The event types the daemon writes
/// by the thousand implement `EventPayload.writeFields(to:)` with it, since going through
/// `Codable` costs a few hundred nanoseconds per field; everything else uses the `Codable`
/// default. A test holds each hand-written encoding to the bytes `Codable` produces.
public struct EventFieldWriter {
    var output: JSONOutput
    /// Fields already in the object being written, so the next one knows to add a comma.
    var count: Int

    init(fields: Int) {
        output = JSONOutput(capacity: 0)
        count = fields
    }

    private mutating func key(_ name: StaticString) {
        if count > 0 { output.raw(UInt8(ascii: ",")) }
        count += 1
        output.raw(UInt8(ascii: "\""))
        output.raw(name)
        output.raw(#"":"#)
    }

    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        output.string(value)
    }

    public mutating func field(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        output.integer(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int64) {
        key(name)
        output.integer(value)
    }

    public mutating func field(_ name: StaticString, _ value: UInt64) {
        key(name)
        output.unsigned(value)
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        output.raw(value ? "true" : "false")
    }

    public mutating func field(_ name: StaticString, _ value: Double) throws(EventLogError) {
        key(name)
        try output.double(value)
    }

    public mutating func field(_ name: StaticString, _ value: Double?) throws(EventLogError) {
        if let value { try field(name, value) }
    }

    public mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        output.raw(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { output.raw(UInt8(ascii: ",")) }
            output.string(value)
        }
        output.raw(UInt8(ascii: "]"))
    }

    /// A nested object whose fields `body` writes.
    public mutating func object(_ name: StaticString, _ body: (inout EventFieldWriter) throws(EventLogError) -> Void) throws(EventLogError) {
        key(name)
        try nested(body)
    }

    /// An array of objects, one per element.
    public mutating func objects<Element>(
        _ name: StaticString, _ elements: [Element], _ body: (Element, inout EventFieldWriter) throws(EventLogError) -> Void
    ) throws(EventLogError) {
        key(name)
        output.raw(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { output.raw(UInt8(ascii: ",")) }
            try nested { (writer: inout EventFieldWriter) throws(EventLogError) in try body(element, &writer) }
        }
        output.raw(UInt8(ascii: "]"))
    }

    private mutating func nested(_ body: (inout EventFieldWriter) throws(EventLogError) -> Void) throws(EventLogError) {
        output.raw(UInt8(ascii: "{"))
        var inner = EventFieldWriter(fields: 0)
        swap(&inner.output, &output)
        defer { swap(&inner.output, &output) }
        try body(&inner)
        inner.output.raw(UInt8(ascii: "}"))
    }
}
