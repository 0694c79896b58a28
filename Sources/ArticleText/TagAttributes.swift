/// A start tag's attributes over the page's bytes: values found by name (any case), as
/// strings with character references decoded, and the hints an element's attributes give.
struct TagAttributes {
    let bytes: UnsafeBufferPointer<UInt8>
    let range: Range<Int>

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ tag: HTMLStartTag) {
        self.bytes = bytes
        range = tag.attributes
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.bytes = bytes
        self.range = range
    }

    /// The first attribute of that name (lowercase ASCII), or nil.
    func value(_ name: StaticString) -> String? {
        var reader = HTMLAttributeReader(bytes, from: range.lowerBound)
        while let attribute = reader.next(), attribute.name.upperBound <= range.upperBound {
            guard Self.equalsLowercase(bytes, attribute.name, name) else { continue }
            var decoded = [UInt8]()
            CharacterReferences.shared.append(bytes, attribute.value, to: &decoded, attribute: true)
            return String(decoding: decoded, as: UTF8.self)
        }
        return nil
    }

    /// Reads class, id, role, itemprop, itemtype and the hiding attributes in one pass over
    /// the tag, without making strings.
    func hints() -> ElementHints {
        var classKey: UInt32 = 0
        return hints(classKey: &classKey)
    }

    /// The hints, and a hash of the class attribute's value in `classKey` (0 without one), so
    /// boxes of one kind can be told apart from others without keeping their names.
    func hints(classKey: inout UInt32) -> ElementHints {
        var hints: ElementHints = []
        let words = HintWords.shared
        var reader = HTMLAttributeReader(bytes, from: range.lowerBound)
        while let attribute = reader.next(), attribute.name.upperBound <= range.upperBound {
            let value = UnsafeBufferPointer(rebasing: bytes[attribute.value])
            switch AttributeName(UnsafeBufferPointer(rebasing: bytes[attribute.name])) {
            case .className:
                hints.formUnion(words.hints(of: value))
                classKey = Self.key(value)
            case .id: hints.formUnion(words.hints(ofID: value))
            case .role: hints.formUnion(Self.roleHints(value))
            case .itemprop:
                if Self.equalsIgnoringCase(value, "articlebody") { hints.insert(.declaredBody) }
            case .itemtype:
                if Self.contains(value, "article") || Self.contains(value, "blogposting") { hints.insert(.articleType) }
            case .hidden: hints.insert(.hidden)
            case .ariaHidden:
                if Self.equalsIgnoringCase(value, "true") { hints.insert(.hidden) }
            case .style:
                if Self.hidesElement(value) { hints.insert(.hidden) }
            case .other: break
            }
        }
        return hints
    }

    /// FNV-1a over the value's bytes, never 0.
    static func key(_ value: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in value.prefix(512) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return max(hash, 1)
    }

    static func roleHints(_ value: UnsafeBufferPointer<UInt8>) -> ElementHints {
        if equalsIgnoringCase(value, "main") { return .mainRole }
        for role: StaticString in ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu", "menubar"]
        where equalsIgnoringCase(value, role) {
            return .furnitureRole
        }
        return []
    }

    /// `display:none` or `visibility:hidden`, spaces and case ignored.
    static func hidesElement(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        var squeezed = [UInt8]()
        for byte in style.prefix(1024) where byte != 0x20 { squeezed.append(UTF8Bytes.lowerASCII(byte)) }
        return squeezed.containsBytes(Array("display:none".utf8)) || squeezed.containsBytes(Array("visibility:hidden".utf8))
    }

    /// The value's first word is `expected` (lowercase), case ignored.
    static func equalsIgnoringCase(_ value: UnsafeBufferPointer<UInt8>, _ expected: StaticString) -> Bool {
        var start = 0
        while start < value.count, HTMLScanner.isSpace(value[start]) { start += 1 }
        var end = start
        while end < value.count, !HTMLScanner.isSpace(value[end]) { end += 1 }
        return equalsLowercase(value, start..<end, expected)
    }

    static func equalsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ expected: StaticString) -> Bool {
        guard range.count == expected.utf8CodeUnitCount else { return false }
        let wanted = expected.utf8Start
        for offset in 0..<range.count where UTF8Bytes.lowerASCII(bytes[range.lowerBound + offset]) != wanted[offset] {
            return false
        }
        return true
    }

    static func contains(_ value: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let folded = value.prefix(512).map(UTF8Bytes.lowerASCII)
        return folded.containsBytes(Array(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)))
    }
}

/// The attributes the tree builder reads, told apart by their first bytes.
enum AttributeName {
    case className, id, role, itemprop, itemtype, hidden, ariaHidden, style, other

    init(_ name: UnsafeBufferPointer<UInt8>) {
        func matches(_ word: StaticString) -> Bool {
            TagAttributes.equalsLowercase(name, 0..<name.count, word)
        }
        guard let first = name.first else {
            self = .other
            return
        }
        switch UTF8Bytes.lowerASCII(first) {
        case UInt8(ascii: "c"): self = matches("class") ? .className : .other
        case UInt8(ascii: "i"):
            self = matches("id") ? .id : matches("itemprop") ? .itemprop : matches("itemtype") ? .itemtype : .other
        case UInt8(ascii: "r"): self = matches("role") ? .role : .other
        case UInt8(ascii: "h"): self = matches("hidden") ? .hidden : .other
        case UInt8(ascii: "a"): self = matches("aria-hidden") ? .ariaHidden : .other
        case UInt8(ascii: "s"): self = matches("style") ? .style : .other
        default: self = .other
        }
    }
}
