/// The `Encoder` handed to each value. At the root it shares the record's open object.
struct RootEncoder: Encoder {
    let encoder: StreamingJSONEncoder
    let codingPath: [any CodingKey]
    /// The depth of the object this value's keyed container writes into, or nil to open one.
    let sharedDepth: Int?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(encoder: StreamingJSONEncoder, codingPath: [any CodingKey], sharedDepth: Int? = nil) {
        self.encoder = encoder
        self.codingPath = codingPath
        self.sharedDepth = sharedDepth
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let depth = sharedDepth ?? encoder.open(UInt8(ascii: "{"), closer: UInt8(ascii: "}"))
        return KeyedEncodingContainer(KeyedWriter<Key>(encoder: encoder, depth: depth, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if sharedDepth != nil { encoder.record(.encoding("an event payload must encode as an object")) }
        let depth = encoder.open(UInt8(ascii: "["), closer: UInt8(ascii: "]"))
        return UnkeyedWriter(encoder: encoder, depth: depth, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        if sharedDepth != nil { encoder.record(.encoding("an event payload must encode as an object")) }
        return SingleValueWriter(encoder: encoder, codingPath: codingPath)
    }
}

struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamingJSONEncoder
    let depth: Int
    let codingPath: [any CodingKey]

    private func key(_ key: Key) {
        encoder.beginElement(atDepth: depth)
        encoder.output.string(key.stringValue)
        encoder.output.raw(UInt8(ascii: ":"))
    }

    mutating func encodeNil(forKey key: Key) throws {
        self.key(key)
        encoder.output.raw("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try encoder.encodeValue(value, codingPath: codingPath, key: key)
    }

    // Synthesized conformances call these directly for plain fields, which spares the
    // generic path its dynamic casts: most of a record's fields are strings and numbers.
    mutating func encode(_ value: String, forKey key: Key) throws {
        self.key(key)
        encoder.output.string(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        self.key(key)
        encoder.output.raw(value ? "true" : "false")
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        self.key(key)
        encoder.output.integer(value)
    }

    mutating func encode(_ value: Int32, forKey key: Key) throws {
        self.key(key)
        encoder.output.integer(value)
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        self.key(key)
        encoder.output.integer(value)
    }

    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        self.key(key)
        encoder.output.unsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        self.key(key)
        encoder.output.unsigned(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        self.key(key)
        try encoder.output.double(value)
    }

    // Optional fields are common in events; without these the standard library routes
    // them through the generic path.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        let nested = encoder.open(UInt8(ascii: "{"), closer: UInt8(ascii: "}"))
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(encoder: encoder, depth: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        let nested = encoder.open(UInt8(ascii: "["), closer: UInt8(ascii: "]"))
        return UnkeyedWriter(encoder: encoder, depth: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        encoder.record(.encoding("superEncoder is not supported in event payloads"))
        return RootEncoder(encoder: encoder, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

struct UnkeyedWriter: UnkeyedEncodingContainer {
    let encoder: StreamingJSONEncoder
    let depth: Int
    let codingPath: [any CodingKey]
    var count: Int { encoder.frames.count >= depth ? encoder.frames[depth - 1].count : 0 }

    mutating func encodeNil() throws {
        encoder.beginElement(atDepth: depth)
        encoder.output.raw("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.beginElement(atDepth: depth)
        try encoder.encodeValue(value, codingPath: codingPath, key: nil)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.beginElement(atDepth: depth)
        let nested = encoder.open(UInt8(ascii: "{"), closer: UInt8(ascii: "}"))
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(encoder: encoder, depth: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.beginElement(atDepth: depth)
        let nested = encoder.open(UInt8(ascii: "["), closer: UInt8(ascii: "]"))
        return UnkeyedWriter(encoder: encoder, depth: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        encoder.record(.encoding("superEncoder is not supported in event payloads"))
        return RootEncoder(encoder: encoder, codingPath: codingPath)
    }
}

struct SingleValueWriter: SingleValueEncodingContainer {
    let encoder: StreamingJSONEncoder
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { encoder.output.raw("null") }
    mutating func encode(_ value: Bool) throws { encoder.output.raw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.output.string(value) }
    mutating func encode(_ value: Double) throws { try encoder.output.double(value) }
    mutating func encode(_ value: Float) throws { try encoder.output.double(Double(value)) }
    mutating func encode(_ value: Int) throws { encoder.output.integer(value) }
    mutating func encode(_ value: Int8) throws { encoder.output.integer(value) }
    mutating func encode(_ value: Int16) throws { encoder.output.integer(value) }
    mutating func encode(_ value: Int32) throws { encoder.output.integer(value) }
    mutating func encode(_ value: Int64) throws { encoder.output.integer(value) }
    mutating func encode(_ value: UInt) throws { encoder.output.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.output.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.output.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.output.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.output.unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.encodeValue(value, codingPath: codingPath, key: nil)
    }
}
