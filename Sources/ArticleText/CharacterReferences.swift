/// Decodes character references (`&amp;`, `&#8217;`, `&#x2019;`) as browsers do: numeric
/// ones to their scalar (with the Windows-1252 meaning of 128–159, and U+FFFD for what is
/// not a character), named ones from `HTMLEntityNames`; anything else stays as written.
struct CharacterReferences: Sendable {
    static let shared = CharacterReferences()

    /// Code points by the FNV-1a hash of the name; a legacy name carries bit 31.
    private let names: [UInt64: UInt32]
    private static let legacyBit: UInt32 = 1 << 31

    private init() {
        var names = [UInt64: UInt32]()
        for entry in HTMLEntityNames.table.split(separator: " ") {
            let parts = entry.split(separator: "=")
            guard parts.count == 2, let value = UInt32(parts[1], radix: 16) else { continue }
            names[Self.hash(parts[0].utf8)] = value
        }
        for name in HTMLEntityNames.legacy.split(separator: " ") {
            let hash = Self.hash(name.utf8)
            names[hash] = (names[hash] ?? 0) | Self.legacyBit
        }
        self.names = names
    }

    /// FNV-1a of the name as written: names differ by case (`&Auml;`, `&auml;`).
    private static func hash(_ name: Substring.UTF8View) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash | 1
    }

    /// Appends `bytes[range]` to `output`, references decoded. `attribute`: in an attribute
    /// value a name without its semicolon is left alone before `=` or a letter or digit
    /// (query strings: `?a=1&copy=2`).
    func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to output: inout [UInt8], attribute: Bool = false) {
        var index = range.lowerBound
        while index < range.upperBound {
            guard let ampersand = UTF8Bytes.find(UInt8(ascii: "&"), in: bytes, from: index), ampersand < range.upperBound else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<range.upperBound]))
                return
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<ampersand]))
            if let (scalar, length) = decode(bytes, at: ampersand, end: range.upperBound, attribute: attribute) {
                Self.appendUTF8(scalar, to: &output)
                index = ampersand + length
            } else {
                output.append(UInt8(ascii: "&"))
                index = ampersand + 1
            }
        }
    }

    /// The reference at the `&` at `start`, and how many bytes it takes.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, attribute: Bool) -> (UInt32, Int)? {
        var index = start + 1
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "#") { return numeric(bytes, at: start, end: end) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        while index < end, index - start <= 32, UTF8Bytes.isASCIILetter(bytes[index]) || UTF8Bytes.isASCIIDigit(bytes[index]) {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
            index += 1
        }
        guard index > start + 1, let found = names[hash | 1] else { return nil }
        let value = found & ~Self.legacyBit
        if index < end, bytes[index] == UInt8(ascii: ";") { return (value, index + 1 - start) }
        guard found & Self.legacyBit != 0 else { return nil }
        if attribute, index < end, bytes[index] == UInt8(ascii: "=") { return nil }
        return (value, index - start)
    }

    private func numeric(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (UInt32, Int)? {
        var index = start + 2
        let hex = index < end && (bytes[index] | 0x20) == UInt8(ascii: "x")
        if hex { index += 1 }
        let digitsStart = index
        var value: UInt32 = 0
        while index < end {
            let byte = bytes[index]
            let digit: UInt32
            if UTF8Bytes.isASCIIDigit(byte) {
                digit = UInt32(byte - 0x30)
            } else if hex, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "f") {
                digit = UInt32((byte | 0x20) - 0x61 + 10)
            } else {
                break
            }
            value = min(0x11_0000, value * (hex ? 16 : 10) + digit)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < end, bytes[index] == UInt8(ascii: ";") { index += 1 }
        switch value {
        case 0, 0xD800...0xDFFF, 0x11_0000...: value = 0xFFFD
        case 0x80..<0xA0: value = Windows1252.high[Int(value) - 0x80]
        default: break
        }
        return (value, index - start)
    }

    static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x1_0000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
