/// Reads a tag's attributes from the bytes after its name, by the HTML standard's
/// attribute states: a value is quoted with `"` or `'`, or runs to a space or `>`; a `/`
/// between attributes is ignored; the tag ends at the first `>` outside a quoted value.
struct HTMLAttributeReader {
    struct Attribute {
        var name: Range<Int>
        /// Empty for an attribute written without a value.
        var value: Range<Int>
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Just past the tag's `>` once `next()` has returned nil.
    private(set) var position: Int
    /// Whether the tag ended with `/>`.
    private(set) var selfClosing = false
    /// Whether a `>` ended the tag (not the end of the page).
    private(set) var closed = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
        self.bytes = bytes
        position = start
    }

    /// The next attribute, or nil at the tag's end.
    mutating func next() -> Attribute? {
        while position < bytes.count {
            let byte = bytes[position]
            if HTMLScanner.isSpace(byte) {
                position += 1
                continue
            }
            if byte == UInt8(ascii: ">") {
                position += 1
                closed = true
                return nil
            }
            if byte == UInt8(ascii: "/") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: ">") {
                    selfClosing = true
                    position += 1
                    closed = true
                    return nil
                }
                continue
            }
            return attribute()
        }
        return nil
    }

    private mutating func attribute() -> Attribute {
        let nameStart = position
        // An '=' as a name's first byte belongs to the name.
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if HTMLScanner.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "=") {
                break
            }
            position += 1
        }
        let name = nameStart..<position
        var after = position
        while after < bytes.count, HTMLScanner.isSpace(bytes[after]) { after += 1 }
        guard after < bytes.count, bytes[after] == UInt8(ascii: "=") else {
            return Attribute(name: name, value: position..<position)
        }
        position = after + 1
        while position < bytes.count, HTMLScanner.isSpace(bytes[position]) { position += 1 }
        guard position < bytes.count else { return Attribute(name: name, value: position..<position) }
        let quote = bytes[position]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let valueStart = position + 1
            let end = UTF8Bytes.find(quote, in: bytes, from: valueStart) ?? bytes.count
            position = min(bytes.count, end + 1)
            return Attribute(name: name, value: valueStart..<end)
        }
        if quote == UInt8(ascii: ">") { return Attribute(name: name, value: position..<position) }
        let valueStart = position
        while position < bytes.count, !HTMLScanner.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
            position += 1
        }
        return Attribute(name: name, value: valueStart..<position)
    }
}
