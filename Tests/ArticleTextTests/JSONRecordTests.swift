import Testing
@testable import ArticleText

@Suite struct JSONRecordTests {
    static let record = """
        {"title": "Fire closes Orlen Vale library", "url": "https://orlenvale.example/fire",
         "published": "2032-06-12T08:00:00Z", "author": {"name": "Tomas Reyl"},
         "text": "\(ArticleFixtures.body[0])\\n\\n\(ArticleFixtures.body[1].replacingOccurrences("\"", "\\\""))"}
        """

    @Test("a scraper record gives text and metadata")
    func record() throws {
        let article = try ArticleExtractor.extract(bytes: Array(Self.record.utf8), fileName: "fire.json")
        #expect(article.title == "Fire closes Orlen Vale library")
        #expect(article.paragraphs.map(\.text) == ["Fire closes Orlen Vale library", ArticleFixtures.body[0], ArticleFixtures.body[1]])
        #expect(article.url == "https://orlenvale.example/fire")
        #expect(article.outlet == "orlenvale.example")
        #expect(article.published == "2032-06-12T08:00:00Z")
        #expect(article.byline == "Tomas Reyl")
    }

    @Test("JSON Lines files yield one article per record")
    func jsonLines() throws {
        let lines = [
            "{\"headline\": \"First story about the fire\", \"content\": \"\(ArticleFixtures.body[2].replacingOccurrences("\"", "\\\""))\"}",
            "{\"headline\": \"Second story about the maps\", \"body\": \"\(ArticleFixtures.body[3])\"}",
        ].joined(separator: "\n")
        let articles = try ArticleExtractor().extractAll(bytes: Array(lines.utf8), fileName: "feed.jsonl")
        #expect(articles.map(\.title) == ["First story about the fire", "Second story about the maps"])
    }

    @Test("HTML inside a record's body is read as HTML")
    func htmlBody() throws {
        let json = "{\"title\": \"Library fire\", \"content\": \"<p>\(ArticleFixtures.body[0])</p><script>x()</script>\"}"
        let article = try ArticleExtractor.extract(bytes: Array(json.utf8), fileName: "r.json")
        #expect(article.paragraphs.map(\.text) == ["Library fire", ArticleFixtures.body[0]])
    }

    @Test("malformed records, records without text and nesting bombs are rejected", arguments: [
        "{\"text\": \"unterminated",
        "{\"title\": \"no body here\"}",
        String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000),
    ])
    func rejected(json: String) {
        #expect(throws: ArticleTextError.self) {
            try ArticleExtractor.extract(bytes: Array(json.utf8), fileName: "bad.json")
        }
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
