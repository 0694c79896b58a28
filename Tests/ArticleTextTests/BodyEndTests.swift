import Testing
@testable import ArticleText

/// What sits at the end of an article's body without being the article: the outlet's list of
/// channels, and a blog's line of post data (categories, tags, the posting time).
@Suite struct BodyEndTests {
    typealias Page = PageFixtures

    func read(_ html: String) throws -> [String] {
        try ArticleExtractor.extract(bytes: Array(html.utf8), fileName: "page.html").paragraphs.map(\.text)
    }

    func article(ending last: String, lang: String = "en", story: [String] = Page.story, headline: String = Page.headline) -> String {
        let body = story.map { "<p>\($0)</p>" }.joined()
        return "<!DOCTYPE html><html lang=\"\(lang)\">\(Page.head)<body>" + Page.header + """
            <article><h1>\(headline)</h1><div class="article-body">\(body)\(last)</div></article>
            """ + Page.footer + "</body></html>"
    }

    @Test("a last line listing the outlet's channels goes, in any language")
    func channelListAtTheEnd() throws {
        let english = "<p>Follow the Tessaly Herald on <a href=\"/fb\">Facebook</a>, <a href=\"/tw\">Twitter</a> and "
            + "<a href=\"/ig\">Instagram</a> for the latest news from the coast.</p>"
        #expect(try read(article(ending: english)) == [Page.headline] + Page.story)
        let spanish = "<p><strong>Síguenos en Telegram, Instagram, Facebook y TikTok para recibir todas nuestras noticias.</strong></p>"
        #expect(try read(article(ending: spanish)) == [Page.headline] + Page.story)
        let polish = "<p>Dołącz do nas na Facebooku, YouTube i TikToku – codziennie nowe relacje z wybrzeża!</p>"
        #expect(try read(article(ending: polish, lang: "de", story: Page.german, headline: Page.germanHeadline))
            == [Page.germanHeadline] + Page.german)
    }

    @Test("a sentence naming networks stays when prose follows it, and an author's aside naming one or two stays at the end")
    func networksInTheArticle() throws {
        let named = "Facebook, Instagram and WhatsApp were used to spread photographs of the cracked pillars, the council said."
        var story = Page.story
        story.insert(named, at: 5)
        #expect(try read(article(ending: "", story: story)) == [Page.headline] + story)
        let aside = "Have you crossed the bridge lately? Tell us what you saw on Twitter or Facebook."
        #expect(try read(article(ending: "<p>\(aside)</p>")) == [Page.headline] + Page.story + [aside])
    }

    @Test("a numbered point of an article about networks is not a call to follow the outlet")
    func numberedPointStays() throws {
        let point = "Ask why the council is on Facebook, Instagram and YouTube at all before posting anything."
        let html = article(ending: "<ol><li>\(point)</li></ol>")
        #expect(try read(html) == [Page.headline] + Page.story + [point])
    }

    @Test("a blog's post data box after the entry (categories, tags, the posting time) goes, whatever its language")
    func postDataBoxes() throws {
        for box in ["<div class=\"entry-utility\">", "<footer class=\"entry-meta\">", "<p class=\"postmetadata alt\">",
                    "<div class=\"post-meta\">"] {
            let tag = String(box.dropFirst().prefix { $0 != " " })
            let html = Page.page(Page.header + """
                <div id="content"><div class="post"><h1>\(Page.headline)</h1><div class="entry-content">\
                \(Page.paragraphs(0..<10))</div>\(box)Dieser Eintrag wurde am Mittwoch, 27. November 2030 um 15:21 Uhr \
                veröffentlicht und unter <a href="/c/hafen">Hafen</a> abgelegt. Verschlagwortet mit \
                <a href="/t/bruecke">Brücke</a>, <a href="/t/tessaly">Tessaly</a>.</\(tag)></div></div>
                """ + Page.footer)
            #expect(try read(html) == [Page.headline] + Page.story, "\(box)")
        }
    }
}
