/// One token of an HTML page, as byte ranges into the page: no string is made here.
enum HTMLToken {
    /// Text between tags, character references still in it.
    case text(Range<Int>)
    /// The contents of an element whose text is not markup (`script`, `style`, `title`,
    /// `textarea`, …): `references` says whether character references count in it.
    case rawText(Range<Int>, references: Bool)
    case startTag(HTMLStartTag)
    case endTag(name: Range<Int>)
}

/// A start tag: its name, the bytes of its attributes (read on demand by
/// `HTMLAttributeReader`), and how many attributes it has.
struct HTMLStartTag {
    var name: Range<Int>
    var attributes: Range<Int>
    var attributeCount: Int
    var selfClosing: Bool
}

/// Cuts a page into tokens the way the HTML standard's tokenizer does, for the parts the
/// reader needs: tags with their attributes, text, and raw text after `script`, `style`,
/// `title`, `textarea` and the like. Comments, doctypes, processing instructions and
/// CDATA sections are skipped. Linear in the page: text runs are crossed with `memchr`, and
/// nothing is compared with anything earlier (so many attributes cost no more than their
/// bytes; `HTMLAttributeBudget` still refuses pages that carry absurd numbers of them).
struct HTMLScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    /// After a raw-text element's start tag: the name whose end tag ends the raw text.
    private var rawTextEnd: Range<Int>?
    private var rawTextReferences = false
    /// `plaintext`: everything after its start tag is text.
    private var plaintext = false
    /// Inside `<svg>` or `<math>` (set by the tree builder): no element there holds raw
    /// text, and "/>" closes any element.
    var inForeignContent = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func next() -> HTMLToken? {
        if let name = rawTextEnd {
            rawTextEnd = nil
            return rawText(until: name)
        }
        if plaintext {
            guard position < bytes.count else { return nil }
            defer { position = bytes.count }
            return .text(position..<bytes.count)
        }
        while position < bytes.count {
            let start = position
            guard let opening = find(UInt8(ascii: "<"), from: position) else {
                position = bytes.count
                return .text(start..<bytes.count)
            }
            if opening > start {
                position = opening
                return .text(start..<opening)
            }
            // At a '<': a tag, markup to skip, or a literal '<' in the text.
            if let token = markup() { return token }
            if position == start {
                // A '<' that starts nothing: text up to the next '<'.
                let end = find(UInt8(ascii: "<"), from: start + 1) ?? bytes.count
                position = end
                return .text(start..<end)
            }
        }
        return nil
    }

    /// Reads what starts at the '<' at `position`. Returns a tag, or nil after skipping a
    /// comment or declaration (position moved) or when the '<' is text (position kept).
    private mutating func markup() -> HTMLToken? {
        let start = position
        guard start + 1 < bytes.count else { return nil }
        let next = bytes[start + 1]
        if UTF8Bytes.isASCIILetter(next) {
            return startTag()
        }
        switch next {
        case UInt8(ascii: "/"):
            guard start + 2 < bytes.count else { return nil }
            if UTF8Bytes.isASCIILetter(bytes[start + 2]) { return endTag() }
            // "</>" is nothing; "</3" and the like are a bogus comment up to '>'.
            position = (find(UInt8(ascii: ">"), from: start + 2) ?? bytes.count - 1) + 1
            return nil
        case UInt8(ascii: "!"):
            if hasPrefix("<!--", at: start) {
                skipComment(from: start + 4)
            } else {
                position = (find(UInt8(ascii: ">"), from: start + 2) ?? bytes.count - 1) + 1
            }
            return nil
        case UInt8(ascii: "?"):
            position = (find(UInt8(ascii: ">"), from: start + 2) ?? bytes.count - 1) + 1
            return nil
        default:
            return nil
        }
    }

    /// A comment ends at "-->" (or "--!>"); "<!-->" and "<!--->" are empty comments; one
    /// left open runs to the end of the page.
    private mutating func skipComment(from bodyStart: Int) {
        if bodyStart < bytes.count, bytes[bodyStart] == UInt8(ascii: ">") {
            position = bodyStart + 1
            return
        }
        if hasPrefix("->", at: bodyStart) {
            position = bodyStart + 2
            return
        }
        var search = bodyStart
        while let dash = find(UInt8(ascii: "-"), from: search) {
            if hasPrefix("-->", at: dash) {
                position = dash + 3
                return
            }
            if hasPrefix("--!>", at: dash) {
                position = dash + 4
                return
            }
            search = dash + 1
        }
        position = bytes.count
    }

    private mutating func startTag() -> HTMLToken? {
        let nameStart = position + 1
        var index = nameStart
        while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
        let name = nameStart..<index
        var reader = HTMLAttributeReader(bytes, from: index)
        var count = 0
        while reader.next() != nil { count += 1 }
        guard reader.closed else {
            // A tag cut off by the end of the page is dropped, as browsers do.
            position = bytes.count
            return nil
        }
        position = reader.position
        let tag = HTMLStartTag(name: name, attributes: index..<reader.position, attributeCount: count,
                               selfClosing: reader.selfClosing)
        guard !inForeignContent else { return .startTag(tag) }
        switch RawTextKind.of(bytes, name) {
        case .none: break
        case .raw: rawTextEnd = name; rawTextReferences = false
        case .escapable: rawTextEnd = name; rawTextReferences = true
        case .plaintext: plaintext = true
        }
        return .startTag(tag)
    }

    private mutating func endTag() -> HTMLToken? {
        let nameStart = position + 2
        var index = nameStart
        while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
        var reader = HTMLAttributeReader(bytes, from: index)
        while reader.next() != nil {}
        guard reader.closed else {
            position = bytes.count
            return nil
        }
        position = reader.position
        return .endTag(name: nameStart..<index)
    }

    /// The text up to `</name` (any case) followed by a space, '/' or '>'; the end tag
    /// itself is the next token.
    private mutating func rawText(until name: Range<Int>) -> HTMLToken? {
        let start = position
        var search = position
        while let opening = find(UInt8(ascii: "<"), from: search) {
            search = opening + 1
            guard opening + 2 + name.count < bytes.count, bytes[opening + 1] == UInt8(ascii: "/") else { continue }
            var matched = true
            for offset in 0..<name.count
            where UTF8Bytes.lowerASCII(bytes[opening + 2 + offset]) != UTF8Bytes.lowerASCII(bytes[name.lowerBound + offset]) {
                matched = false
                break
            }
            guard matched, Self.endsName(bytes[opening + 2 + name.count]) else { continue }
            position = opening
            return .rawText(start..<opening, references: rawTextReferences)
        }
        position = bytes.count
        return .rawText(start..<bytes.count, references: rawTextReferences)
    }

    @inline(__always)
    static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || isSpace(byte)
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private func hasPrefix(_ marker: StaticString, at start: Int) -> Bool {
        let count = marker.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        let expected = marker.utf8Start
        for offset in 0..<count where bytes[start + offset] != expected[offset] { return false }
        return true
    }

    /// The first `byte` at or after `start` (memchr: most of a page is text, scripts and
    /// attribute values between the bytes that matter).
    private func find(_ byte: UInt8, from start: Int) -> Int? {
        UTF8Bytes.find(byte, in: bytes, from: start)
    }
}

/// Elements whose content is not markup, by the HTML standard.
enum RawTextKind {
    case none
    /// `script`, `style`, `xmp`, `iframe`, `noembed`, `noframes`: text up to the end tag.
    case raw
    /// `title`, `textarea`: the same, with character references.
    case escapable
    /// `plaintext`: the rest of the page.
    case plaintext

    static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> RawTextKind {
        guard (3...9).contains(name.count) else { return .none }
        switch UTF8Bytes.lowerASCII(bytes[name.lowerBound]) {
        case UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "i"), UInt8(ascii: "x"), UInt8(ascii: "n"),
             UInt8(ascii: "p"):
            break
        default:
            return .none
        }
        func named(_ expected: StaticString) -> Bool {
            guard expected.utf8CodeUnitCount == name.count else { return false }
            for offset in 0..<name.count
            where UTF8Bytes.lowerASCII(bytes[name.lowerBound + offset]) != expected.utf8Start[offset] {
                return false
            }
            return true
        }
        if named("script") || named("style") || named("iframe") || named("xmp") || named("noembed")
            || named("noframes") {
            return .raw
        }
        if named("title") || named("textarea") { return .escapable }
        return named("plaintext") ? .plaintext : .none
    }
}
