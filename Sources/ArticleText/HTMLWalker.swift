import CLibXML2

/// One pass over the DOM, depth-first without recursion, collecting blocks and metadata.
struct HTMLWalker {
    let maximumDepth: Int
    var blocks = [TextBlock]()
    var inArticle = [Bool]()
    var metadata = HTMLMetadata()

    private var buffer = [UInt8]()
    private var linkBytes = 0
    private var linkDepth = 0
    private var articleDepth = 0
    private var role = TextBlock.Role.paragraph
    private var sawTitle = false

    init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    mutating func walk(_ root: xmlNodePtr) throws(ArticleTextError) {
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
                leave(leaving, descended: leaving != node || descend)
                if let next = leaving.pointee.next { current = next; break }
                guard depth > 0, let parent = leaving.pointee.parent else { break }
                depth -= 1
                leaving = parent
            }
        }
        flush()
    }

    /// Handles a node on the way down; returns whether to visit its children.
    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        if HTMLNode.isText(node) {
            if let content = node.pointee.content {
                let start = buffer.count
                var pointer = content
                while pointer.pointee != 0 { buffer.append(pointer.pointee); pointer += 1 }
                if linkDepth > 0 { linkBytes += buffer.count - start }
            }
            return false
        }
        guard HTMLNode.isElement(node) else { return false }
        let name = HTMLNode.name(node)
        if metadata.read(node, name: name) { return false }
        if HTMLRules.skippedTags.contains(name) || HTMLRules.isFurniture(node, name: name) { return false }
        if name == "a" { linkDepth += 1 }
        if HTMLRules.isArticleContainer(node, name: name) { articleDepth += 1 }
        if HTMLRules.blockTags.contains(name) {
            flush()
            role = blockRole(name)
        }
        return true
    }

    private mutating func leave(_ node: xmlNodePtr, descended: Bool) {
        guard HTMLNode.isElement(node) else { return }
        let name = HTMLNode.name(node)
        guard descended || !(HTMLRules.skippedTags.contains(name) || HTMLRules.isFurniture(node, name: name)) else { return }
        if name == "a" { linkDepth = max(0, linkDepth - 1) }
        if HTMLRules.blockTags.contains(name) {
            flush()
            role = .paragraph
        }
        if HTMLRules.isArticleContainer(node, name: name) { articleDepth = max(0, articleDepth - 1) }
    }

    private mutating func blockRole(_ name: String) -> TextBlock.Role {
        switch name {
        case "h1":
            if sawTitle { return .heading }
            sawTitle = true
            return .title
        case "h2", "h3", "h4", "h5", "h6": return .heading
        case "li", "dt", "dd": return .listItem
        default: return .paragraph
        }
    }

    private mutating func flush() {
        defer {
            buffer.removeAll(keepingCapacity: true)
            linkBytes = 0
        }
        guard !buffer.isEmpty else { return }
        let text = buffer.withUnsafeBufferPointer { TextNormalizer.collapse($0) }
        guard !text.isEmpty else {
            if role == .title { sawTitle = false }
            return
        }
        let density = buffer.isEmpty ? 0 : Double(linkBytes) / Double(buffer.count)
        blocks.append(TextBlock(text: text, role: role, linkDensity: min(1, density)))
        inArticle.append(articleDepth > 0)
    }

    /// The blocks to judge: when the page marks its article body and most text is inside
    /// it, only that part (plus the headline), else everything.
    func draft() -> DocumentDraft {
        var kept = blocks
        let inside = blocks.indices.filter { inArticle[$0] }
        let insideWords = inside.reduce(0) { $0 + blocks[$1].text.utf8.count }
        let allWords = blocks.reduce(0) { $0 + $1.text.utf8.count }
        if !inside.isEmpty, insideWords * 5 >= allWords * 2 {
            kept = blocks.indices.filter { inArticle[$0] || blocks[$0].role == .title }.map { blocks[$0] }
        }
        var document = DocumentDraft(blocks: kept, metadata: metadata.articleMetadata)
        if !kept.contains(where: { $0.role == .title }), let title = metadata.articleMetadata.title {
            document.blocks.insert(TextBlock(text: title, role: .title), at: 0)
        }
        return document
    }
}
