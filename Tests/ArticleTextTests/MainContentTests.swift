import Foundation
import Testing
@testable import ArticleText

/// One page for each shape that used to lose the article or keep the wrong text: the body
/// must come out whole, in order, and the page's furniture must stay out.
@Suite struct MainContentTests {
    typealias Page = PageFixtures

    func read(_ html: String) throws -> Article {
        try ArticleExtractor.extract(bytes: Array(html.utf8), fileName: "page.html")
    }

    /// Every paragraph in `expected` is in the text, in order, each once.
    func expectWhole(_ article: Article, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let paragraphs = article.paragraphs.map(\.text)
        let positions = expected.map { paragraphs.firstIndex(of: $0) }
        #expect(positions.allSatisfy { $0 != nil }, "missing: \(zip(expected, positions).filter { $1 == nil }.map(\.0))",
                sourceLocation: sourceLocation)
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted(), "out of order", sourceLocation: sourceLocation)
        for paragraph in expected {
            #expect(paragraphs.filter { $0 == paragraph }.count <= 1, "repeated: \(paragraph)", sourceLocation: sourceLocation)
        }
    }

    func expectAbsent(_ article: Article, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for fragment in fragments {
            #expect(!article.text.contains(fragment), "kept: \(fragment)", sourceLocation: sourceLocation)
        }
    }

    @Test("the body in an <article> after a long header of teasers whose summaries are sentences")
    func articleAfterLongHeader() throws {
        let html = Page.page(Page.header + """
            <main><article><h1>\(Page.headline)</h1><p class="byline">By Mara Lind</p>
            <div class="article-body">\(Page.paragraphs(0..<10))</div></article></main>
            """ + Page.footer)
        let article = try read(html)
        #expect(article.paragraphs.first?.text == Page.headline)
        expectWhole(article, Page.story)
        expectAbsent(article, ["Trawler owners", "choir", "night service", "storm warning", "All rights reserved", "Sport"])
    }

    @Test("the headline repeated in a most-read rail after the article stays once, as the headline")
    func headlineInRail() throws {
        let html = Page.page(Page.header + """
            <div class="layout"><div class="story"><h1>\(Page.headline)</h1>\(Page.paragraphs(0..<10))</div>
            <aside class="rail"><h2>Most read</h2><ol>
            <li><a href="/news/harbour-bridge">\(Page.headline)</a></li>
            <li><a href="/x">Fishing fleet stays in port as prices fall</a></li>
            <li><a href="/y">School choir wins national prize</a></li></ol></aside></div>
            """ + Page.footer)
        let article = try read(html)
        #expect(article.title == Page.headline)
        #expect(article.paragraphs.filter { $0.text == Page.headline }.count == 1)
        expectWhole(article, Page.story)
        expectAbsent(article, ["Most read", "Fishing fleet"])
    }

    @Test("a body split over sibling boxes, with an ad, a newsletter prompt and related links between them")
    func splitBody() throws {
        let html = Page.page(Page.header + """
            <article><h1>\(Page.headline)</h1>
            <div class="body-part">\(Page.paragraphs(0..<3))</div>
            <div class="ad-slot"><p>Advertisement</p><p>Holiday cottages on the coast from 49 crowns a night, book now.</p></div>
            <div class="body-part">\(Page.paragraphs(3..<6))</div>
            <div class="newsletter-signup"><p>Get the morning briefing in your inbox every day before seven.</p>
            <form><input type="email"><button>Sign up</button></form></div>
            <div class="related-links"><h3>Related</h3><ul><li><a href="/r1">Ferry line cuts its winter service</a></li>
            <li><a href="/r2">Council debates harbour budget</a></li></ul></div>
            <div class="body-part">\(Page.paragraphs(6..<10))</div></article>
            """ + Page.footer)
        let article = try read(html)
        expectWhole(article, Page.story)
        expectAbsent(article, ["Holiday cottages", "morning briefing", "Ferry line cuts", "Advertisement"])
    }

    @Test("text in <div>s and line breaks with no <p>")
    func divsWithoutParagraphs() throws {
        let lines = Page.story.map { "<div>\($0)</div>" }.joined()
        let html = Page.page(Page.header + """
            <div id="content"><h1>\(Page.headline)</h1><div class="text">\(lines)</div></div>
            <div class="sidebar"><div><a href="/1">Weather</a></div><div><a href="/2">Tides</a></div></div>
            """ + Page.footer)
        let article = try read(html)
        expectWhole(article, Page.story)
        expectAbsent(article, ["Tides", "choir"])

        let broken = Page.page("<h1>\(Page.headline)</h1><div class=\"entry\">" + Page.story.joined(separator: "<br><br>")
            + "</div>" + Page.footer)
        expectWhole(try read(broken), Page.story)
    }

    @Test("a body only in JSON-LD (a paywalled page shows a teaser) is read from there")
    func declaredBodyBehindPaywall() throws {
        let body = Page.story.joined(separator: "\\n\\n").replacingOccurrences(of: "“", with: "\\u201c")
        let head = Page.head.replacingOccurrences(of: "</head>", with: """
            <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "\(Page.headline)", "articleBody": "\(body)"}</script></head>
            """)
        let html = Page.page(Page.header + """
            <article><h1>\(Page.headline)</h1><div class="article-body">\(Page.paragraphs(0..<1))</div>
            <div class="paywall"><p>Subscribe to read the rest of this story and every story on our site.</p></div></article>
            """ + Page.footer, head: head)
        let article = try read(html)
        expectWhole(article, Page.story)
        expectAbsent(article, ["Subscribe to read"])
    }

    @Test("a JSON-LD body that is only a teaser does not replace the longer body on the page")
    func teaserDeclaredBody() throws {
        let head = Page.head.replacingOccurrences(of: "</head>", with: """
            <script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "Tessaly has closed its bridge. Read on."}</script></head>
            """)
        let article = try read(Page.page("<article><h1>\(Page.headline)</h1>\(Page.paragraphs(0..<10))</article>", head: head))
        expectWhole(article, Page.story)
        expectAbsent(article, ["Read on."])
    }

    @Test("a live blog keeps every update, with its time and heading")
    func liveBlog() throws {
        let updates = (0..<5).map { index in
            """
            <div class="live-post"><time datetime="2031-03-0\(index + 1)T09:00:00Z">09:\(10 + index)</time>
            <h2>Update \(index + 1): the bridge</h2><p>\(Page.story[index * 2])</p><p>\(Page.story[index * 2 + 1])</p>
            <div class="share-tools"><a href="#">Share</a><a href="#">Copy link</a></div></div>
            """
        }.joined()
        let html = Page.page(Page.header + "<main><h1>Live: \(Page.headline)</h1><div class=\"live-feed\">\(updates)</div></main>"
            + Page.footer)
        let article = try read(html)
        expectWhole(article, Page.story)
        expectWhole(article, (1...5).map { "Update \($0): the bridge" })
        expectAbsent(article, ["Copy link", "choir"])
    }

    @Test("a second story appended below the first (infinite scroll) is left out")
    func nextStoryAppended() throws {
        let next = Page.german.map { "<p>\($0)</p>" }.joined() + Page.german.map { "<p>\($0)</p>" }.joined()
        let html = Page.page(Page.header + """
            <div class="stream"><article><h1>\(Page.headline)</h1>\(Page.paragraphs(0..<8))</article>
            <div class="next-up"><span>Next story</span></div>
            <article><h1>\(Page.germanHeadline)</h1>\(next)</article></div>
            """ + Page.footer)
        let article = try read(html)
        #expect(article.title == Page.headline)
        expectWhole(article, Array(Page.story[0..<8]))
        expectAbsent(article, ["Marrowtal", "Hafenbrücke"])
    }

    @Test("subheadings, lists, quotes and tables of the article stay; captions, credits and share bars go")
    func structureInsideBody() throws {
        let html = Page.page(Page.header + """
            <article><h1>\(Page.headline)</h1><div class="entry-content">\(Page.paragraphs(0..<3))
            <h2>What the inspectors found</h2><ul><li>Cracks in pillars two, four and five</li><li>Loose stones</li></ul>
            <figure><img src="a.jpg"><figcaption>The bridge on Monday. Photo: Tessaly Herald</figcaption></figure>
            <blockquote><p>We will not reopen it until every pillar is safe.</p></blockquote>
            \(Page.paragraphs(3..<7))
            <table><tr><th>Pillar</th><th>Crack length</th></tr><tr><td>Two</td><td>40 cm</td></tr></table>
            \(Page.paragraphs(7..<10))
            <div class="social-share"><a href="#">Facebook</a><a href="#">Email</a></div></div></article>
            """ + Page.footer)
        let article = try read(html)
        expectWhole(article, Page.story)
        expectWhole(article, ["What the inspectors found", "Cracks in pillars two, four and five", "Loose stones",
                              "We will not reopen it until every pillar is safe."])
        #expect(article.text.contains("Crack length"))
        expectAbsent(article, ["The bridge on Monday", "Facebook"])
    }

    @Test("a page in another language reads the same way: no English word decides")
    func otherLanguage() throws {
        let paragraphs = Page.german.map { "<p>\($0)</p>" }.joined()
        let html = "<!DOCTYPE html><html lang=\"de\"><head><title>\(Page.germanHeadline)</title></head><body>"
            + "<nav><a href=\"/\">Startseite</a> <a href=\"/politik\">Politik</a></nav>"
            + "<div class=\"teaser-leiste\"><p><a href=\"/x\">Wetter: Sturm an der Küste erwartet</a></p></div>"
            + "<article><h1>\(Page.germanHeadline)</h1><div class=\"artikel-text\">\(paragraphs)</div></article>"
            + "<footer><p>Impressum · Datenschutz</p></footer></body></html>"
        let article = try read(html)
        #expect(article.language == "de")
        expectWhole(article, Page.german)
        expectAbsent(article, ["Startseite", "Sturm an der Küste", "Impressum"])
    }

    @Test("a page wrapped whole in a <form>, or left inside an unclosed <noscript>, still gives its article")
    func wrappedPages() throws {
        let form = Page.page("<form id=\"aspnetForm\">" + Page.header + "<div class=\"story\"><h1>\(Page.headline)</h1>"
            + Page.paragraphs(0..<10) + "</div>" + Page.footer + "</form>")
        expectWhole(try read(form), Page.story)
        let noscript = Page.page("<noscript><div class=\"no-js\"></noscript><h1>\(Page.headline)</h1><div>"
            + Page.paragraphs(0..<10) + "</div>")
        expectWhole(try read(noscript), Page.story)
    }

    /// A Polish story (invented): its lead has none of the function words the lists know.
    static let polish = [
        "Władze miasta Tessaly zamknęły poniedziałkowym rankiem stary most portowy dla całego ruchu, ponieważ inspektorzy znaleźli pęknięcia trzech spośród siedmiu filarów konstrukcji, poinformowała regionalna agencja drogowa.",
        "Inżynierowie byli na moście i to już w zeszłym tygodniu, a kapitan promu mówił o kamieniach, które spadały do wody i na brzeg.",
        "To most, na który co dzień wjeżdżało do miasta i z miasta dwanaście tysięcy aut, a teraz to jest tylko objazd o długości czternastu kilometrów.",
        "Rada mówi o kładce dla pieszych i rowerów, a to może być gotowe za sześć tygodni, jeśli region da na to pieniądze.",
    ]

    @Test("a long first paragraph in a language whose function words the lists do not know stays, beside English furniture")
    func leadWithoutKnownFunctionWords() throws {
        let notice = """
            <div class="notice"><p>We use cookies on this site to give you the best experience and to show you the ads that \
            are most relevant to you. If you go on using the site without changing your settings, we will assume that you \
            are happy with this, and you can change your mind at any time of the day or night.</p></div>
            """
        let html = "<!DOCTYPE html><html lang=\"pl\"><head><title>Tessaly zamyka stary most portowy</title></head><body>"
            + "<nav><a href=\"/\">Start</a> <a href=\"/kraj\">Kraj</a></nav>"
            + "<div class=\"tresc\"><h1>Tessaly zamyka stary most portowy</h1>"
            + Self.polish.map { "<p>\($0)</p>" }.joined() + "</div>" + notice + "</body></html>"
        expectWhole(try read(html), Self.polish)
    }

    @Test("a slideshow whose text is the pictures' captions keeps the captions; an article's lone caption still goes")
    func gallery() throws {
        let slides = (0..<6).map { index in
            "<div class=\"slide\"><h2>Part \(index + 1)</h2><figure><img src=\"/s\(index).jpg\">"
                + "<figcaption>\(Page.story[index])</figcaption></figure></div>"
        }.joined()
        let html = Page.page(Page.header + "<section class=\"gallery\"><h1>\(Page.headline)</h1>\(slides)</section>" + Page.footer)
        expectWhole(try read(html), Array(Page.story[0..<6]))
        let article = Page.page(Page.header + """
            <article><h1>\(Page.headline)</h1>\(Page.paragraphs(0..<5))<figure><img src="/b.jpg">
            <figcaption>The bridge on Monday, seen from the eastern bank of the harbour.</figcaption></figure>
            \(Page.paragraphs(5..<10))</article>
            """ + Page.footer)
        let text = try read(article)
        expectWhole(text, Page.story)
        expectAbsent(text, ["seen from the eastern bank"])
    }
}
