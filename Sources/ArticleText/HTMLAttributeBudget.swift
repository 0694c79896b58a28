#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// libxml2 checks each new attribute against every earlier one of the same element, so an
/// element with n attributes costs n² string comparisons: one tag with 300,000 attributes
/// (3 MB) keeps the parser busy for hours. This linear pre-scan adds up n² over the tags
/// of a page, so such a page is refused before libxml2 sees it. Real pages stay far below
/// the budget (a few attributes per element, so a few million for a large page).
struct HTMLAttributeBudget {
    /// About one element with 7,000 attributes, or 10,000 elements with 70 each.
    static let maximumLoad = 50_000_000

    /// The sum over tags of their attribute count squared, and the largest count, over
    /// bytes outside comments, scripts and style sheets. Stops counting past the budget.
    static func load(of bytes: [UInt8]) -> (load: Int, largest: Int) {
        bytes.withUnsafeBufferPointer { load(of: $0) }
    }

    static func load(of bytes: UnsafeBufferPointer<UInt8>) -> (load: Int, largest: Int) {
        var scanner = HTMLAttributeBudget(bytes: bytes)
        return scanner.scan()
    }

    /// The same scan, also making the copy of the page that libxml2 is given: without
    /// comments, and without the bodies of style sheets, inline SVG and scripts other than
    /// JSON-LD and markup templates. These are most of a saved page's bytes and none of its
    /// text; libxml2 would otherwise copy each into a node that the walk skips.
    static func compacted(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], load: Int, largest: Int) {
        var scanner = HTMLAttributeBudget(bytes: bytes)
        scanner.output = []
        scanner.output?.reserveCapacity(bytes.count / 2)
        let (load, largest) = scanner.scan()
        scanner.copy(upTo: bytes.count)
        return (scanner.output ?? [], load, largest)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The compacted copy, when one is made, and how far the input has been copied or left out.
    private var output: [UInt8]?
    private var copied = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func copy(upTo end: Int) {
        guard output != nil, end > copied else { return }
        output?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
        copied = end
    }

    /// Leaves `start..<end` out of the copy.
    private mutating func omit(_ start: Int, _ end: Int) {
        guard output != nil, end > start else { return }
        copy(upTo: start)
        copied = max(copied, end)
    }

    private mutating func scan() -> (load: Int, largest: Int) {
        var load = 0
        var largest = 0
        while index < bytes.count, load <= Self.maximumLoad {
            guard let opening = find(UInt8(ascii: "<"), from: index) else {
                index = bytes.count
                break
            }
            index = opening
            guard index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!"), index + 3 < bytes.count, bytes[index + 2] == UInt8(ascii: "-"),
               bytes[index + 3] == UInt8(ascii: "-") {
                let start = index
                skip(past: Array("-->".utf8), from: index + 4)
                omit(start, index)
                continue
            }
            guard Self.isLetter(next) else {
                index += 1
                continue
            }
            let tagStart = index
            let (name, count) = tag()
            load += count * count
            largest = max(largest, count)
            if name == "script" || name == "style" || name == "svg" {
                let bodyStart = index
                let close = Array("</\(name)".utf8)
                skip(past: close, from: index)
                if name != "script" || !keepsScript(tagStart, bodyStart) {
                    omit(bodyStart, index == bytes.count ? index : index - close.count)
                }
            }
        }
        return (load, largest)
    }

    /// Reads one start tag from its `<`: its lowercased name and how many attributes it has.
    private mutating func tag() -> (name: String, count: Int) {
        index += 1
        var name: [UInt8] = []
        while index < bytes.count, Self.isNameByte(bytes[index]) {
            if name.count < 16 { name.append(bytes[index] | 0x20) }
            index += 1
        }
        var count = 0
        var afterSpace = true
        var afterEquals = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: ">"):
                return (String(decoding: name, as: UTF8.self), count)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                while index < bytes.count, bytes[index] != byte { index += 1 }
                index += 1
                afterSpace = false
                afterEquals = false
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\u{0C}"):
                afterSpace = true
            case UInt8(ascii: "="):
                afterEquals = true
                afterSpace = false
            case UInt8(ascii: "/"):
                afterSpace = true
            default:
                if afterSpace, !afterEquals { count += 1 }
                afterSpace = false
                afterEquals = false
            }
        }
        return (String(decoding: name, as: UTF8.self), count)
    }

    /// A script whose text the reader uses: JSON-LD metadata, or a markup template.
    private func keepsScript(_ start: Int, _ end: Int) -> Bool {
        let folded = bytes[start..<end].map(UTF8Bytes.lowerASCII)
        return ["json", "template", "text/html"].contains { folded.containsBytes(Array($0.utf8)) }
    }

    /// The first `byte` at or after `start` (memchr: most of a page is scripts and text
    /// between tags).
    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Moves past the first `marker` (ASCII, matched without case) at or after `start`.
    private mutating func skip(past marker: [UInt8], from start: Int) {
        var position = start
        while position + marker.count <= bytes.count {
            // Every marker starts with "<" or "-": jump to the next one.
            guard let next = find(marker[0], from: position) else { break }
            position = next
            guard position + marker.count <= bytes.count else { break }
            var matched = true
            for (offset, byte) in marker.enumerated() where bytes[position + offset] | 0x20 != byte | 0x20 {
                matched = false
                break
            }
            if matched {
                index = position + marker.count
                return
            }
            position += 1
        }
        index = bytes.count
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
}
