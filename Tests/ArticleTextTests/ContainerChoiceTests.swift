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

    static let formMessages = [
        "Please fill in every field marked with a star before you go on.",
        "This e-mail address does not look right: it needs an @ and an existing domain.",
        "There is no account for this e-mail address, or the password you gave is wrong.",
        "Your password must be at least eight characters long and hold a number.",
        "Your password must hold at least one capital letter and one small letter.",
        "Please agree to our terms of use before you create your account.",
        "Please accept our privacy policy so that we can store your settings.",
        "This e-mail address is already registered with us, so please log in instead.",
        "Sorry, the registration did not work this time. Please check what you entered.",
        "Please choose a name that other viewers will see beside your comments.",
    ]

    /// The description in full, or cut short with an ellipsis as sites cut it for search results.
    @Test("a video page keeps its text, a caption repeating the page's description, and drops a login dialog's form messages",
          arguments: [false, true])
    func videoPageBesideLoginDialog(cutShort: Bool) throws {
        let lead = "Inspectors found cracks in three of the seven pillars of the harbour bridge. The town closed it to all "
            + "traffic on Monday, and the detour for lorries is almost 14 kilometres long."
        let description = cutShort ? String(lead.prefix(118)) + " …" : lead
        let head = """
            <head><meta charset="utf-8"><title>\(Page.headline) | Tessaly Herald</title>
            <meta name="description" content="\(description)"><meta property="og:site_name" content="Tessaly Herald"></head>
            """
        let alerts = Self.formMessages.map { "<p class=\"field-error\" role=\"alert\"><span>\($0)</span></p>" }.joined()
        let html = Page.page("""
            <header><nav><ul><li><a href="/">Home</a></li><li><a href="/video">Video</a></li></ul></nav></header>
            <main><h1>\(Page.headline)</h1><figure class="player"><video src="/bridge.mp4"></video><figcaption>
            <span class="item-author">by Mara Lind</span><p class="item-description">\(lead)</p></figcaption></figure></main>
            <ul class="playlist"><li><a href="/v1">Fishing fleet stays in port</a></li><li><a href="/v2">School choir wins a \
            prize</a></li><li><a href="/v3">New ferry timetable from March</a></li></ul>
            <div id="login-dialog" class="dialog-login"><form action="#"><section class="login-area"><h2>Log in to the Herald</h2>
            <p>Sign in with your Herald account.</p>\(alerts)<input type="email" name="email"><button>Log in</button></section>
            </form></div><footer><p>© 2031 Tessaly Herald</p></footer>
            """, head: head)
        let text = try read(html).paragraphs.map(\.text)
        #expect(text.prefix(2) == [Page.headline, lead])
        #expect(!text.contains { Self.formMessages.contains($0) })
    }

    @Test("paragraphs after the container past a picture's caption are read, and the caption is not")
    func prosePastACaption() throws {
        let caption = "The closed bridge on Monday morning, seen from the ferry pier on the eastern bank."
        let html = Page.page(Page.header + """
            <div class="page"><div class="main"><h1>\(Page.headline)</h1><div class="article-body">\(Page.paragraphs(0..<8))</div>
            </div><figure class="wide"><img src="/bridge.jpg"><figcaption>\(caption)</figcaption></figure>
            \(Page.paragraphs(8..<10))</div>
            """ + Page.footer)
        #expect(try read(html).paragraphs.map(\.text) == [Page.headline] + Page.story)
    }

    /// A script's data as sites write it: JSON in an attribute, its quotes as references.
    static func scriptProps(_ members: [(String, String, Range<Int>)]) -> String {
        let json = "{\"locale\":\"en\",\"currentUser\":null," + members.map { key, title, part in
            let steps = Page.story[part].map { "{\"text\":\"<p>\($0)</p>\"}" }
            return "\"\(key)\":{\"title\":\"\(title)\",\"steps\":[\(steps.joined(separator: ","))]}"
        }.joined(separator: ",") + "}"
        return json.map { $0 == "&" ? "&amp;" : $0 == "\"" ? "&quot;" : String($0) }.joined()
    }

    @Test("a page whose article is only in a script's data attribute is read from there: the story the title names, not the next one")
    func bodyInScriptData() throws {
        let head = "<head><meta charset=\"utf-8\"><title>\(Page.headline)</title></head>"
        let props = Self.scriptProps([
            ("project", Page.headline, 0..<6), ("nextProject", "Fishing fleet stays in port as prices fall", 0..<10),
        ])
        let html = Page.page(Page.header + """
            <div data-react-class="ProjectPage" data-react-props="\(props)"><p>Loading the project …</p></div>
            """ + Page.footer, head: head)
        let article = try read(html)
        #expect(article.paragraphs.map(\.text) == [Page.headline] + Page.story[0..<6])
        let report = ArticleExtractor().explain(bytes: Array(html.utf8), fileName: "page.html")
        guard case .scriptData? = report.method else {
            Issue.record("read by \(String(describing: report.method))")
            return
        }
    }

    @Test("a script's data holding less text than the page shows is not read")
    func scriptDataShorterThanTheMarkup() throws {
        let props = Self.scriptProps([("teaser", Page.headline, 0..<2)])
        let html = Page.page(Page.header + """
            <article data-props="\(props)"><h1>\(Page.headline)</h1><div class="article-body">\(Page.paragraphs(0..<10))</div>
            </article>
            """ + Page.footer)
        #expect(try read(html).paragraphs.map(\.text) == [Page.headline] + Page.story)
    }
}
