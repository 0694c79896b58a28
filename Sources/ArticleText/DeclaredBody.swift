/// A JSON-LD `articleBody` as paragraphs: some sites put plain text with line breaks there,
/// others markup; tags are dropped (a paragraph or line break ends a paragraph) and the
/// common entities decoded.
enum DeclaredBody {
    static func paragraphs(_ body: String) -> [String] {
        var lines = [String]()
        var current = [UInt8]()
        var bytes = Array(body.utf8)
        if bytes.count > 4 << 20 { bytes = Array(bytes.prefix(4 << 20)) }
        func endParagraph() {
            let text = current.withUnsafeBufferPointer { TextNormalizer.collapse($0) }
            if !text.isEmpty { lines.append(text) }
            current.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                endParagraph()
                index += 1
            } else if byte == UInt8(ascii: "<"), index + 1 < bytes.count,
                      UTF8Bytes.isASCIILetter(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "/"), let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")),
                      close - index < 4000 {
                let name = bytes[(index + 1)..<close].prefix { $0 != 0x20 }.map(UTF8Bytes.lowerASCII)
                if ["p", "/p", "br", "br/", "div", "/div", "li", "h2", "h3", "/h2", "/h3"].contains(String(decoding: name, as: UTF8.self)) {
                    endParagraph()
                }
                index = close + 1
            } else if byte == UInt8(ascii: "&"), let (decoded, length) = entity(bytes, index) {
                current += decoded
                index += length
            } else {
                current.append(byte)
                index += 1
            }
        }
        endParagraph()
        return lines
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'", "#039": "'",
    ]

    static func entity(_ bytes: [UInt8], _ start: Int) -> ([UInt8], Int)? {
        guard let end = bytes[start...].prefix(10).firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        if let known = entities[name] { return (Array(known.utf8), end - start + 1) }
        if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
            return (Array(String(scalar).utf8), end - start + 1)
        }
        return nil
    }
}
