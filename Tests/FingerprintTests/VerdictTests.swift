import ArticleText
import Testing
@testable import Fingerprint

@Suite struct VerdictTests {
    let fingerprinter: Fingerprinter

    init() throws {
        fingerprinter = try Fingerprinter()
    }

    func fingerprint(_ text: String, name: String = "article.txt") throws -> ArticleFingerprint {
        fingerprinter.fingerprint(try ArticleExtractor.extract(bytes: Array(text.utf8), fileName: name))
    }

    func verdict(of copy: String, after original: String) throws -> CopyVerdict? {
        var index = try NearCopyIndex()
        try index.insert(try fingerprint(original))
        return index.query(try fingerprint(copy))
    }

    static func article(headline: String = StoryFixtures.headline, body: [String], separator: String = "\n\n") -> String {
        ([headline] + body).joined(separator: separator)
    }

    @Test("the same story saved twice is an exact copy")
    func exact() throws {
        let result = try verdict(of: StoryFixtures.plainText, after: StoryFixtures.plainText)
        #expect(result?.kind == .exact)
        #expect(result?.original == 0)
    }

    @Test("the HTML page and the plain-text article have the same content id")
    func htmlAndTextAgree() throws {
        let page = try fingerprint(StoryFixtures.html, name: "story.html")
        let text = try fingerprint(StoryFixtures.plainText, name: "story.txt")
        #expect(page.contentID == text.contentID)
        #expect(page.contentID.count == 64)
    }

    @Test("a re-headlined copy with straight quotes is a near copy")
    func reHeadlined() throws {
        let copy = Self.article(headline: "BREAKING: Port shut as crane row escalates", body: StoryFixtures.body, separator: "\n")
            .replacingQuotes()
        let result = try #require(try verdict(of: copy, after: StoryFixtures.plainText))
        #expect(result.kind == .near)
        #expect(result.similarity >= 0.8)
    }

    @Test("a copy with site furniture added is a near or exact copy")
    func boilerplateAdded() throws {
        let copy = "Skip to main content\nAdvertisement\nBy Wire Staff\n" + StoryFixtures.plainText
            + "\nRelated articles\nSign up for our daily briefing newsletter.\n© 2031 Example Wire. All rights reserved.\n"
        let result = try #require(try verdict(of: copy, after: StoryFixtures.plainText))
        #expect(result.kind == .exact || result.kind == .near)
    }

    @Test("a copy trimmed to half the body is contained in the original")
    func trimmedToHalf() throws {
        let copy = Self.article(body: Array(StoryFixtures.body.prefix(6)))
        let result = try #require(try verdict(of: copy, after: StoryFixtures.plainText))
        #expect(result.kind == .contained)
        #expect(result.direction == .newInEarlier)
        #expect(result.containment >= 0.7)
    }

    @Test("a syndicated copy with a dateline, new headline and trimmed body is contained")
    func syndicatedTrimmed() throws {
        var body = Array(StoryFixtures.body.prefix(7))
        body.remove(at: 3)
        body[0] = "KESTREL BAY, March 4 (Example Wire) — " + body[0]
        let copy = "Listen to this article · 3 min\n" + Self.article(headline: "Report: dock strike halts Kestrel Bay", body: body)
            + "\nThis article was originally published by a partner site.\nComments are closed.\n"
        let result = try #require(try verdict(of: copy, after: StoryFixtures.plainText))
        #expect(result.kind == .contained)
    }

    @Test("the full version arriving after a trimmed copy is reported as containing it")
    func fullAfterTrimmed() throws {
        let trimmed = Self.article(body: Array(StoryFixtures.body.prefix(6)))
        let result = try #require(try verdict(of: StoryFixtures.plainText, after: trimmed))
        #expect(result.kind == .contained)
        #expect(result.direction == .earlierInNew)
    }

    @Test("two different articles on the same story are not copies")
    func sameStoryDifferentArticles() throws {
        #expect(try verdict(of: StoryFixtures.otherArticle, after: StoryFixtures.plainText) == nil)
        #expect(try verdict(of: StoryFixtures.plainText, after: StoryFixtures.otherArticle) == nil)
    }

    @Test("the best verdict wins when several articles match")
    func bestVerdict() throws {
        var index = try NearCopyIndex()
        try index.insert(try fingerprint(StoryFixtures.otherArticle))
        try index.insert(try fingerprint(Self.article(body: Array(StoryFixtures.body.prefix(6)))))
        try index.insert(try fingerprint(StoryFixtures.plainText))
        let result = try #require(index.query(try fingerprint(StoryFixtures.plainText)))
        #expect(result.kind == .exact)
        #expect(result.original == 2)
    }
}

extension String {
    func replacingQuotes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "\u{201C}", "\u{201D}": "\""
            case "\u{2018}", "\u{2019}": "'"
            default: scalar
            }
        }))
    }
}
