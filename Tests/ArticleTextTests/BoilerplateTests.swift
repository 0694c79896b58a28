import Testing
@testable import ArticleText

@Suite struct BoilerplateTests {
    let article: Article

    init() throws {
        article = try ArticleExtractor.extract(bytes: Array(ArticleFixtures.plainWithFurniture.utf8), fileName: "fire.txt")
    }

    @Test("every body paragraph survives, in order, after the headline")
    func bodyKept() {
        #expect(article.paragraphs.map(\.text) == [ArticleFixtures.headline] + ArticleFixtures.body)
    }

    @Test("furniture is gone", arguments: [
        "Skip to main content", "Home | News", "By Tomas Reyl", "Listen to this article", "Advertisement",
        "Photo: Orlen Vale", "Read more", "cycle lanes", "is a reporter at", "All rights reserved",
        "Leave a Reply", "Great news", "Sign up",
    ])
    func furnitureRemoved(fragment: String) {
        #expect(!article.text.contains(fragment))
    }

    @Test("title, byline and a dated line become metadata")
    func metadata() {
        #expect(article.title == ArticleFixtures.headline)
        #expect(article.byline == "Tomas Reyl")
        #expect(article.published == "2032-06-12")
    }

    @Test("paragraphs are separated by one blank line with whitespace collapsed")
    func normalizedLayout() throws {
        let messy = "  Fire  closes\tthe library  \r\n\r\n\r\nA fire broke out early on Saturday in the reading room of the library, the council said.\r\n"
        let article = try ArticleExtractor.extract(bytes: Array(messy.utf8), fileName: "x.txt")
        #expect(article.text == "Fire closes the library\n\nA fire broke out early on Saturday in the reading room of the library, the council said.")
    }

    @Test("subheads between body paragraphs are kept, picture labels are not")
    func subheads() throws {
        let text = [
            ArticleFixtures.headline, ArticleFixtures.body[0], "What Happens Next", ArticleFixtures.body[1],
            "Firefighters at work", "Crews outside the library on Saturday. JONAS VEL/Orlen Vale Gazette", ArticleFixtures.body[2],
        ].joined(separator: "\n")
        let paragraphs = try ArticleExtractor.extract(bytes: Array(text.utf8), fileName: "x.txt").paragraphs.map(\.text)
        #expect(paragraphs.contains("What Happens Next"))
        #expect(!paragraphs.contains("Firefighters at work"))
        #expect(paragraphs.count == 5)
    }

    @Test("hard-wrapped paragraphs are joined")
    func hardWrapped() throws {
        let text = """
            Library fire

            A fire broke out in the reading room of the Orlen Vale public library
            early on Saturday, forcing the building to close for at least a month,
            the town council said on its website.

            Firefighters were called at about four in the morning and had the blaze
            under control within two hours, according to the regional fire service.
            """
        let article = try ArticleExtractor.extract(bytes: Array(text.utf8), fileName: "x.txt")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[1].text.hasSuffix("the town council said on its website."))
    }

    @Test("a file with no article text is reported")
    func noText() {
        #expect(throws: ArticleTextError.noText) {
            try ArticleExtractor.extract(bytes: Array("Advertisement\n\nShare\n".utf8), fileName: "x.txt")
        }
    }
}
