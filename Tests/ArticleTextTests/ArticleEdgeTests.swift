import Testing
@testable import ArticleText

/// What sits at the edges of the article's text and between its paragraphs without being
/// part of it: the lines that introduce lists of other stories, headings of nothing, and
/// what comes after the article ends inside the same box.
@Suite struct ArticleEdgeTests {
    typealias Page = PageFixtures

    func read(_ html: String) throws -> Article {
        try ArticleExtractor.extract(bytes: Array(html.utf8), fileName: "page.html")
    }

    @Test("a line introducing a list of links goes with the list, in any language; a heading with nothing after it goes")
    func listHeadings() throws {
        let html = Page.page("""
            <article><h1>\(Page.headline)</h1><div class="text">\(Page.paragraphs(0..<4))
            <p><strong>Lesen Sie auch:</strong></p><ul><li><a href="/a">Fähre fährt im Winter seltener</a></li>
            <li><a href="/b">Rat streitet über den Hafenhaushalt</a></li></ul>
            \(Page.paragraphs(4..<10))
            <p>Explore further</p><p><a href="/c">New ferry timetable from March for the islands</a></p>
            <h3>热门推荐</h3><ul><li><a href="/d">大桥因裂缝关闭</a></li><li><a href="/e">渡轮冬季减班</a></li></ul>
            <h2>What the council said</h2></div></article>
            """)
        let article = try read(html)
        #expect(article.paragraphs.map(\.text) == [Page.headline] + Page.story)
    }

    @Test("a subheading followed by prose, and list items beside linked ones, stay")
    func notListHeadings() throws {
        let html = Page.page("""
            <article><h1>\(Page.headline)</h1><div class="text">\(Page.paragraphs(0..<5))
            <h2>What the inspectors found</h2>\(Page.paragraphs(5..<8))
            <ul><li>Pillar two: a crack of 40 cm</li><li><a href="/report">The full inspection report</a></li>
            <li>Pillar four: loose stones</li></ul>\(Page.paragraphs(8..<10))</div></article>
            """)
        let article = try read(html)
        let texts = article.paragraphs.map(\.text)
        #expect(texts.contains("What the inspectors found"))
        #expect(texts.contains("Pillar two: a crack of 40 cm"))
        #expect(texts.contains("Pillar four: loose stones"))
        #expect(Array(texts.suffix(2)) == Array(Page.story.suffix(2)))
    }
}
