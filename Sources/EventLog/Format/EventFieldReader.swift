/// Reads the fields of one record line directly, the counterpart of `EventFieldWriter`, for
/// the payload types read often (rebuilding the query store reads every claim). It takes
/// only the plain JSON the log writes: anything it is unsure of (a duplicate key, invalid
/// UTF-8, a number of another form) makes it give up, and the caller decodes the line
/// with `JSONDecoder` instead, so the two never disagree on what a record holds.
public struct EventFieldReader {
    private let bytes: [UInt8]
    private var index = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), comma = UInt8(ascii: ","),
                       colon = UInt8(ascii: ":")

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Whether the next value is `null` (consumed if so).
    public mutating func null() -> Bool {
        skipSpace()
        guard bytes.count - index >= 4, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
              bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l") else { return false }
        index += 4
        return true
    }

    /// Calls `field` with each key of an object, positioned at its value; `field` must read
    /// or skip the value and return false to give up. Nil when the object is not plain.
    public mutating func object(_ field: (String, inout EventFieldReader) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        var seen: Set<String> = []
        while true {
            guard let key = string(), seen.insert(key).inserted, consume(Self.colon), field(key, &self) else { return false }
            if consume(Self.comma) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// Calls `element` for each element of an array, positioned at it.
    public mutating func array(_ element: (inout EventFieldReader) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "[")) else { return false }
        if consume(UInt8(ascii: "]")) { return true }
        while true {
            guard element(&self) else { return false }
            if consume(Self.comma) { continue }
            return consume(UInt8(ascii: "]"))
        }
    }

    public mutating func string() -> String? {
        guard consume(Self.quote) else { return nil }
        let start = index
        var plain = true
        while index < bytes.count, bytes[index] != Self.quote {
            if bytes[index] == Self.backslash { plain = false; index += 1 }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let end = index
        index += 1
        if plain { return bytes.withUnsafeBufferPointer { String(validating: $0[start..<end], as: UTF8.self) } }
        return Self.unescape(bytes[start..<end])
    }

    private static func unescape(_ raw: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var position = raw.startIndex
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.endIndex else { return nil }
            var value: UInt32 = 0
            for byte in raw[at..<at + 4] {
                guard let digit = Int(String(UnicodeScalar(byte)), radix: 16) else { return nil }
                value = value * 16 + UInt32(digit)
            }
            return value
        }
        while position < raw.endIndex {
            let byte = raw[position]
            guard byte == backslash else {
                out.append(byte)
                position += 1
                continue
            }
            guard position + 1 < raw.endIndex else { return nil }
            let escaped = raw[position + 1]
            position += 2
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex4(position) else { return nil }
                position += 4
                if (0xD800..<0xDC00).contains(code) {
                    // A surrogate pair: the low half must follow.
                    guard position + 1 < raw.endIndex, raw[position] == backslash, raw[position + 1] == UInt8(ascii: "u"),
                          let low = hex4(position + 2), (0xDC00..<0xE000).contains(low) else { return nil }
                    position += 6
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { return nil }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: return nil
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// A number in plain JSON form.
    public mutating func double() -> Double? {
        guard let token = numberToken(), let value = Double(token), value.isFinite else { return nil }
        return value
    }

    /// An integer with no fraction or exponent.
    public mutating func integer() -> Int? {
        guard let token = numberToken(), !token.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return nil }
        return Int(token)
    }

    private mutating func numberToken() -> String? {
        skipSpace()
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"): index += 1
            default:
                return token(from: start)
            }
        }
        return token(from: start)
    }

    /// The number's text when it starts and ends as JSON numbers do (no `+1`, `.5`, `1.`).
    private func token(from start: Int) -> String? {
        guard index > start, bytes[start] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[start]),
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index - 1]) else { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    public mutating func bool() -> Bool? {
        skipSpace()
        if bytes.count - index >= 4, bytes[index..<index + 4].elementsEqual("true".utf8) { index += 4; return true }
        if bytes.count - index >= 5, bytes[index..<index + 5].elementsEqual("false".utf8) { index += 5; return false }
        return nil
    }

    /// Skips a value of the envelope or a field this reader does not take.
    public mutating func skip() -> Bool {
        skipSpace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case Self.quote: return string() != nil
        case UInt8(ascii: "{"): return object { _, inner in inner.skip() }
        case UInt8(ascii: "["): return array { $0.skip() }
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return bool() != nil
        case UInt8(ascii: "n"): return null()
        default: return double() != nil
        }
    }

    /// Skips the next value and hands back its bytes as they stand in the line. Strings
    /// are stepped over, not decoded: the bytes are copied out as they are, never read as
    /// text (a record's bytes passed its checksum).
    public mutating func raw() -> ArraySlice<UInt8>? {
        skipSpace()
        let start = index
        guard skipRaw() else { return nil }
        return bytes[start..<index]
    }

    private mutating func skipRaw() -> Bool {
        skipSpace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case Self.quote:
            index += 1
            while index < bytes.count, bytes[index] != Self.quote {
                index += bytes[index] == Self.backslash ? 2 : 1
            }
            guard index < bytes.count else { return false }
            index += 1
            return true
        case UInt8(ascii: "{"):
            guard consume(UInt8(ascii: "{")) else { return false }
            if consume(UInt8(ascii: "}")) { return true }
            while true {
                guard skipRaw(), consume(Self.colon), skipRaw() else { return false }
                if consume(Self.comma) { continue }
                return consume(UInt8(ascii: "}"))
            }
        case UInt8(ascii: "["): return array { $0.skipRaw() }
        default: return skip()
        }
    }

    /// The members of the object `bytes` holds, each value as its raw JSON, in the order
    /// they stand; nil when it is not a plain object.
    public static func members(_ bytes: [UInt8]) -> [(key: String, value: ArraySlice<UInt8>)]? {
        var reader = EventFieldReader(bytes)
        var members: [(key: String, value: ArraySlice<UInt8>)] = []
        let read = reader.object { key, value in
            guard let raw = value.raw() else { return false }
            members.append((key, raw))
            return true
        }
        guard read, reader.atEnd() else { return nil }
        return members
    }

    /// Calls `body` with each member of the object `bytes` holds, the key's bytes as they
    /// stand between its quotes and the value's raw JSON: no string is made, for readers
    /// that pick a few members out of many. False when it is not a plain object.
    public static func forEachMember(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>, ArraySlice<UInt8>) -> Void) -> Bool {
        var reader = EventFieldReader(bytes)
        guard reader.consume(UInt8(ascii: "{")) else { return false }
        if reader.consume(UInt8(ascii: "}")) { return reader.atEnd() }
        while true {
            guard let key = reader.raw(), key.count >= 2, key.first == quote, reader.consume(colon), let value = reader.raw()
            else { return false }
            body(key.dropFirst().dropLast(), value)
            if reader.consume(comma) { continue }
            return reader.consume(UInt8(ascii: "}")) && reader.atEnd()
        }
    }

    /// The elements of the array `bytes` holds, each as its raw JSON; nil when it is not
    /// a plain array.
    public static func elements(_ bytes: [UInt8]) -> [ArraySlice<UInt8>]? {
        var reader = EventFieldReader(bytes)
        var elements: [ArraySlice<UInt8>] = []
        let read = reader.array { element in
            guard let raw = element.raw() else { return false }
            elements.append(raw)
            return true
        }
        guard read, reader.atEnd() else { return nil }
        return elements
    }

    /// Whether only white space is left.
    public mutating func atEnd() -> Bool {
        skipSpace()
        return index == bytes.count
    }
}
