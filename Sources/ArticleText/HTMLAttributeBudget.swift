/// A page whose elements carry absurd numbers of attributes is not a web page: one tag
/// with 300,000 attributes (3 MB) once kept the parser the reader used before busy for
/// hours, and no real page comes near. The sum over tags of their attribute count squared
/// is kept under a budget, and such a page is refused with the largest count named.
struct HTMLAttributeBudget {
    /// About one element with 7,000 attributes, or 10,000 elements with 70 each.
    static let maximumLoad = 50_000_000

    private(set) var load = 0
    private(set) var largest = 0

    mutating func add(_ count: Int) {
        load = min(Int.max / 2, load + count * count)
        largest = max(largest, count)
    }

    func check() throws(ArticleTextError) {
        guard load > Self.maximumLoad else { return }
        throw .malformed(format: .html, reason: "too many attributes for a web page (one element has \(largest))")
    }

    /// The load and the largest count of a page's start tags (outside comments, scripts
    /// and style sheets).
    static func load(of bytes: [UInt8]) -> (load: Int, largest: Int) {
        bytes.withUnsafeBufferPointer { page in
            var scanner = HTMLScanner(page)
            var budget = HTMLAttributeBudget()
            while let token = scanner.next() {
                if case .startTag(let tag) = token { budget.add(tag.attributeCount) }
            }
            return (budget.load, budget.largest)
        }
    }
}
