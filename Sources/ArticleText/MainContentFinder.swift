/// Finds the article's container on the page tree, in the spirit of Readability: every
/// paragraph-like block scores its enclosing elements (more for the nearest), scores are
/// weighed by class and id hints and link density, the best element wins, and its siblings
/// that score well join it, so a body split over several containers stays whole. What the
/// page declares (`itemprop="articleBody"`) is taken when it holds enough of the text, and
/// of several substantial `<article>`s (an infinite-scroll page) the first is kept.
///
/// Everything here is measured on the text's shape (length, punctuation, links), never on
/// the words of one language.
struct MainContentFinder {
    let tree: PageTree
    let features: [BlockFeatures]
    let furniture: [Furniture?]
    /// How much each block looks like article prose (0 for furniture and link lists).
    let weights: [Double]
    /// Prose bytes (weighted blocks' text) before each block, so a range's prose is a subtraction.
    let proseBefore: [Int]

    /// The chosen region: the blocks in it and the elements it is made of.
    struct Region {
        var roots: [Int]
        /// Blocks owned by the parent of the roots, taken between them (text not in any child).
        var looseBlocks: [Int]
        var top: Int

        func blocks(in tree: PageTree) -> [Int] {
            (roots.flatMap { Array(tree.elements[$0].blocks) } + looseBlocks).sorted()
        }
    }

    init(tree: PageTree, features: [BlockFeatures], furniture: [Furniture?]) {
        self.tree = tree
        self.features = features
        self.furniture = furniture
        let weights = tree.blocks.indices.map { index in
            Self.weight(tree.blocks[index], features[index], furniture[index])
        }
        var sums = [Int](repeating: 0, count: tree.blocks.count + 1)
        for index in tree.blocks.indices {
            sums[index + 1] = sums[index] + (weights[index] > 0 ? tree.blocks[index].text.utf8.count : 0)
        }
        self.weights = weights
        proseBefore = sums
    }

    static func weight(_ block: TextBlock, _ features: BlockFeatures, _ furniture: Furniture?) -> Double {
        let length = block.text.utf8.count
        guard furniture == nil, length >= 25, block.linkDensity < 0.5, features.letters >= 10 else { return 0 }
        let shape = 1 + Double(features.punctuation) + min(Double(length) / 100, 3)
        return shape * (1 - block.linkDensity)
    }

    /// Prose characters (weighted blocks' bytes) in a block range.
    func prose(_ blocks: Range<Int>) -> Int {
        proseBefore[blocks.upperBound] - proseBefore[blocks.lowerBound]
    }

    func prose(_ blocks: [Int]) -> Int {
        blocks.reduce(0) { $0 + (weights[$1] > 0 ? tree.blocks[$1].text.utf8.count : 0) }
    }

    /// The region of the page that holds the article, or nil when nothing scores.
    func find() -> Region? {
        guard var region = find(in: 0..<tree.blocks.count) else { return nil }
        region = preferDeclaredBody(over: region)
        if let first = firstOfSeveralArticles(region), let scoped = find(in: tree.elements[first].blocks) {
            region = scoped
        }
        return region
    }

    /// Scores the elements whose blocks lie in `scope` and picks the best, with its siblings.
    func find(in scope: Range<Int>) -> Region? {
        var scores = [Double](repeating: 0, count: tree.elements.count)
        var scored = [Bool](repeating: false, count: tree.elements.count)
        for block in scope where weights[block] > 0 {
            var element = Int(tree.owners[block])
            guard element >= 0 else { continue }
            element = Int(tree.elements[element].parent)
            var level = 0
            while element >= 0, level < 5 {
                guard tree.elements[element].blocks.lowerBound >= scope.lowerBound,
                      tree.elements[element].blocks.upperBound <= scope.upperBound else { break }
                if !scored[element] {
                    scored[element] = true
                    scores[element] = Self.initialScore(tree.elements[element])
                }
                scores[element] += weights[block] / (level == 0 ? 1 : level == 1 ? 2 : Double(level * 3))
                element = Int(tree.elements[element].parent)
                level += 1
            }
        }
        var candidates = [(element: Int, score: Double)]()
        // A comment thread, a navigation landmark, an aside or a footer is never the article,
        // however much prose it holds; a box whose class or id words name furniture, or that
        // is hidden, is not either unless it holds most of the page's prose (a page's body
        // classed "has-sidebar", an article wrapped in "paywall"). Only when nothing else
        // holds prose is one of them taken.
        var never = [Bool](repeating: false, count: tree.elements.count)
        for element in tree.elements.indices {
            let parent = Int(tree.elements[element].parent)
            never[element] = (parent >= 0 && never[parent]) || Self.isNeverTheArticle(tree.elements[element])
        }
        // The prose that could be the article's: a long comment thread does not count.
        var scopeProse = 0
        for block in scope where weights[block] > 0 {
            let owner = Int(tree.owners[block])
            if owner < 0 || !never[owner] { scopeProse += tree.blocks[block].text.utf8.count }
        }
        var excluded = never
        for element in tree.elements.indices where !never[element] {
            let node = tree.elements[element]
            let parent = Int(node.parent)
            excluded[element] = (parent >= 0 && excluded[parent]) || isExcluded(node, scopeProse: scopeProse)
        }
        var fallback = [(element: Int, score: Double)]()
        for element in tree.elements.indices where scored[element] {
            scores[element] *= 1 - tree.linkDensity(of: element)
            if excluded[element] {
                fallback.append((element, scores[element]))
            } else {
                candidates.append((element, scores[element]))
            }
        }
        if candidates.allSatisfy({ $0.score <= 0 }) { candidates = fallback }
        guard var best = candidates.max(by: { $0.score < $1.score }), best.score > 0 else { return nil }
        best.element = promoteToSharedAncestor(best, candidates)
        best.element = climb(from: best.element, scores: scores, scored: scored)
        let score = max(scores[best.element], best.score)
        var region = withSiblings(of: best.element, score: score, scores: scores, scored: scored)
        // Only a box that stands alone is narrowed: where siblings joined it, the body is
        // split over several boxes, and a child of one holds only part of it.
        if region.roots == [best.element], region.looseBlocks.isEmpty {
            let lower = descend(from: best.element, excluded: excluded)
            if lower != best.element { region = withSiblings(of: lower, score: score, scores: scores, scored: scored) }
        }
        return withSameKind(region, scope: scope, excluded: excluded)
    }

    /// A comment thread, a landmark role of furniture, navigation, an aside or a footer.
    static func isNeverTheArticle(_ node: PageTree.Element) -> Bool {
        !node.hints.isDisjoint(with: [.comments, .furnitureRole]) || [.nav, .aside, .footer].contains(node.tag)
    }

    /// A box whose class or id words name furniture, or that is hidden, unless it holds at
    /// least half the prose that could be the article's (then the words describe a wrapper).
    func isExcluded(_ node: PageTree.Element, scopeProse: Int) -> Bool {
        guard node.tag != .body, !node.hints.isDisjoint(with: [.furniture, .hidden]) else { return false }
        return prose(node.blocks) * 2 < scopeProse
    }

    static func initialScore(_ element: PageTree.Element) -> Double {
        var score: Double = switch element.tag {
        case .division, .article, .main: 5
        case .pre, .tableCell, .blockquote: 3
        case .list, .listItem, .definitionList, .definitionTerm, .form: -3
        case .heading1, .heading: -5
        default: 0
        }
        let hints = element.hints
        if hints.contains(.content) { score += 25 }
        if hints.contains(.declaredBody) || hints.contains(.articleType) { score += 25 }
        if hints.contains(.mainRole) { score += 10 }
        if !hints.isDisjoint(with: [.furniture, .comments, .furnitureRole, .hidden]) { score -= 25 }
        if hints.contains(.unlikely) { score -= 10 }
        if [.nav, .aside, .footer].contains(element.tag) { score -= 25 }
        return score
    }

    /// When several near-best candidates share an ancestor with the best, that ancestor
    /// holds the article (one body cut into several scored boxes).
    func promoteToSharedAncestor(_ best: (element: Int, score: Double), _ candidates: [(element: Int, score: Double)]) -> Int {
        let others = candidates.filter { $0.element != best.element && $0.score >= best.score * 0.75 }
            .sorted { $0.score > $1.score }.prefix(4)
        guard others.count >= 2 else { return best.element }
        var ancestor = Int(tree.elements[best.element].parent)
        while ancestor >= 0, tree.elements[ancestor].tag != .body {
            let sharing = others.filter { tree.isInside($0.element, ancestor) }.count
            if sharing >= 2 { return ancestor }
            ancestor = Int(tree.elements[ancestor].parent)
        }
        return best.element
    }

    /// Moves up while a parent scores higher than its child: the child was one part.
    func climb(from start: Int, scores: [Double], scored: [Bool]) -> Int {
        var best = start
        var lastScore = scores[start]
        var parent = Int(tree.elements[start].parent)
        while parent >= 0, tree.elements[parent].tag != .body {
            if !scored[parent] {
                parent = Int(tree.elements[parent].parent)
                continue
            }
            if scores[parent] < lastScore / 3 { break }
            if scores[parent] > lastScore {
                best = parent
                break
            }
            lastScore = scores[parent]
            parent = Int(tree.elements[parent].parent)
        }
        return best
    }

    /// The best element and the siblings that belong with it: those scoring a fifth of it,
    /// and paragraphs of prose between them.
    func withSiblings(of top: Int, score: Double, scores: [Double], scored: [Bool]) -> Region {
        let parent = Int(tree.elements[top].parent)
        guard parent >= 0 else { return Region(roots: [top], looseBlocks: [], top: top) }
        let threshold = max(10, score * 0.2)
        var children = [Int]()
        var element = parent + 1
        while element < Int(tree.elements[parent].endElement) {
            children.append(element)
            // The next child: past this one's descendants.
            element = max(element + 1, Int(tree.elements[element].endElement))
        }
        let taken = children.map { child in
            child == top || (scored[child] && scores[child] >= threshold) || isProseParagraph(child)
        }
        var roots = [Int]()
        // Between the first and the last sibling taken, the rest (subheadings, lists,
        // tables, a quote) is the article's too, unless its markup or its links say otherwise.
        if let first = taken.firstIndex(of: true), let last = taken.lastIndex(of: true) {
            for position in first...last where taken[position] || fillsGap(children[position]) {
                roots.append(children[position])
            }
        }
        var loose = [Int]()
        for block in tree.elements[parent].blocks where tree.owners[block] == Int32(parent) && isProse(block) {
            loose.append(block)
        }
        return Region(roots: roots, looseBlocks: loose, top: top)
    }

    /// Whether an element's markup names it furniture: by class, id, role or hiding, or
    /// by being navigation, an aside, a footer, a form or a caption.
    static func isFurnitureBox(_ element: PageTree.Element) -> Bool {
        if !element.hints.isDisjoint(with: ElementHints.dropInside) { return true }
        switch element.tag {
        case .nav, .aside, .footer, .figcaption, .form: return true
        default: return false
        }
    }

    func fillsGap(_ element: Int) -> Bool {
        !Self.isFurnitureBox(tree.elements[element]) && tree.linkDensity(of: element) < 0.5
    }

    func isProseParagraph(_ element: Int) -> Bool {
        let blocks = tree.elements[element].blocks
        guard !blocks.isEmpty, blocks.count <= 3, !Self.isFurnitureBox(tree.elements[element]) else { return false }
        return blocks.allSatisfy(isProse)
    }

    func isProse(_ block: Int) -> Bool {
        let text = tree.blocks[block]
        let length = text.text.utf8.count
        if weights[block] > 0, length > 80, text.linkDensity < 0.25 { return true }
        return weights[block] > 0 && text.linkDensity == 0 && features[block].endsSentence
    }

    /// `itemprop="articleBody"` replaces the scored region when it holds at least half as
    /// much prose, unless the region already lies inside it or holds it.
    func preferDeclaredBody(over region: Region) -> Region {
        let declared = tree.elements.indices.filter { element in
            guard tree.elements[element].hints.contains(.declaredBody) else { return false }
            var parent = Int(tree.elements[element].parent)
            while parent >= 0 {
                if tree.elements[parent].hints.contains(.declaredBody) { return false }
                parent = Int(tree.elements[parent].parent)
            }
            return true
        }
        guard !declared.isEmpty else { return region }
        let regionBlocks = region.blocks(in: tree)
        let declaredBlocks = declared.flatMap { Array(tree.elements[$0].blocks) }
        guard prose(declaredBlocks) * 2 >= prose(regionBlocks) else { return region }
        let declaredSet = Set(declaredBlocks)
        // The region holds the declared body and more (a standfirst outside it): keep the region.
        if declaredBlocks.allSatisfy(Set(regionBlocks).contains) { return region }
        if regionBlocks.allSatisfy(declaredSet.contains) || !regionBlocks.contains(where: declaredSet.contains) {
            return Region(roots: declared, looseBlocks: [], top: declared[0])
        }
        return region
    }

    /// Of several `<article>` elements that each hold a substantial story (the next story
    /// appended below the first), the first, when the region reaches past it.
    func firstOfSeveralArticles(_ region: Region) -> Int? {
        let stories = substantialArticles()
        guard stories.count >= 2, let first = stories.first else { return nil }
        let blocks = region.blocks(in: tree)
        let firstRange = tree.elements[first].blocks
        let reachesPast = blocks.contains { !firstRange.contains($0) && weights[$0] > 0 }
        return reachesPast ? first : nil
    }

    /// The blocks of the stories appended after the first substantial `<article>`: no
    /// reading of the page takes them.
    func appendedStories() -> [Range<Int>] {
        let stories = substantialArticles()
        guard stories.count >= 2 else { return [] }
        return stories.dropFirst().map { tree.elements[$0].blocks }
    }

    /// Outermost `<article>`s holding at least 400 bytes of prose and three tenths of the
    /// largest one's.
    func substantialArticles() -> [Int] {
        let articles = tree.elements.indices.filter { element in
            guard tree.elements[element].tag == .article else { return false }
            var parent = Int(tree.elements[element].parent)
            while parent >= 0 {
                if tree.elements[parent].tag == .article { return false }
                parent = Int(tree.elements[parent].parent)
            }
            return true
        }
        guard articles.count >= 2 else { return [] }
        let proseByArticle = articles.map { prose(tree.elements[$0].blocks) }
        let largest = proseByArticle.max() ?? 0
        return zip(articles, proseByArticle).filter { $0.1 >= max(400, largest * 3 / 10) }.map(\.0)
    }
}
