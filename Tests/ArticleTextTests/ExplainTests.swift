import Testing
@testable import ArticleText

/// `explain` says how the article was found and why each block was dropped.
@Suite struct ExplainTests {
    typealias Page = PageFixtures

    @Test("every block is listed with its verdict: outside the container, furniture inside it, or kept")
    func reasons() throws {
        let html = Page.page(Page.header + """
            <article><h1>\(Page.headline)</h1><div class="article-body">\(Page.paragraphs(0..<5))
            <div class="newsletter"><p>Get the morning briefing in your inbox every day before seven.</p></div>
            \(Page.paragraphs(5..<10))</div></article>
            """ + Page.footer)
        let report = ArticleExtractor().explain(bytes: Array(html.utf8), fileName: "page.html")
        let article = try #require(report.article)
        #expect(article.paragraphs.count == 11)
        guard case .mainContent(let container)? = report.method else {
            Issue.record("expected the main-content method, got \(String(describing: report.method))")
            return
        }
        #expect(container.hasPrefix("div.article-body") || container.hasPrefix("article"))
        func verdict(_ fragment: String) -> ExtractionReport.Block? { report.blocks.first { $0.text.contains(fragment) } }
        #expect(verdict("Trawler owners")?.reason == .outsideMainContent)
        #expect(verdict("morning briefing")?.reason == .furnitureInside)
        #expect(verdict(Page.story[3])?.kept == true)
        #expect(verdict(Page.headline)?.reason == .title)
    }

    @Test("a file with no article text is reported with the reason, not thrown")
    func noText() {
        let report = ArticleExtractor().explain(bytes: Array("<html><body><nav><a href=\"/\">Home</a></nav></body></html>".utf8),
                                                fileName: "empty.html")
        #expect(report.article == nil)
        #expect(report.error == .noText)
    }

    @Test("a heading over a box of related stories inside the article goes with the box; the article's own subheading stays")
    func headingOverRelatedBox() {
        let html = Page.page(Page.header + """
            <article><h1>\(Page.headline)</h1>\(Page.paragraphs(0..<6))<h3>Elsewhere on the coast</h3>
            <div class="related-posts"><ul><li><a href="/a">Fishing fleet stays in port</a></li>
            <li><a href="/b">Choir wins a national prize</a></li></ul></div>
            <h3>What happens next</h3>\(Page.paragraphs(6..<10))</article>
            """ + Page.footer)
        let report = ArticleExtractor().explain(bytes: Array(html.utf8), fileName: "page.html")
        func verdict(_ fragment: String) -> ExtractionReport.Block? { report.blocks.first { $0.text.contains(fragment) } }
        #expect(verdict("Elsewhere on the coast")?.reason == .listHeading)
        #expect(verdict("What happens next")?.kept == true)
        #expect(verdict(Page.story[9])?.kept == true)
    }

    @Test("a paragraph of 70 words or more that ends with its source in parentheses is prose, not a caption")
    func longParagraphWithSource() {
        let quoted = "The regional roads agency said in a statement on Tuesday that the closure would last at least until "
            + "the end of the summer, that divers would examine the foundations of all seven pillars in the coming weeks, "
            + "and that a first estimate of the cost of the repairs, which could run to several million crowns, would be "
            + "sent to the council before its budget meeting in the autumn, according to the agency's spokesman (via Reuters)."
        let caption = "Divers check the eastern pillar on Tuesday (via Reuters)."
        let html = Page.page(Page.header + """
            <article><h1>\(Page.headline)</h1>\(Page.paragraphs(0..<6))<p>\(quoted)</p><p>\(caption)</p>
            \(Page.paragraphs(6..<10))</article>
            """ + Page.footer)
        let report = ArticleExtractor().explain(bytes: Array(html.utf8), fileName: "page.html")
        #expect(report.blocks.first { $0.text == quoted }?.kept == true)
        #expect(report.blocks.first { $0.text == caption }?.reason == .caption)
    }

    @Test("a line ending in a copyright credit is a caption in any language; prose with the sign inside it is not")
    func copyrightCredits() {
        let captions = [
            "Divers check the eastern pillar of the harbour bridge on Tuesday. © Tessaly Herald / Mara Lind",
            "Die gesperrte Hafenbrücke am Montagmorgen© Gemeinde Marrowtal",
            "Taucher am östlichen Pfeiler, kurz vor dem Abstieg © dpa / Jon Keel",
        ]
        let prose = "The agency’s report, marked © Regional Roads Agency on every page, says the pillars were last examined "
            + "in 2019 and that nobody checked the foundations below the waterline at the time."
        let html = Page.page(Page.header + """
            <article><h1>\(Page.headline)</h1>\(Page.paragraphs(0..<5))\(captions.map { "<p>\($0)</p>" }.joined())
            <p>\(prose)</p>\(Page.paragraphs(5..<10))</article>
            """ + Page.footer)
        let report = ArticleExtractor().explain(bytes: Array(html.utf8), fileName: "page.html")
        for caption in captions {
            #expect(report.blocks.first { $0.text == caption }?.reason == .caption, "\(caption)")
        }
        #expect(report.blocks.first { $0.text == prose }?.kept == true)
    }
}
