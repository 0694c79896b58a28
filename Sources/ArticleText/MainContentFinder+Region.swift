/// How the chosen region is fitted to the article once the best box is found: narrowed
/// into the child that holds the article when the box also holds a promo strip, widened to
/// the other parts of a body a site cuts into components.
extension MainContentFinder {
    /// Moves down while one child box holds nearly all of the prose: a page's `<main>` whose
    /// id says "main-content" holds the article and a rail of teasers below it.
    func descend(from start: Int, excluded: [Bool]) -> Int {
        var current = start
        while true {
            let total = prose(tree.elements[current].blocks)
            var largest = -1
            var largestProse = 0
            var child = current + 1
            while child < Int(tree.elements[current].endElement) {
                let childProse = prose(tree.elements[child].blocks)
                if childProse > largestProse {
                    largest = child
                    largestProse = childProse
                }
                child = max(child + 1, Int(tree.elements[child].endElement))
            }
            guard largest >= 0, !excluded[largest], Self.isBox(tree.elements[largest].tag),
                  Double(largestProse) >= Double(total) * Self.descentShare,
                  !holdsParagraphOutside(current, child: largest) else { return current }
            current = largest
        }
    }

    /// Whether a box holds a paragraph of prose outside one of its children: the rest of
    /// the article, which moving down into the child would cut off.
    func holdsParagraphOutside(_ box: Int, child: Int) -> Bool {
        let inside = tree.elements[child].blocks
        return tree.elements[box].blocks.contains { block in
            !inside.contains(block) && isProse(block) && tree.blocks[block].text.utf8.count >= Self.paragraphLength
        }
    }

    /// Bytes from which a block of prose is a paragraph rather than a teaser's line.
    static let paragraphLength = 200

    /// The share of its parent's prose a child box must hold for the region to move into it.
    static let descentShare = 0.8

    /// Elements that hold blocks rather than being one.
    static func isBox(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .division, .article, .section, .main, .blockquote, .tableCell, .table, .tableSection, .tableRow, .form,
             .otherBlock, .list, .noscript:
            true
        default:
            false
        }
    }

    /// The region with the boxes of its top's kind (same tag and class) near it: a body a
    /// site cuts into components, each a box of one class in a wrapper of its own, with
    /// pictures, captions and ads between them. Kin are looked for under the nearest of the
    /// top's three closest ancestors that holds any, never across an `<article>` boundary.
    func withSameKind(_ region: Region, scope: Range<Int>, excluded: [Bool]) -> Region {
        let top = tree.elements[region.top]
        guard top.classKey != 0, top.tag != .body else { return region }
        let taken = Set(region.blocks(in: tree))
        let story = enclosingArticle(region.top)
        var ancestor = Int(top.parent)
        for _ in 0..<Self.kinLevels {
            guard ancestor >= 0, tree.elements[ancestor].tag != .body else { break }
            var kin = [Int]()
            var element = ancestor + 1
            while element < Int(tree.elements[ancestor].endElement) {
                let node = tree.elements[element]
                if node.tag == top.tag, node.classKey == top.classKey {
                    let blocks = node.blocks
                    if !excluded[element], blocks.lowerBound >= scope.lowerBound, blocks.upperBound <= scope.upperBound,
                       !blocks.contains(where: taken.contains), blocks.contains(where: isProse),
                       !blocks.contains(where: isHeadline),
                       tree.linkDensity(of: element) < 0.5,
                       enclosingArticle(element) == story {
                        kin.append(element)
                    }
                    // Boxes inside a box of the kind come with it.
                    element = max(element + 1, Int(node.endElement))
                } else {
                    element += 1
                }
            }
            let joined = joinable(kin, to: taken)
            if !joined.isEmpty {
                var widened = region
                widened.roots = (region.roots + joined).sorted()
                return widened
            }
            ancestor = Int(tree.elements[ancestor].parent)
        }
        return region
    }

    /// Of the kin, those reached from the region outward, each across a short gap that holds
    /// no end-of-article line ("Related", a copyright line, a bio) and at most two lines of
    /// links or of boxes marked furniture (captions aside), and no `<h1>`: a picture, a
    /// caption or an ad sits between a body's parts; a share bar, a heading of teasers or
    /// the next story's headline after its end.
    func joinable(_ kin: [Int], to taken: Set<Int>) -> [Int] {
        guard var low = taken.min(), var high = taken.max() else { return [] }
        var joined = [Int]()
        for element in kin where tree.elements[element].blocks.lowerBound > high {
            let blocks = tree.elements[element].blocks
            guard isBridgeable((high + 1)..<blocks.lowerBound) else { break }
            joined.append(element)
            high = blocks.upperBound - 1
        }
        for element in kin.reversed() where tree.elements[element].blocks.upperBound <= low {
            let blocks = tree.elements[element].blocks
            guard isBridgeable(blocks.upperBound..<low) else { break }
            joined.append(element)
            low = blocks.lowerBound
        }
        return joined
    }

    func isBridgeable(_ gap: Range<Int>) -> Bool {
        guard gap.count <= Self.kinGap else { return false }
        var links = 0
        for block in gap {
            if let kind = furniture[block], [.sectionStart, .legal, .authorBio].contains(kind) { return false }
            // An <h1> between them heads another story (one appended below the first).
            if isHeadline(block) { return false }
            if tree.blocks[block].linkDensity >= 0.5 || inFurnitureBox(block) { links += 1 }
        }
        return links <= 2
    }

    func isHeadline(_ block: Int) -> Bool {
        let owner = Int(tree.owners[block])
        return owner >= 0 && tree.elements[owner].tag == .heading1
    }

    /// Whether a block lies in a box whose markup names it furniture other than a caption.
    func inFurnitureBox(_ block: Int) -> Bool {
        var element = Int(tree.owners[block])
        while element >= 0 {
            let node = tree.elements[element]
            if !node.hints.contains(.caption), Self.isFurnitureBox(node) { return true }
            element = Int(node.parent)
        }
        return false
    }

    /// The most blocks between two parts of one body.
    static let kinGap = 8

    /// How many ancestors up boxes of the container's kind are looked for.
    static let kinLevels = 3

    /// The innermost `<article>` holding an element, or -1.
    func enclosingArticle(_ element: Int) -> Int {
        var current = Int(tree.elements[element].parent)
        while current >= 0, tree.elements[current].tag != .article { current = Int(tree.elements[current].parent) }
        return current
    }
}
