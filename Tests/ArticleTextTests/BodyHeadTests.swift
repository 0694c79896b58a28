import Testing
@testable import ArticleText

/// What sits between a page's headline and its article's first paragraph without being the
/// article: lines that give when it was written, in any language.
@Suite struct BodyHeadTests {
    typealias Page = PageFixtures

    func page(dateLine: String, lang: String = "en", story: [String] = Page.story, headline: String = Page.headline) -> String {
        let body = story.map { "<p>\($0)</p>" }.joined()
        return "<!DOCTYPE html><html lang=\"\(lang)\"><head><title>\(headline)</title></head><body>" + Page.header + """
            <article><h1>\(headline)</h1><div class="article-body"><p>\(dateLine)</p>\(body)</div></article>
            """ + Page.footer + "</body></html>"
    }

    @Test("a date or time line above the body goes, in any language, and still gives the published date when it has one",
          arguments: [
            ("Aktualisiert: 11.04.2031, 10:27", "de", nil),
            ("martes, 3 de junio de 2031 · 23:57", "es", nil),
            ("June 3, 2031", "en", "2031-06-03"),
          ] as [(String, String, String?)])
    func dateLineGoes(line: String, lang: String, published: String?) throws {
        let german = lang == "de"
        let html = page(dateLine: line, lang: lang, story: german ? Page.german : Page.story,
                        headline: german ? Page.germanHeadline : Page.headline)
        let article = try ArticleExtractor.extract(bytes: Array(html.utf8), fileName: "page.html")
        #expect(article.paragraphs.map(\.text) == [german ? Page.germanHeadline : Page.headline] + (german ? Page.german : Page.story))
        if let published { #expect(article.published == published) }
    }

    @Test("a short line with a year that is mostly words (a subheading, a kicker) stays")
    func yearInWordsStays() throws {
        let kicker = "The storm winter of 1931 and its bridges"
        let html = page(dateLine: kicker)
        let text = try ArticleExtractor.extract(bytes: Array(html.utf8), fileName: "page.html").paragraphs.map(\.text)
        #expect(text == [Page.headline, kicker] + Page.story)
    }
}
