import CLibXML2

/// One pass over libxml2's DOM, depth-first without recursion: block-level elements become
/// `PageTree` elements with their hints, text is cut into blocks at their edges, and head
/// elements feed the metadata. Scripts, styles, form controls and media are not walked.
struct HTMLWalker {
    let maximumDepth: Int
    var tree = PageTree()
    var metadata = HTMLMetadata()
    /// The libxml2 node of each element, valid while the document lives (for explanations).
    var nodes: [xmlNodePtr] = []

    private var buffer = [UInt8]()
    private var bufferLinkBytes = 0
    private var linkDepth = 0
    /// The recorded elements enclosing the walk's position, innermost last.
    private var open: [Int32] = []
    private let words = HintWords.shared

    init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    mutating func walk(_ root: xmlNodePtr) throws(ArticleTextError) {
        metadata.readLanguage(root)
        var current: xmlNodePtr? = root
        var depth = 0
        while let node = current {
            let descend = enter(node)
            if descend, let child = node.pointee.children {
                depth += 1
                guard depth <= maximumDepth else {
                    throw .tooLarge(reason: "HTML nesting deeper than \(maximumDepth) elements")
                }
                current = child
                continue
            }
            var leaving = node
            current = nil
            while true {
                leave(leaving, walked: leaving != node || descend)
                if let next = leaving.pointee.next { current = next; break }
                guard depth > 0, let parent = leaving.pointee.parent else { break }
                depth -= 1
                leaving = parent
            }
        }
        flush()
        while let last = open.popLast() { close(last) }
    }

    private mutating func close(_ element: Int32) {
        tree.elements[Int(element)].endBlock = Int32(tree.blocks.count)
        tree.elements[Int(element)].endElement = Int32(tree.elements.count)
    }

    /// Handles a node on the way down; returns whether to visit its children.
    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        let type = node.pointee.type
        if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
            if let content = node.pointee.content {
                let start = buffer.count
                var pointer = content
                while pointer.pointee != 0 { buffer.append(pointer.pointee); pointer += 1 }
                if linkDepth > 0 { bufferLinkBytes += buffer.count - start }
            }
            return false
        }
        guard type == XML_ELEMENT_NODE else { return false }
        let tag = HTMLTag.of(node.pointee.name)
        switch tag {
        case .skipped: return false
        case .script:
            if insideBody, Self.isMarkupTemplate(node) {
                readTemplate(node)
            } else {
                metadata.read(node, tag: tag)
            }
            return false
        case .meta, .link, .title:
            metadata.read(node, tag: tag)
            return false
        case .time:
            metadata.read(node, tag: tag)
            return true
        case .anchor:
            linkDepth += 1
            return true
        case .lineBreak, .rule:
            flush()
            return true
        default:
            guard tag.isBlock else { return true }
        }
        flush()
        var hints = readHints(node)
        if tag == .noscript { hints.insert(.hidden) }
        let parent = open.last ?? -1
        tree.elements.append(PageTree.Element(
            parent: parent, tag: tag, hints: hints,
            firstBlock: Int32(tree.blocks.count), endBlock: Int32(tree.blocks.count), endElement: 0))
        open.append(Int32(tree.elements.count - 1))
        nodes.append(node)
        return true
    }

    private mutating func leave(_ node: xmlNodePtr, walked: Bool) {
        guard walked, node.pointee.type == XML_ELEMENT_NODE else { return }
        let tag = HTMLTag.of(node.pointee.name)
        if tag == .anchor { linkDepth = max(0, linkDepth - 1) }
        guard tag.isBlock, tag != .lineBreak, tag != .rule else { return }
        flush()
        if let last = open.popLast() { close(last) }
    }

    /// Whether an enclosing element is marked as the article's body or content.
    private var insideBody: Bool {
        open.contains { !tree.elements[Int($0)].hints.isDisjoint(with: [.declaredBody, .content]) }
    }

    /// `<script type="text/template">` (or `text/html`, `text/x-template`): markup a page
    /// renders with JavaScript, sometimes the whole article body. Inside an element marked
    /// as the body, its text is read as paragraphs of that element (elsewhere such templates
    /// hold cookie dialogs and widgets).
    static func isMarkupTemplate(_ node: xmlNodePtr) -> Bool {
        guard let type = HTMLNode.attribute(node, "type")?.lowercased() else { return false }
        return type.hasPrefix("text/") && (type.contains("template") || type == "text/html")
    }

    private mutating func readTemplate(_ node: xmlNodePtr) {
        flush()
        for paragraph in DeclaredBody.paragraphs(HTMLNode.text(of: node)) {
            buffer = Array(paragraph.utf8)
            flush()
        }
    }

    private mutating func flush() {
        defer {
            buffer.removeAll(keepingCapacity: true)
            bufferLinkBytes = 0
        }
        guard !buffer.isEmpty else { return }
        let text = buffer.withUnsafeBufferPointer { TextNormalizer.collapse($0) }
        guard !text.isEmpty else { return }
        let owner = open.last ?? -1
        let role: TextBlock.Role = switch owner >= 0 ? tree.elements[Int(owner)].tag : .inline {
        case .heading1, .heading: .heading
        case .listItem, .definitionTerm: .listItem
        default: .paragraph
        }
        let density = Double(bufferLinkBytes) / Double(buffer.count)
        tree.blocks.append(TextBlock(text: text, role: role, linkDensity: min(1, density)))
        tree.owners.append(owner)
        tree.rawBytes.append(Int32(clamping: buffer.count))
        tree.linkBytes.append(Int32(clamping: bufferLinkBytes))
    }

    /// `tag#id.class`, for an explanation.
    func describe(_ element: Int) -> String {
        let node = nodes[element]
        var description = HTMLNode.name(node)
        if let id = HTMLNode.attribute(node, "id"), !id.isEmpty { description += "#" + id }
        if let classes = HTMLNode.attribute(node, "class") {
            for name in classes.split(separator: " ").prefix(3) { description += "." + name }
        }
        return description
    }

    /// Reads class, id, role, itemprop, itemtype and the hiding attributes in one pass over
    /// the element's attributes, without making strings.
    private func readHints(_ node: xmlNodePtr) -> ElementHints {
        var hints: ElementHints = []
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let name = current.pointee.name else { continue }
            let value = current.pointee.children?.pointee.content
            switch AttributeName(name) {
            case .className:
                if let value { hints.formUnion(words.hints(of: value)) }
            case .id:
                if let value { hints.formUnion(words.hints(ofID: value)) }
            case .role:
                if let value { hints.formUnion(Self.roleHints(value)) }
            case .itemprop:
                if let value, Self.equalsIgnoringCase(value, "articlebody") { hints.insert(.declaredBody) }
            case .itemtype:
                if let value, Self.contains(value, "article") || Self.contains(value, "blogposting") {
                    hints.insert(.articleType)
                }
            case .hidden:
                hints.insert(.hidden)
            case .ariaHidden:
                if let value, Self.equalsIgnoringCase(value, "true") { hints.insert(.hidden) }
            case .style:
                if let value, Self.hidesElement(value) { hints.insert(.hidden) }
            case .other:
                break
            }
        }
        return hints
    }

    static func roleHints(_ value: UnsafePointer<UInt8>) -> ElementHints {
        if equalsIgnoringCase(value, "main") { return .mainRole }
        for role in ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu", "menubar"]
        where equalsIgnoringCase(value, role) {
            return .furnitureRole
        }
        return []
    }

    /// `display:none` or `visibility:hidden`, spaces and case ignored.
    static func hidesElement(_ style: UnsafePointer<UInt8>) -> Bool {
        var squeezed = [UInt8]()
        var index = 0
        while style[index] != 0, index < 1024 {
            let byte = style[index]
            if byte != 0x20 { squeezed.append(UTF8Bytes.lowerASCII(byte)) }
            index += 1
        }
        return squeezed.containsBytes(Array("display:none".utf8)) || squeezed.containsBytes(Array("visibility:hidden".utf8))
    }

    static func equalsIgnoringCase(_ value: UnsafePointer<UInt8>, _ expected: StaticString) -> Bool {
        var value = value
        while value.pointee == 0x20 { value += 1 }
        let bytes = expected.utf8Start
        for index in 0..<expected.utf8CodeUnitCount where UTF8Bytes.lowerASCII(value[index]) != bytes[index] {
            return false
        }
        let end = value[expected.utf8CodeUnitCount]
        return end == 0 || end == 0x20
    }

    static func equalsIgnoringCase(_ value: UnsafePointer<UInt8>, _ expected: String) -> Bool {
        var value = value
        while value.pointee == 0x20 { value += 1 }
        var index = 0
        for byte in expected.utf8 {
            guard UTF8Bytes.lowerASCII(value[index]) == byte else { return false }
            index += 1
        }
        return value[index] == 0 || value[index] == 0x20
    }

    static func contains(_ value: UnsafePointer<UInt8>, _ needle: StaticString) -> Bool {
        var folded = [UInt8]()
        var index = 0
        while value[index] != 0, index < 512 {
            folded.append(UTF8Bytes.lowerASCII(value[index]))
            index += 1
        }
        return folded.containsBytes(Array(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)))
    }
}

/// The attributes the walker reads, told apart by their first bytes.
enum AttributeName {
    case className, id, role, itemprop, itemtype, hidden, ariaHidden, style, other

    init(_ name: UnsafePointer<UInt8>) {
        func matches(_ word: StaticString) -> Bool {
            let bytes = word.utf8Start
            for index in 0..<word.utf8CodeUnitCount where UTF8Bytes.lowerASCII(name[index]) != bytes[index] {
                return false
            }
            return name[word.utf8CodeUnitCount] == 0
        }
        switch UTF8Bytes.lowerASCII(name[0]) {
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
