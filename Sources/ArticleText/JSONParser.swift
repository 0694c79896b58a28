/// A strict JSON parser over UTF-8 bytes with a nesting limit: recursion depth is bounded by
/// `maximumDepth`, so a nesting bomb is rejected instead of exhausting the stack.
struct JSONParser {
    let bytes: [UInt8]
    let maximumDepth: Int
    var position = 0

    init(_ text: Substring, maximumDepth: Int) {
        self.bytes = Array(text.utf8)
        self.maximumDepth = maximumDepth
    }

    static func parse(_ text: Substring, maximumDepth: Int) throws(ArticleTextError) -> JSONValue {
        var parser = JSONParser(text, maximumDepth: maximumDepth)
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.position == parser.bytes.count else { throw parser.failure("trailing characters") }
        return value
    }

    func failure(_ reason: String) -> ArticleTextError {
        .malformed(format: .json, reason: "\(reason) at byte \(position)")
    }

    mutating func skipSpace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A
            || bytes[position] == 0x0D || bytes[position] == 0x09 {
            position += 1
        }
    }

    mutating func value(depth: Int) throws(ArticleTextError) -> JSONValue {
        skipSpace()
        guard position < bytes.count else { throw failure("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < maximumDepth else {
                throw .tooLarge(reason: "JSON nesting deeper than \(maximumDepth) levels")
            }
            return bytes[position] == UInt8(ascii: "{") ? try object(depth: depth) : try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    mutating func object(depth: Int) throws(ArticleTextError) -> JSONValue {
        position += 1
        var members = [(String, JSONValue)]()
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try string()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            position += 1
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard position < bytes.count else { throw failure("unterminated object") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            throw failure("expected ',' or '}'")
        }
    }

    mutating func array(depth: Int) throws(ArticleTextError) -> JSONValue {
        position += 1
        var values = [JSONValue]()
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(values) }
        while true {
            values.append(try value(depth: depth + 1))
            skipSpace()
            guard position < bytes.count else { throw failure("unterminated array") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(values) }
            throw failure("expected ',' or ']'")
        }
    }

    mutating func literal(_ word: String) throws(ArticleTextError) {
        for byte in word.utf8 {
            guard position < bytes.count, bytes[position] == byte else { throw failure("bad literal") }
            position += 1
        }
    }

    mutating func number() throws(ArticleTextError) -> JSONValue {
        let start = position
        while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
        guard position > start, let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else {
            throw failure("bad number")
        }
        return .number(value)
    }

    mutating func string() throws(ArticleTextError) -> String {
        position += 1
        var output = [UInt8]()
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw failure("unterminated escape") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "b"), UInt8(ascii: "f"): output.append(0x20)
                case UInt8(ascii: "u"): output.append(contentsOf: try unicodeEscape())
                default: output.append(escape)
                }
            default:
                output.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    mutating func unicodeEscape() throws(ArticleTextError) -> [UInt8] {
        var high = try hex4()
        if (0xD800..<0xDC00).contains(high), position + 1 < bytes.count,
           bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
            position += 2
            let low = try hex4()
            high = 0x10000 + ((high - 0xD800) << 10) + (low &- 0xDC00 & 0x3FF)
        }
        let scalar = Unicode.Scalar(high) ?? "\u{FFFD}"
        return Array(String(scalar).utf8)
    }

    mutating func hex4() throws(ArticleTextError) -> UInt32 {
        guard position + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16) else {
            throw failure("bad \\u escape")
        }
        position += 4
        return value
    }
}
