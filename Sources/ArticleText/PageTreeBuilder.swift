/// Builds a `PageTree` straight from the scanner's tokens, in one pass over the page and
/// without a DOM: block-level elements become tree elements with their hints, text is cut
/// into blocks at their edges, and head elements feed the metadata. The tree follows the
/// HTML standard's tree construction where it shapes text blocks (a `<p>`, `<li>`, `<dt>`,
/// `<dd>`, table cell or row left open is closed by the next one or by a block; an end tag
/// closes what was left open inside its element; `</body>` ends nothing), and its text is
/// that of a browser with scripts off. Scripts, styles, form controls, media and foreign
/// content (`svg`, `math`) are not read.
struct PageTreeBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var tree = PageTree()
    var metadata = HTMLMetadata()
    /// Each element's start tag (name and attributes), for explanations.
    var startTags: [Range<Int>] = []
    var attributeBudget = HTMLAttributeBudget()

    struct OpenElement {
        var key: UInt64
        var tag: HTMLTag
        /// Its index in the tree, or -1 for elements the tree does not record.
        var element: Int32
    }

    var stack: [OpenElement] = []
    /// The recorded elements on the stack, innermost last.
    var open: [Int32] = []
    var anchors = 0
    var skipping = 0
    var foreign = 0
    var openParagraphs = 0
    var openTables = 0
    var bodyElement: Int32 = -1
    private var scanner: HTMLScanner
    private var buffer = [UInt8]()
    private var bufferLinkBytes = 0
    /// The script whose raw text comes next, and what it is.
    private var pendingScript: ScriptKind?
    private var pendingTitle = false
    private let references = CharacterReferences.shared

    enum ScriptKind { case linkedData, template, other }

    init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        scanner = HTMLScanner(bytes)
    }

    mutating func build() throws(ArticleTextError) {
        while let token = scanner.next() {
            switch token {
            case .text(let range):
                text(range)
            case .rawText(let range, let decode):
                rawText(range, decode: decode)
            case .startTag(let tag):
                try startTag(tag)
            case .endTag(let name):
                endTag(HTMLTag.key(bytes, name))
            }
        }
        try attributeBudget.check()
        pop(to: 0)
        flush()
    }

    private mutating func text(_ range: Range<Int>) {
        guard skipping == 0 else { return }
        if bodyElement < 0, range.contains(where: { !HTMLScanner.isSpace(bytes[$0]) }) { openBody(nil) }
        let start = buffer.count
        references.append(bytes, range, to: &buffer)
        if anchors > 0 { bufferLinkBytes += buffer.count - start }
    }

    private mutating func rawText(_ range: Range<Int>, decode: Bool) {
        defer {
            pendingScript = nil
            pendingTitle = false
        }
        if pendingTitle {
            var title = [UInt8]()
            references.append(bytes, range, to: &title)
            metadata.readTitle(String(decoding: title, as: UTF8.self))
            return
        }
        switch pendingScript {
        case .linkedData?:
            metadata.linkedData.read(String(decoding: UnsafeBufferPointer(rebasing: bytes[range.prefix(512 << 10)]), as: UTF8.self))
        case .template?:
            flush()
            let markup = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.prefix(1 << 20)]), as: UTF8.self)
            for paragraph in DeclaredBody.paragraphs(markup) {
                buffer = Array(paragraph.utf8)
                flush()
            }
        case .other?, nil:
            break
        }
    }

    private mutating func startTag(_ start: HTMLStartTag) throws(ArticleTextError) {
        attributeBudget.add(start.attributeCount)
        let key = HTMLTag.key(bytes, start.name)
        let tag = HTMLTag.of(key: key)
        if foreign > 0 {
            // Inside svg or math only nesting is followed, to find the end of it, until an
            // HTML element the standard lets break out of it (a page that never closes its
            // icon's <svg> goes on with a <div> or <p>).
            guard Self.breaksOutOfForeignContent(tag, key) else {
                if tag == .foreign, !start.selfClosing { try push(OpenElement(key: key, tag: tag, element: -1)) }
                return
            }
            if let outermost = stack.firstIndex(where: { $0.tag == .foreign }) { pop(to: outermost) }
        }
        let attributes = TagAttributes(bytes, start)
        switch tag {
        case .inline, .void:
            return
        case .ignored:
            if key == Self.htmlKey { metadata.readLanguage(attributes) }
            return
        case .meta:
            metadata.readMeta(attributes)
            return
        case .link:
            metadata.readLink(attributes)
            return
        case .title:
            pendingTitle = skipping == 0
            return
        case .script:
            pendingScript = scriptKind(attributes)
            return
        case .time:
            if skipping == 0 { metadata.readTime(attributes) }
            return
        case .anchor:
            closeAnchor()
            try push(OpenElement(key: key, tag: tag, element: -1))
            return
        case .lineBreak, .rule:
            if tag == .rule { closeParagraph() }
            flush()
            return
        case .ruby:
            return
        case .skipped, .foreign, .option, .rubyText, .button:
            closeSameKind(tag, key)
            if tag == .foreign { scanner.inForeignContent = true }
            try push(OpenElement(key: key, tag: tag, element: -1))
            return
        default:
            break
        }
        if tag == .body {
            guard bodyElement < 0 else { return }
            openBody(start)
            return
        }
        // A cell, row or row group outside any table is no element (as in browsers); its
        // text joins the enclosing block.
        if tag == .tableCell || tag == .tableRow || tag == .tableSection, openTables == 0 { return }
        closeImplied(by: tag, key: key)
        guard skipping == 0 else {
            try push(OpenElement(key: key, tag: tag, element: -1))
            return
        }
        if bodyElement < 0 { openBody(nil) }
        flush()
        var classKey: UInt32 = 0
        var hints = attributes.hints(classKey: &classKey)
        if tag == .noscript { hints.insert(.hidden) }
        try record(tag, key: key, hints: hints, classKey: classKey, start: start)
    }

    static let htmlKey = HTMLTag.key("html")

    /// The HTML standard's start tags that end foreign content.
    static func breaksOutOfForeignContent(_ tag: HTMLTag, _ key: UInt64) -> Bool {
        switch tag {
        case .paragraph, .division, .heading1, .heading, .listItem, .list, .blockquote, .pre, .table, .definitionTerm,
             .definitionList, .lineBreak, .rule, .body, .meta, .ruby:
            return true
        case .otherBlock, .void:
            return key == centerKey || key == imgKey || key == embedKey
        case .inline:
            return breakoutInlineKeys.contains(key)
        default:
            return false
        }
    }

    static let centerKey = HTMLTag.key("center")
    static let imgKey = HTMLTag.key("img")
    static let embedKey = HTMLTag.key("embed")
    static let breakoutInlineKeys: Set<UInt64> = Set(
        (["b", "big", "code", "em", "i", "s", "small", "span", "strong", "strike", "sub", "sup", "tt", "u", "var", "nobr"]
            as [StaticString]).map { HTMLTag.key($0) })

    private func scriptKind(_ attributes: TagAttributes) -> ScriptKind {
        guard let type = attributes.value("type")?.lowercased() else { return .other }
        if type.contains("ld+json") { return .linkedData }
        // `<script type="text/template">` (or `text/html`, `text/x-template`): markup a page
        // renders with JavaScript, sometimes the whole article body. Inside an element marked
        // as the body, its text is read as paragraphs of that element (elsewhere such
        // templates hold cookie dialogs and widgets).
        if skipping == 0, type.hasPrefix("text/"), type.contains("template") || type == "text/html", insideBody {
            return .template
        }
        return .other
    }

    /// Whether an enclosing element is marked as the article's body or content.
    private var insideBody: Bool {
        open.contains { !tree.elements[Int($0)].hints.isDisjoint(with: [.declaredBody, .content]) }
    }

    /// The page's `<body>`, or the one a page without that tag implies at its first text.
    private mutating func openBody(_ start: HTMLStartTag?) {
        flush()
        let hints = start.map { TagAttributes(bytes, $0).hints() } ?? []
        let range = start.map { $0.name.lowerBound..<$0.attributes.upperBound } ?? 0..<0
        appendElement(.body, hints: hints, startTag: range)
        bodyElement = Int32(tree.elements.count - 1)
        // The body is never closed by a tag: it holds all that follows.
        stack.insert(OpenElement(key: HTMLTag.key("body"), tag: .body, element: bodyElement), at: 0)
        open.insert(bodyElement, at: 0)
    }

    private mutating func record(
        _ tag: HTMLTag, key: UInt64, hints: ElementHints, classKey: UInt32, start: HTMLStartTag
    ) throws(ArticleTextError) {
        appendElement(tag, hints: hints, classKey: classKey, startTag: start.name.lowerBound..<start.attributes.upperBound)
        let element = Int32(tree.elements.count - 1)
        try push(OpenElement(key: key, tag: tag, element: element))
        open.append(element)
        if tag == .paragraph { openParagraphs += 1 }
    }

    private mutating func appendElement(_ tag: HTMLTag, hints: ElementHints, classKey: UInt32 = 0, startTag: Range<Int>) {
        tree.elements.append(PageTree.Element(
            parent: open.last ?? -1, tag: tag, hints: hints, classKey: classKey,
            firstBlock: Int32(tree.blocks.count), endBlock: Int32(tree.blocks.count), endElement: 0))
        startTags.append(startTag)
    }

    mutating func push(_ entry: OpenElement) throws(ArticleTextError) {
        guard stack.count < maximumDepth else {
            throw .tooLarge(reason: "HTML nesting deeper than \(maximumDepth) elements")
        }
        stack.append(entry)
        switch entry.tag {
        case .anchor: anchors += 1
        case .table: openTables += 1
        case .foreign: foreign += 1; skipping += 1
        case .skipped, .option, .rubyText, .button: skipping += 1
        default: break
        }
    }

    /// Pops the stack down to `depth` entries, closing what it pops.
    mutating func pop(to depth: Int) {
        while stack.count > max(depth, bodyElement >= 0 ? 1 : 0), let entry = stack.popLast() {
            switch entry.tag {
            case .anchor: anchors -= 1
            case .table: openTables -= 1
            case .foreign:
                foreign -= 1
                skipping -= 1
                scanner.inForeignContent = foreign > 0
            case .skipped, .option, .rubyText, .button: skipping -= 1
            case .paragraph: if entry.element >= 0 { openParagraphs -= 1 }
            default: break
            }
            guard entry.element >= 0 else { continue }
            flush()
            open.removeLast()
            tree.elements[Int(entry.element)].endBlock = Int32(tree.blocks.count)
            tree.elements[Int(entry.element)].endElement = Int32(tree.elements.count)
        }
        if depth == 0, bodyElement >= 0, stack.count == 1 {
            flush()
            stack.removeAll()
            open.removeAll()
            tree.elements[Int(bodyElement)].endBlock = Int32(tree.blocks.count)
            tree.elements[Int(bodyElement)].endElement = Int32(tree.elements.count)
        }
    }

    mutating func flush() {
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

    /// The element holding a block, and when it has no id or class the nearest one that
    /// has (`p in div.entry-content`), for an explanation.
    func describeBox(_ element: Int) -> String {
        guard element >= 0 else { return "" }
        let own = describe(element)
        guard !own.contains("#"), !own.contains(".") else { return own }
        var ancestor = Int(tree.elements[element].parent)
        while ancestor >= 0 {
            let named = describe(ancestor)
            if named.contains("#") || named.contains(".") { return own + " in " + named }
            ancestor = Int(tree.elements[ancestor].parent)
        }
        return own
    }

    /// `tag#id.class`, for an explanation.
    func describe(_ element: Int) -> String {
        let range = startTags[element]
        guard !range.isEmpty else { return "body" }
        var name = range.lowerBound
        while name < range.upperBound, !HTMLScanner.endsName(bytes[name]) { name += 1 }
        var description = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<name]), as: UTF8.self)
            .lowercased()
        let attributes = TagAttributes(bytes, range: name..<range.upperBound)
        if let id = attributes.value("id"), !id.isEmpty { description += "#" + id }
        if let classes = attributes.value("class") {
            for word in classes.split(separator: " ").prefix(3) { description += "." + word }
        }
        return description
    }
}
