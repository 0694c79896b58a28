import Testing
@testable import ArticleText

@Suite struct HTMLExtractionTests {
    let article: Article

    init() throws {
        article = try ArticleExtractor.extract(bytes: Array(ArticleFixtures.html.utf8), fileName: "fire.html")
    }

    @Test("the headline and every body paragraph are the main text")
    func mainText() {
        #expect(article.format == .html)
        #expect(article.paragraphs.map(\.text) == [ArticleFixtures.headline] + ArticleFixtures.body)
    }

    @Test("navigation, scripts, styles, ads, share bars, related lists, comments and footer are gone", arguments: [
        "Sport", "tracking", "display", "We use cookies", "Facebook", "garden furniture", "cycle lanes",
        "Most read", "well done", "All rights reserved", "By Tomas Reyl",
    ])
    func furnitureRemoved(fragment: String) {
        #expect(!article.text.contains(fragment))
    }

    @Test("metadata comes from the head")
    func metadata() {
        #expect(article.title == ArticleFixtures.headline)
        #expect(article.outlet == "Orlen Vale Gazette")
        #expect(article.url == "https://www.orlenvale.example/news/library-fire")
        #expect(article.published == "2032-06-12T09:15:00+02:00")
        #expect(article.byline == "Tomas Reyl")
    }

    @Test("without an h1 the document title heads the text, minus the site name")
    func titleFromHead() throws {
        let page = "<html><head><title>Ferry fares to rise in May | Orlen Vale Gazette</title></head><body>"
            + "<p>\(ArticleFixtures.body[0])</p><p>\(ArticleFixtures.body[1])</p></body></html>"
        let article = try ArticleExtractor.extract(bytes: Array(page.utf8), fileName: "p.htm")
        #expect(article.title == "Ferry fares to rise in May")
        #expect(article.paragraphs.first?.text == "Ferry fares to rise in May")
    }

    @Test("a nesting bomb is rejected with a reason, not a crash")
    func nestingBomb() {
        let page = String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000)
        #expect(throws: ArticleTextError.self) {
            try ArticleExtractor.extract(bytes: Array(page.utf8), fileName: "bomb.html")
        }
    }

    @Test("broken markup is recovered")
    func brokenMarkup() throws {
        let page = "<html><body><h1>\(ArticleFixtures.headline)<p>\(ArticleFixtures.body[0])<p>\(ArticleFixtures.body[1])"
        let article = try ArticleExtractor.extract(bytes: Array(page.utf8), fileName: "broken.html")
        #expect(article.paragraphs.count == 3)
    }
}
