/// A page as the main-content finder sees it: its block-level elements with their hints,
/// and its text cut into blocks in document order. A subtree's blocks are contiguous, so
/// every element owns a range of blocks.
struct PageTree {
    struct Element {
        /// The enclosing element's index, or -1 at the top.
        var parent: Int32
        var tag: HTMLTag
        var hints: ElementHints
        /// A hash of the class attribute's value (0 without one): boxes of one kind share it.
        var classKey: UInt32
        /// Blocks `firstBlock..<endBlock` lie inside the element.
        var firstBlock: Int32
        var endBlock: Int32
        /// Elements `index + 1..<endElement` are its descendants (the walk records them in order).
        var endElement: Int32

        var blocks: Range<Int> { Int(firstBlock)..<Int(max(firstBlock, endBlock)) }
    }

    var elements: [Element] = []
    var blocks: [TextBlock] = []
    /// The innermost element holding each block (-1 when none, text straight in `<html>`).
    var owners: [Int32] = []
    /// Each block's UTF-8 byte count before whitespace was collapsed, and how many of those
    /// bytes were inside links.
    var rawBytes: [Int32] = []
    var linkBytes: [Int32] = []

    /// Whether `element` lies inside `ancestor` (or is it).
    func isInside(_ element: Int, _ ancestor: Int) -> Bool {
        var current = element
        while current >= 0 {
            if current == ancestor { return true }
            current = Int(elements[current].parent)
        }
        return false
    }

    /// Share of an element's text inside links.
    func linkDensity(of element: Int) -> Double {
        var total = 0
        var links = 0
        for block in elements[element].blocks {
            total += Int(rawBytes[block])
            links += Int(linkBytes[block])
        }
        return total == 0 ? 0 : Double(links) / Double(total)
    }
}
