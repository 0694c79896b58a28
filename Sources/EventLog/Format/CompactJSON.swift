/// One value as compact JSON, written the way the log writes its records: keys in the order
/// the type encodes them, no spaces, slashes and non-ASCII text as they are. For commands
/// that print many values as JSON lines: Foundation's encoder took most of the time of
/// printing a large answer (a topic of 29,000 figures took over a second).
public enum CompactJSON {
    /// `value`, which must encode as an object (a keyed container).
    public static func encode(_ value: some Encodable) throws(EventLogError) -> String {
        var output = JSONOutput(capacity: 256)
        output.raw(UInt8(ascii: "{"))
        try StreamingJSONEncoder.appendFields(of: value, to: &output, existingFields: 0)
        output.raw(UInt8(ascii: "}"))
        return String(decoding: output.bytes, as: UTF8.self)
    }
}
