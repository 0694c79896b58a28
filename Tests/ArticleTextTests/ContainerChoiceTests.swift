import Testing
@testable import ArticleText

/// Pages whose markup misleads the choice of the article's container: words of furniture
/// on the boxes that wrap the article, the article's own parts outside its body box, and
/// boxes of prose that are not the article.
@Suite struct ContainerChoiceTests {
    typealias Page = PageFixtures

    func read(_ html: String) throws -> Article {
        try ArticleExtractor.extract(bytes: Array(html.utf8), fileName: "page.html")
    }

    static let comments = (1...6).map { index in
        """
        <li class="comment"><p class="comment-author">Reader \(index)</p><p>I cross that bridge every morning on my way \
        to the fish market, and I have seen the loose stones myself for at least two winters now, so none of this \
        surprises me at all. The council should have acted much earlier, and somebody ought to answer for it.</p></li>
        """
    }.joined()

    @Test("a body classed with a sidebar word and an article wrapped in a 'paywall' box still give the article, not the comments")
    func furnitureWordsOnWrappers() throws {
        let html = "<!DOCTYPE html><html lang=\"en\">\(Page.head)<body class=\"post-template sidebar-right\">"
            + Page.header + """
            <div class="paywall-wrapper"><article><h1>\(Page.headline)</h1><div class="article-body">\(Page.paragraphs(0..<10))
            </div></article></div><section id="comments"><h2>Comments</h2><ol>\(Self.comments)</ol></section>
            """ + Page.footer + "</body></html>"
        let article = try read(html)
        #expect(article.paragraphs.map(\.text) == [Page.headline] + Page.story)
    }

    @Test("a class that names what an element has ('has-sharing', 'with-sidebar') does not make it furniture")
    func modifierClasses() throws {
        let standfirst = "Inspectors found cracks in three of the seven pillars of the bridge, which carried 12,000 vehicles a day."
        let html = Page.page(Page.header + """
            <article><header class="article-header has-sharing with-sidebar"><div class="share-bar"><a href="#">Share</a></div>
            <h1>\(Page.headline)</h1><div class="article-header__abstract">\(standfirst)</div></header>
            <div class="article-body">\(Page.paragraphs(0..<10))</div></article>
            """ + Page.footer)
        let article = try read(html)
        #expect(article.paragraphs.map(\.text) == [Page.headline, standfirst] + Page.story)
    }

    func container(_ html: String) -> String? {
        let report = ArticleExtractor().explain(bytes: Array(html.utf8), fileName: "page.html")
        guard case .mainContent(let container)? = report.method else { return nil }
        return container
    }

    @Test("a page's main box that holds the article's box and a short promo below it gives way to the article's box")
    func narrowedToTheArticleBox() throws {
        let html = Page.page("""
            <div class="wrap"><div id="page-body"><div class="detail"><h1>\(Page.headline)</h1>\(Page.paragraphs(0..<10))</div>
            <div class="station"><h3>Did you like this report?</h3><p>The Herald brings you <a href="/letter">the news of \
            the coast every morning</a> at six.</p><div class="pair"><p><a href="/radio">Listen to the evening bulletin</a> \
            live from the harbour studio.</p></div></div></div>
            <div class="side"><ul><li><a href="/a">Fishing fleet stays in port</a></li><li><a href="/b">Choir wins a prize</a></li>
            </ul></div></div>
            """)
        #expect(container(html) == "div.detail")
        #expect(try read(html).paragraphs.map(\.text) == [Page.headline] + Page.story)
    }

    @Test("a body split over sibling boxes inside the main box is not narrowed to the box holding most of it")
    func splitBodyNotNarrowed() throws {
        let html = Page.page(Page.header + """
            <div id="page-body"><div class="intro"><h1>\(Page.headline)</h1>\(Page.paragraphs(0..<1))</div>
            <div class="detail">\(Page.paragraphs(1..<9))</div><div class="closing">\(Page.paragraphs(9..<10))</div></div>
            """ + Page.footer)
        #expect(try read(html).paragraphs.map(\.text) == [Page.headline] + Page.story)
    }

    /// The text of this page survives a wrong narrowing (the box left out joins the region
    /// again as a sibling), so the container explain names is what shows the guard.
    @Test("a lead paragraph beside the box holding most of the body keeps the main box from being narrowed into that box")
    func leadOutsideTheLargestBox() throws {
        let lead = "Inspectors from the regional roads agency found cracks in three of the seven pillars of the harbour bridge "
            + "in Tessaly last week, and on Monday the town closed the bridge to lorries, cars, cyclists and walkers alike."
        let html = Page.page("""
            <div class="wrap"><div id="page-body"><div class="intro"><h1>\(Page.headline)</h1><p>\(lead)</p></div>
            <div class="detail">\(Page.paragraphs(0..<10))</div><div class="station"><h3>Did you like this report?</h3>
            <p>The Herald brings you <a href="/letter">the news of the coast every morning</a> at six.</p></div></div>
            <div class="side"><ul><li><a href="/a">Fishing fleet stays in port</a></li><li><a href="/b">Choir wins a prize</a></li>
            </ul></div></div>
            """)
        #expect(container(html) == "div#page-body")
        #expect(try read(html).paragraphs.map(\.text) == [Page.headline, lead] + Page.story)
    }

    /// A body cut into components, each part a box of one class in a wrapper of its own.
    static func components(_ parts: [Range<Int>], between: [String], after: String) -> String {
        var html = "<div class=\"page\"><div class=\"story\"><div class=\"component\"><h1>\(Page.headline)</h1></div>"
        for (index, part) in parts.enumerated() {
            html += "<div class=\"component\"><div class=\"rich-text\">\(Page.paragraphs(part))</div></div>"
            if index < between.count { html += "<div class=\"component\">\(between[index])</div>" }
        }
        return html + after + "</div></div>"
    }

    @Test("a body cut into boxes of one class, each in its own wrapper with a picture or an ad between them, is read whole")
    func bodyInComponents() throws {
        let picture = "<figure><img src=\"/bridge.jpg\"><figcaption>The closed bridge on Monday. Photo: Tessaly Herald</figcaption></figure>"
        let related = """
            <div class="component"><h2>Related</h2><div class="rich-text"><p>Fishing fleet stays in port as prices fall, \
            and trawler owners say they cannot afford to sail.</p></div></div>
            """
        let html = Page.page(Page.header + Self.components(
            [0..<6, 6..<7, 7..<10], between: [picture, "<div class=\"ad-slot\">Advertisement</div>"], after: related
        ) + Page.footer)
        #expect(try read(html).paragraphs.map(\.text) == [Page.headline] + Page.story)
    }

    @Test("a box of the body's class after a share bar that marks nothing, holding no sentence of prose, stays out")
    func kinWithoutProse() throws {
        let share = "<ul class=\"tools\"><li>Mail</li><li>Print</li><li>Share</li><li>Podcast</li></ul>"
        let teasers = """
            <div class="component"><div class="rich-text"><h6>More on this</h6><p><a href="/a">Ferries</a> New timetable \
            from March</p><p><a href="/b">Harbour</a> The fish market moves</p></div></div>
            """
        let html = Page.page(Page.header + Self.components([0..<10], between: [share], after: teasers) + Page.footer)
        let text = try read(html).paragraphs.map(\.text)
        #expect(text == [Page.headline] + Page.story)
    }

    @Test("a next story appended in boxes of the same classes, without <article>, does not join the first as its kin")
    func appendedStoryIsNotKin() throws {
        let german = Page.german.map { "<p>\($0)</p>" }.joined()
        let html = Page.page(Page.header + """
            <div class="feed"><div class="story"><h1>\(Page.headline)</h1><div class="byline">By Mara Lind</div>
            <div class="story-body">\(Page.paragraphs(0..<10))</div></div>
            <div class="story"><h1>\(Page.germanHeadline)</h1><div class="byline">Von Jon Keel</div>
            <div class="story-body">\(german)</div></div></div>
            """ + Page.footer)
        #expect(try read(html).paragraphs.map(\.text) == [Page.headline] + Page.story)
    }
}
