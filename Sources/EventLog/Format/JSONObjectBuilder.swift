/// Builds one JSON object for output from members taken as they stand in a record (raw
/// JSON) and fields encoded from values, keys in the order they are added.
///
/// The commands' `--json` answers are records of the log with fields added: built from
/// the record's own bytes, they carry every field the log holds, fields a newer version
/// wrote included, with the same names and shapes, so one `jq` filter reads both.
public struct JSONObjectBuilder {
    private var output = JSONOutput(capacity: 512)
    private var count = 0

    public init() {
        output.raw(UInt8(ascii: "{"))
    }

    /// Starts with every member of a record but its checksum, which would no longer hold
    /// once fields are added: the line as stored, cut before `,"crc":…`.
    public init(record: LogRecord) {
        let line = record.line
        let end = line.count - RecordFormat.checksumSuffixLength
        guard end > 1, line[end...].starts(with: RecordFormat.checksumMarker) else {
            // Never for a record that passed its check; a line of another shape is taken whole.
            output.bytes.append(contentsOf: line.dropLast())
            count = 1
            return
        }
        output.bytes.append(contentsOf: line[..<end])
        count = 1
    }

    private mutating func key(_ name: String) {
        if count > 0 { output.raw(UInt8(ascii: ",")) }
        count += 1
        output.string(name)
        output.raw(UInt8(ascii: ":"))
    }

    /// A member whose value is already JSON (a slice of a record line). Concrete types,
    /// not a generic sequence: called from other modules, a generic would go through
    /// witness tables byte by byte.
    public mutating func raw(_ name: String, _ json: ArraySlice<UInt8>) {
        key(name)
        output.bytes.append(contentsOf: json)
    }

    public mutating func raw(_ name: String, _ json: [UInt8]) {
        key(name)
        output.bytes.append(contentsOf: json)
    }

    /// A member holding `value`, encoded as the log encodes values; nil is left out.
    public mutating func field(_ name: String, _ value: (some Encodable)?) throws(EventLogError) {
        guard let value else { return }
        key(name)
        var inner = JSONOutput(capacity: 64)
        inner.raw(UInt8(ascii: "{"))
        // Encoded as the one field of a scratch object, then cut out: the streaming encoder
        // writes values only inside an object.
        try StreamingJSONEncoder.appendFields(of: SingleField(value: value), to: &inner, existingFields: 0)
        output.bytes.append(contentsOf: inner.bytes[(1 + SingleField<Int>.prefixLength)...])
    }

    // The plain values answers hold most, written straight out: the generic path above
    // goes through an encoder, which a topic of thousands of figures would feel.
    // (They throw only to be called like it.)

    public mutating func field(_ name: String, _ value: String?) throws(EventLogError) {
        guard let value else { return }
        key(name)
        output.string(value)
    }

    public mutating func field(_ name: String, _ value: Int?) throws(EventLogError) {
        guard let value else { return }
        key(name)
        output.integer(value)
    }

    public mutating func field(_ name: String, _ value: Double?) throws(EventLogError) {
        guard let value else { return }
        key(name)
        try output.double(value)
    }

    /// Every member of a JSON object given as its raw bytes (`{…}`), after those added so
    /// far; false, with nothing added, when it is not an object.
    public mutating func members(ofObject json: ArraySlice<UInt8>) -> Bool {
        guard json.count >= 2, json.first == UInt8(ascii: "{"), json.last == UInt8(ascii: "}") else { return false }
        let inner = json.dropFirst().dropLast()
        guard inner.contains(where: { $0 != 0x20 }) else { return true }
        if count > 0 { output.raw(UInt8(ascii: ",")) }
        output.bytes.append(contentsOf: inner)
        count += 1
        return true
    }

    /// A member holding an array of objects already built.
    public mutating func objects(_ name: String, _ objects: [[UInt8]]) {
        key(name)
        output.raw(UInt8(ascii: "["))
        for (index, object) in objects.enumerated() {
            if index > 0 { output.raw(UInt8(ascii: ",")) }
            output.bytes.append(contentsOf: object)
        }
        output.raw(UInt8(ascii: "]"))
    }

    /// Every field `value` encodes (it must encode as an object), after those added so far.
    public mutating func fields(of value: some Encodable) throws(EventLogError) {
        let before = output.bytes.count
        try StreamingJSONEncoder.appendFields(of: value, to: &output, existingFields: count)
        if output.bytes.count > before { count += 1 }
    }

    /// The object's bytes.
    public consuming func build() -> [UInt8] {
        output.raw(UInt8(ascii: "}"))
        return output.bytes
    }

    /// The object as text.
    public func string() -> String {
        String(decoding: build(), as: UTF8.self)
    }
}

/// `{"v":…}`: one value in an object of its own, for `JSONObjectBuilder.field`.
private struct SingleField<Value: Encodable>: Encodable {
    var value: Value
    /// The bytes of `"v":` before the value.
    static var prefixLength: Int { 4 }
    private enum CodingKeys: String, CodingKey { case value = "v" }
}

extension JSONObjectBuilder {
    /// A JSON array of values already written as JSON.
    public struct Array {
        private var bytes: [UInt8] = [UInt8(ascii: "[")]

        public init() {}

        public mutating func append(_ json: [UInt8]) {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: json)
        }

        public consuming func build() -> [UInt8] {
            bytes.append(UInt8(ascii: "]"))
            return bytes
        }
    }
}
