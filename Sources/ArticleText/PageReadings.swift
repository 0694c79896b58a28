/// Reads a page two ways and keeps the better reading, so that no single decision drops
/// the article: the main-content container cleaned inside (the first choice), and the
/// whole page judged block by block with only furniture boxes set aside (the fallback,
/// taken when the container holds far less prose than the page). A JSON-LD
/// `articleBody` replaces either when it is much longer (a paywalled page shows a teaser
/// in its markup), never when it is a teaser itself.
struct PageReadings {
    let tree: PageTree
    let metadata: ArticleMetadata
    let declaredBody: String?
    let features: [BlockFeatures]
    let furniture: [Furniture?]
    let finder: MainContentFinder

    /// The container reading is kept while it holds at least this share of the whole
    /// page's kept text.
    static let containerShare = 0.5
    /// A box marked as furniture is still read when it holds more than this share of the
    /// prose around it: then the mark is wrong, not the text.
    static let furnitureShare = 0.4

    init(tree: PageTree, metadata: ArticleMetadata, declaredBody: String?) {
        self.tree = tree
        self.metadata = metadata
        self.declaredBody = declaredBody
        features = tree.blocks.map { BlockFeatures($0.text) }
        furniture = zip(tree.blocks, features).map { FurnitureMatcher.match($0, $1) }
        finder = MainContentFinder(tree: tree, features: features, furniture: furniture)
    }

    func best(describe: (Int) -> String) -> DocumentDraft {
        let region = finder.find()
        let headline = headlineIndex(region)
        var blocks = tree.blocks
        if let headline { blocks[headline].role = .title }

        let pagePresets = pageFurniturePresets()
        let page = BoilerplateRemover.classify(
            blocks, features: features, furniture: furniture, presets: pagePresets, scope: .page, title: headline)
        let pageLength = keptLength(page)
        var chosen = DocumentDraft(blocks: blocks, metadata: metadata, presets: pagePresets,
                                   method: .wholePage(reason: "no container on the page holds prose"), judged: page)
        var chosenLength = pageLength
        if let region {
            let presets = containerPresets(region, headline: headline)
            let inside = BoilerplateRemover.classify(
                blocks, features: features, furniture: furniture, presets: presets, scope: .container, title: headline)
            let length = keptLength(inside)
            let roots = region.roots.count > 1 ? " and \(region.roots.count - 1) sibling(s)" : ""
            if length > 0, Double(length) >= Double(pageLength) * Self.containerShare {
                chosen = DocumentDraft(blocks: blocks, metadata: metadata, presets: presets,
                                       method: .mainContent(container: describe(region.top) + roots), judged: inside)
                chosenLength = length
            } else {
                chosen.method = .wholePage(reason: "the container \(describe(region.top)) kept \(length) bytes of text,"
                    + " the page \(pageLength)")
            }
        }
        if let declared = declaredReading(headline: headline.map { blocks[$0].text }, against: chosenLength) {
            return declared
        }
        chosen.titleFromMetadata = headline == nil
        return chosen
    }

    /// Bytes of kept body text (the headline not counted).
    func keptLength(_ result: BoilerplateResult) -> Int {
        var total = 0
        for index in result.decisions.indices where result.decisions[index].kept && index != result.titleIndex {
            total += tree.blocks[index].text.utf8.count
        }
        return total
    }

    /// The headline: the `<h1>` the metadata's title names, else the first `<h1>` inside
    /// the container above its prose, else the last one before the container (an `<h1>` in
    /// a box after the article's text is that box's title). None when the page has no
    /// fitting `<h1>`: the metadata's title then heads the text.
    func headlineIndex(_ region: MainContentFinder.Region?) -> Int? {
        let headings = tree.blocks.indices.filter { index in
            let owner = Int(tree.owners[index])
            return owner >= 0 && tree.elements[owner].tag == .heading1 && features[index].words > 0
                && furniture[index] == nil
        }
        let blocks = region?.blocks(in: tree) ?? []
        let firstProse = blocks.first { finder.weights[$0] > 0 } ?? blocks.last ?? tree.blocks.count
        // Any heading the title names will do: some sites give the headline an <h2> and
        // their logo or menu the <h1>.
        if let title = metadata.title.map(Self.folded), !title.isEmpty {
            let named = tree.blocks.indices.first { index in
                guard index <= firstProse, tree.blocks[index].role == .heading || headings.contains(index) else { return false }
                return Self.names(Self.folded(tree.blocks[index].text), title)
            }
            if let named { return named }
        }
        guard !headings.isEmpty else { return nil }
        guard let start = blocks.first else { return headings.first }
        if let inside = headings.first(where: { $0 >= start && $0 <= firstProse }) { return inside }
        return headings.last { $0 < start }
    }

    static func folded(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(Character.init))
    }

    /// Whether a heading is the title the metadata gives (which may carry the site's name).
    static func names(_ heading: String, _ title: String) -> Bool {
        guard heading.count >= 4 else { return false }
        return heading == title || title.hasPrefix(heading) || title.hasSuffix(heading) || heading.hasPrefix(title)
    }

    /// Outside the container: dropped. Inside: furniture boxes dropped, the rest judged.
    /// Prose right before or after the container (a standfirst above it, a last paragraph
    /// below it) is judged too: see `adjacentProse`.
    func containerPresets(_ region: MainContentFinder.Region, headline: Int?) -> [BlockDecision.Reason?] {
        var presets = [BlockDecision.Reason?](repeating: .outsideMainContent, count: tree.blocks.count)
        let blocks = region.blocks(in: tree)
        let drops = furnitureBoxes(under: region.roots, reference: finder.prose(blocks))
        for block in blocks {
            let owner = Int(tree.owners[block])
            presets[block] = owner >= 0 && drops[owner] ? .furnitureInside : nil
        }
        for block in adjacentProse(blocks, headline: headline) { presets[block] = nil }
        if let headline, let first = blocks.first, headline < first {
            let pageDrops = furnitureBoxes(under: nil, reference: finder.prose(0..<tree.blocks.count))
            for block in (headline + 1)..<first where finder.isProse(block) {
                let owner = Int(tree.owners[block])
                if owner < 0 || !pageDrops[owner] { presets[block] = nil }
            }
        }
        if let headline { presets[headline] = nil }
        return presets
    }

    /// Paragraphs of prose next to the container, outward from it, with short lines between
    /// them; the walk stops at the headline, at links, at furniture, at a furniture box, or
    /// after three blocks without prose, and does not go up from a container that holds the
    /// headline.
    func adjacentProse(_ blocks: [Int], headline: Int?) -> [Int] {
        guard let first = blocks.first, let last = blocks.last else { return [] }
        let drops = furnitureBoxes(under: nil, reference: finder.prose(0..<tree.blocks.count))
        func stops(_ block: Int) -> Bool {
            let owner = Int(tree.owners[block])
            return block == headline || furniture[block] != nil || tree.blocks[block].linkDensity > 0.3
                || (owner >= 0 && drops[owner])
        }
        var taken = [Int]()
        // A container that starts with the headline has nothing of the article above it.
        let steps = headline.map { first <= $0 && $0 <= last } == true ? [1] : [-1, 1]
        for step in steps {
            var pending = [Int]()
            var block = step < 0 ? first - 1 : last + 1
            while block >= 0, block < tree.blocks.count, !stops(block) {
                if finder.isProse(block) {
                    taken += pending + [block]
                    pending = []
                } else {
                    pending.append(block)
                    if pending.count > 3 { break }
                }
                block += step
            }
        }
        return taken
    }

    /// The whole page's furniture boxes.
    func pageFurniturePresets() -> [BlockDecision.Reason?] {
        let drops = furnitureBoxes(under: nil, reference: finder.prose(0..<tree.blocks.count))
        var presets: [BlockDecision.Reason?] = tree.owners.map { owner in
            owner >= 0 && drops[Int(owner)] ? .furnitureInside : nil
        }
        for story in finder.appendedStories() {
            for block in story { presets[block] = .outsideMainContent }
        }
        return presets
    }

    /// Which elements lie in a furniture box: one whose markup says furniture, or inside one,
    /// below `roots` (the whole page when nil). A box holding more than `furnitureShare` of
    /// the `reference` prose is not trusted.
    func furnitureBoxes(under roots: [Int]?, reference: Int) -> [Bool] {
        var drops = [Bool](repeating: false, count: tree.elements.count)
        var inScope = [Bool](repeating: roots == nil, count: tree.elements.count)
        // Hints of boxes found to hold the article after all: the same words further in (a
        // live ticker's "comment" entries inside its "comments" list) are trusted too.
        var trusted = [ElementHints](repeating: [], count: tree.elements.count)
        for root in roots ?? [] { inScope[root] = true }
        let limit = Double(reference) * Self.furnitureShare
        let galleryCaptions = roots.map { captionProse(under: $0) * 2 > reference } ?? false
        for element in tree.elements.indices {
            let parent = Int(tree.elements[element].parent)
            let isRoot = roots?.contains(element) ?? false
            if parent >= 0, inScope[parent] { inScope[element] = true }
            guard inScope[element] else { continue }
            if parent >= 0 {
                trusted[element] = trusted[parent]
                if drops[parent], !isRoot {
                    drops[element] = true
                    continue
                }
            }
            var node = tree.elements[element]
            node.hints.subtract(trusted[element])
            // In a gallery or slideshow the captions are the text.
            if galleryCaptions, Self.isCaptionBox(node) { continue }
            guard !isRoot, MainContentFinder.isFurnitureBox(node) else { continue }
            // A class word alone ("share", "author", "promo") is weaker evidence than a
            // comment section, a landmark role, hiding, or a nav/aside/footer element.
            let strong = !node.hints.isDisjoint(with: [.comments, .furnitureRole, .hidden])
                || [.nav, .aside, .footer, .form, .figcaption].contains(node.tag)
            drops[element] = Double(finder.prose(node.blocks)) <= (strong ? limit : limit / 2)
            // Only a box that is nearly all of the prose (a live ticker's list of entries) lends
            // its trust inward; a long comment thread beside an article does not.
            if roots != nil, Double(finder.prose(node.blocks)) > Double(reference) * 0.75 {
                trusted[element].formUnion(node.hints.intersection(ElementHints.dropInside))
            }
        }
        return drops
    }

    /// A box that is a caption and nothing else the markup names furniture.
    static func isCaptionBox(_ node: PageTree.Element) -> Bool {
        let marks = node.hints.intersection(ElementHints.dropInside)
        return (node.tag == .figcaption && marks.isEmpty) || marks == .caption
    }

    /// Prose bytes in caption boxes below the roots.
    func captionProse(under roots: [Int]) -> Int {
        var total = 0
        for root in roots {
            var element = root
            while element < Int(tree.elements[root].endElement) {
                let node = tree.elements[element]
                if Self.isCaptionBox(node) {
                    total += finder.prose(node.blocks)
                    element = max(element + 1, Int(node.endElement))
                } else {
                    element += 1
                }
            }
        }
        return total
    }

    /// The JSON-LD body as paragraphs, when it is at least half again as long as `length`.
    func declaredReading(headline: String?, against length: Int) -> DocumentDraft? {
        guard let declaredBody else { return nil }
        let paragraphs = DeclaredBody.paragraphs(declaredBody)
        let declaredLength = paragraphs.reduce(0) { $0 + $1.utf8.count }
        guard declaredLength >= 200, declaredLength * 2 >= length * 3 else { return nil }
        var blocks = [TextBlock]()
        if let title = headline ?? metadata.title { blocks.append(TextBlock(text: title, role: .title)) }
        blocks += paragraphs.map { TextBlock(text: $0) }
        let hasTitle = blocks.count > paragraphs.count
        let decisions = blocks.indices.map { BlockDecision(kept: true, reason: hasTitle && $0 == 0 ? .title : .body) }
        return DocumentDraft(
            blocks: blocks, metadata: metadata, presets: [],
            method: .declaredBody(reason: "\(declaredLength) bytes of text where the markup shows \(length)"),
            judged: BoilerplateResult(decisions: decisions, titleIndex: hasTitle ? 0 : nil, byline: nil))
    }
}
