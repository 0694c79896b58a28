import ArticleText
import Testing
@testable import Fingerprint

/// Verdicts as the index nominates and the exact comparison confirms them.
@Suite struct VerdictTests {
    let fingerprinter: Fingerprinter

    init() throws {
        fingerprinter = try Fingerprinter()
    }

    func article(_ text: String, name: String = "article.txt") throws -> Article {
        try ArticleExtractor.extract(bytes: Array(text.utf8), fileName: name)
    }

    func fingerprint(_ text: String, name: String = "article.txt") throws -> ArticleFingerprint {
        fingerprinter.fingerprint(try article(text, name: name))
    }

    /// The strongest confirmed relation of `copy` to `original`, nil when the index
    /// nominates nothing.
    func relation(of copy: String, after original: String) throws -> CopyRelation? {
        var index = try NearCopyIndex()
        let earlier = try article(original)
        try index.insert(fingerprinter.fingerprint(earlier))
        let new = try article(copy)
        let candidates = index.candidates(for: fingerprinter.fingerprint(new))
        return fingerprinter.confirm(new.text, candidates: candidates) { _ in earlier.text }.relations.first
    }

    static func article(headline: String = StoryFixtures.headline, body: [String], separator: String = "\n\n") -> String {
        ([headline] + body).joined(separator: separator)
    }

    @Test("the same story saved twice is an exact copy")
    func exact() throws {
        let result = try relation(of: StoryFixtures.plainText, after: StoryFixtures.plainText)
        #expect(result?.kind == .exact)
        #expect(result?.ordinal == 0)
    }

    @Test("the HTML page and the plain-text article have the same content id")
    func htmlAndTextAgree() throws {
        let page = try fingerprint(StoryFixtures.html, name: "story.html")
        let text = try fingerprint(StoryFixtures.plainText, name: "story.txt")
        #expect(page.contentID == text.contentID)
        #expect(page.contentID.count == 64)
    }

    @Test("a re-headlined copy with straight quotes is near, on the exact sets")
    func reHeadlined() throws {
        let copy = Self.article(headline: "BREAKING: Port shut as crane row escalates", body: StoryFixtures.body, separator: "\n")
            .replacingQuotes()
        let result = try #require(try relation(of: copy, after: StoryFixtures.plainText))
        #expect(result.kind == .near)
        #expect(result.overlap.jaccard >= 0.8)
        #expect(result.overlap.shared <= result.overlap.newCount && result.overlap.shared <= result.overlap.oldCount)
    }

    @Test("a copy with site furniture added is a near or exact copy")
    func boilerplateAdded() throws {
        let copy = "Skip to main content\nAdvertisement\nBy Wire Staff\n" + StoryFixtures.plainText
            + "\nRelated articles\nSign up for our daily briefing newsletter.\n© 2031 Example Wire. All rights reserved.\n"
        let result = try #require(try relation(of: copy, after: StoryFixtures.plainText))
        #expect(result.kind == .exact || result.kind == .near)
    }

    @Test("a copy trimmed to half the body lies inside the original, in order")
    func trimmedToHalf() throws {
        let copy = Self.article(body: Array(StoryFixtures.body.prefix(6)))
        let result = try #require(try relation(of: copy, after: StoryFixtures.plainText))
        #expect(result.kind == .trimmed)
        #expect(result.overlap.newInOld == 1)
        #expect(result.overlap.oldInNew < 0.6)
    }

    @Test("a syndicated copy with a dateline, new headline and trimmed body is trimmed")
    func syndicatedTrimmed() throws {
        var body = Array(StoryFixtures.body.prefix(7))
        body.remove(at: 3)
        body[0] = "KESTREL BAY, March 4 (Example Wire) — " + body[0]
        let copy = "Listen to this article · 3 min\n" + Self.article(headline: "Report: dock strike halts Kestrel Bay", body: body)
            + "\nThis article was originally published by a partner site.\nComments are closed.\n"
        let result = try #require(try relation(of: copy, after: StoryFixtures.plainText))
        #expect(result.kind == .trimmed)
    }

    @Test("the full version arriving after a trimmed copy is the fuller version of it")
    func fullAfterTrimmed() throws {
        let trimmed = Self.article(body: Array(StoryFixtures.body.prefix(6)))
        let result = try #require(try relation(of: StoryFixtures.plainText, after: trimmed))
        #expect(result.kind == .fuller)
        #expect(result.overlap.oldInNew == 1)
        #expect(!result.isVersion)
    }

    @Test("two different articles on the same story are not versions of each other")
    func sameStoryDifferentArticles() throws {
        for (new, old) in [(StoryFixtures.otherArticle, StoryFixtures.plainText), (StoryFixtures.plainText, StoryFixtures.otherArticle)] {
            let result = try relation(of: new, after: old)
            #expect(result == nil || result?.kind == .partial)
        }
    }

    @Test("the same paragraphs in another order share everything but are not a version: a copy keeps its order")
    func reordered() throws {
        let body = StoryFixtures.body
        let swapped = Array(body[6...]) + Array(body[..<6])
        let result = try #require(try relation(of: Self.article(body: swapped), after: StoryFixtures.plainText))
        #expect(result.overlap.shared >= result.overlap.newCount * 9 / 10)
        #expect(result.overlap.newInOld < 0.6)
        #expect(result.kind == .partial)
    }

    @Test("an article that holds half of another and half of its own is partial, not trimmed")
    func halfShared() throws {
        let mixed = Self.article(body: Array(StoryFixtures.body.prefix(6)) + StoryFixtures.otherArticle.split(separator: "\n\n").dropFirst(2).map(String.init))
        let overlap = fingerprinter.overlap(of: try article(mixed).text, with: try article(StoryFixtures.plainText).text)
        #expect(overlap.newInOld > 0.4 && overlap.newInOld < 0.7)
        #expect(CopyRelation.judge(overlap, ordinal: 0, parameters: fingerprinter.parameters).kind == .partial)
    }

    @Test("a candidate whose text cannot be read is left unconfirmed, never judged")
    func missingText() throws {
        var index = try NearCopyIndex()
        try index.insert(try fingerprint(StoryFixtures.plainText))
        let copy = try article(StoryFixtures.plainText.replacingQuotes())
        let found = fingerprinter.confirm(copy.text, candidates: index.candidates(for: fingerprinter.fingerprint(copy))) { _ in nil }
        #expect(found.relations.isEmpty)
        #expect(found.unconfirmed.count == 1)
    }

    @Test("the strongest relation comes first when several articles match")
    func bestRelation() throws {
        var index = try NearCopyIndex()
        let texts = [StoryFixtures.otherArticle, Self.article(body: Array(StoryFixtures.body.prefix(6))), StoryFixtures.plainText]
        let stored = try texts.map { try article($0).text }
        for text in stored { try index.insert(fingerprinter.fingerprint(text: text)) }
        let new = try article(StoryFixtures.plainText)
        let relations = fingerprinter.confirm(new.text, candidates: index.candidates(for: fingerprinter.fingerprint(new))) {
            stored[Int($0)]
        }.relations
        #expect(relations.first?.kind == .exact)
        #expect(relations.first?.ordinal == 2)
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
