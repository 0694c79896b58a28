import Testing
@testable import ArticleText

/// Metadata from JSON-LD first, then Open Graph and article meta tags, then the markup.
@Suite struct PageMetadataTests {
    typealias Page = PageFixtures

    func read(head: String, body: String = "<article><h1>\(PageFixtures.headline)</h1>\(PageFixtures.paragraphs(0..<6))</article>",
              lang: String = "en") throws -> Article {
        let html = "<html lang=\"\(lang)\"><head>\(head)</head><body>\(body)</body></html>"
        return try ArticleExtractor.extract(bytes: Array(html.utf8), fileName: "page.html")
    }

    @Test("a NewsArticle in JSON-LD gives headline, dates, every author, the outlet, URL and language")
    func linkedData() throws {
        let article = try read(head: """
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Not the outlet", "url": "https://herald.example/"},
              {"@type": "NewsArticle", "headline": "Harbour bridge closed", "datePublished": "2031-03-03T07:30:00+01:00",
               "dateModified": "2031-03-04T10:00:00+01:00", "inLanguage": "en-GB",
               "author": [{"@type": "Person", "name": "Mara Lind"}, {"@type": "Person", "name": "Jon Keel"}],
               "publisher": {"@type": "NewsMediaOrganization", "name": "Tessaly Herald"},
               "mainEntityOfPage": {"@id": "https://herald.example/news/harbour-bridge"}}]}</script>
            <meta property="og:title" content="Another title">
            """, lang: "")
        #expect(article.title == "Harbour bridge closed")
        #expect(article.published == "2031-03-03T07:30:00+01:00")
        #expect(article.modified == "2031-03-04T10:00:00+01:00")
        #expect(article.authors == ["Mara Lind", "Jon Keel"])
        #expect(article.byline == "Mara Lind, Jon Keel")
        #expect(article.outlet == "Tessaly Herald")
        #expect(article.url == "https://herald.example/news/harbour-bridge")
        #expect(article.language == "en-GB")
    }

    @Test("without JSON-LD: Open Graph and article meta tags, the canonical link and <html lang>")
    func metaTags() throws {
        let article = try read(head: """
            <title>Harbour bridge closed - Tessaly Herald</title>
            <meta property="og:site_name" content="Tessaly Herald">
            <meta property="article:published_time" content="2031-03-03T07:30:00Z">
            <meta property="article:modified_time" content="2031-03-05T08:00:00Z">
            <meta name="author" content="Mara Lind">
            <link rel="canonical" href="https://herald.example/news/harbour-bridge">
            """, lang: "en_GB")
        #expect(article.title == "Harbour bridge closed")
        #expect(article.published == "2031-03-03T07:30:00Z")
        #expect(article.modified == "2031-03-05T08:00:00Z")
        #expect(article.authors == ["Mara Lind"])
        #expect(article.outlet == "Tessaly Herald")
        #expect(article.url == "https://herald.example/news/harbour-bridge")
        #expect(article.language == "en-GB")
    }

    @Test("a <time datetime> in the page dates it when the head does not; a bad language value is dropped")
    func fromMarkup() throws {
        let body = "<article><h1>\(Page.headline)</h1><time datetime=\"2031-03-03\">3 March</time>\(Page.paragraphs(0..<6))</article>"
        let article = try read(head: "<meta http-equiv=\"content-language\" content=\"this is not a tag\">", body: body, lang: "")
        #expect(article.published == "2031-03-03")
        #expect(article.language == nil)
        #expect(article.title == Page.headline)
    }

    @Test("an og:title that is the page's headline with the site's name added gives way to the headline; a different one stays")
    func titleWithoutSiteName() throws {
        for title in ["\(Page.headline) - The Tessaly Herald", "Tessaly Herald | \(Page.headline)", "\(Page.headline) – Herald"] {
            let article = try read(head: "<meta property=\"og:title\" content=\"\(title)\">")
            #expect(article.title == Page.headline)
        }
        let other = try read(head: "<meta property=\"og:title\" content=\"Bridge shut after cracks found\">")
        #expect(other.title == "Bridge shut after cracks found")
        let continued = try read(head: "<meta property=\"og:title\" content=\"\(Page.headline) in the night\">")
        #expect(continued.title == "\(Page.headline) in the night")
    }
}
