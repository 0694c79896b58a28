import Testing
@testable import ArticleText

/// Datelines without a year ("RIVERTON, March 4 —", "Tuesday, March 4") give a published
/// date only with a year from the article's metadata: its URL, or a modification or fetch
/// time it cannot be newer than. Without one, `published` stays absent rather than guessed.
@Suite struct YearlessDateTests {
    static func plain(dateLine: String?, opening: String) -> String {
        ([ArticleFixtures.headline] + (dateLine.map { [$0] } ?? []) + [opening + " " + ArticleFixtures.body[0]]
            + Array(ArticleFixtures.body[1...3])).joined(separator: "\n\n")
    }

    static func record(dateline: String, extra: String) -> String {
        """
        {"title": "\(ArticleFixtures.headline)", \(extra)
         "text": "\(dateline) \(ArticleFixtures.body[0])\\n\\n\(ArticleFixtures.body[1])\\n\\n\(ArticleFixtures.body[3])"}
        """
    }

    static func extract(_ text: String, _ name: String) throws -> Article {
        try ArticleExtractor.extract(bytes: Array(text.utf8), fileName: name)
    }

    @Test("a yearless dateline with no year in the metadata leaves published absent")
    func noYearAnywhere() throws {
        let article = try Self.extract(Self.plain(dateLine: nil, opening: "ORLEN VALE, March 4 (Vale Wire) —"), "a.txt")
        #expect(article.published == nil)
        let dated = try Self.extract(Self.plain(dateLine: "Tuesday, March 4", opening: "The council said on Sunday"), "b.txt")
        #expect(dated.published == nil)
    }

    @Test("years in the body are never taken for the dateline's")
    func bodyYearsIgnored() throws {
        let text = Self.plain(dateLine: nil, opening: "ORLEN VALE, March 4 — The library, built in 1931 and last renovated in 2019, burned.")
        #expect(try Self.extract(text, "a.txt").published == nil)
    }

    @Test("a year in the URL's path completes the dateline")
    func yearFromURL() throws {
        let text = Self.record(dateline: "ORLEN VALE, March 4 (Vale Wire) —",
                               extra: "\"url\": \"https://orlenvale.example/news/2031/03/04/library-fire\",")
        #expect(try Self.extract(text, "a.json").published == "2031-03-04")
    }

    @Test("a URL whose month disagrees with the dateline gives no year")
    func contradictoryURL() throws {
        let text = Self.record(dateline: "ORLEN VALE, March 4 —", extra: "\"url\": \"https://orlenvale.example/2031/07/fire\",")
        #expect(try Self.extract(text, "a.json").published == nil)
    }

    @Test("a fetch time gives its year, or the year before when the day falls after it", arguments: [
        ("2031-06-01T08:00:00Z", "2031-03-04"),
        ("2032-02-01T08:00:00Z", "2031-03-04"),
        ("2031-03-04T23:00:00Z", "2031-03-04"),
    ])
    func yearFromFetchTime(fetched: String, published: String) throws {
        let text = Self.record(dateline: "March 4 —", extra: "\"scraped_at\": \"\(fetched)\",")
        #expect(try Self.extract(text, "a.json").published == published)
    }

    @Test("a named weekday must agree with the completed date")
    func weekdayChecked() throws {
        // March 4, 2031 is a Tuesday; March 4, 2032 a Thursday.
        let agreeing = Self.record(dateline: "Tuesday, March 4 —", extra: "\"updated_at\": \"2031-05-01\",")
        #expect(try Self.extract(agreeing, "a.json").published == "2031-03-04")
        let disagreeing = Self.record(dateline: "Tuesday, March 4 —", extra: "\"updated_at\": \"2032-05-01\",")
        #expect(try Self.extract(disagreeing, "b.json").published == nil)
    }

    @Test("an HTML date line takes its year from the page's modification time")
    func htmlModifiedTime() throws {
        let page = """
            <html><head><title>\(ArticleFixtures.headline)</title>
            <meta property="article:modified_time" content="2031-03-05T10:00:00Z"></head>
            <body><article><h1>\(ArticleFixtures.headline)</h1><p class="date">Tuesday, March 4</p>
            \(ArticleFixtures.body.prefix(4).map { "<p>\($0)</p>" }.joined(separator: "\n"))
            </article></body></html>
            """
        #expect(try Self.extract(page, "a.html").published == "2031-03-04")
    }

    @Test("a yearless published field is completed from the record, or dropped")
    func yearlessField() throws {
        let completed = Self.record(dateline: "", extra: "\"published\": \"March 4\", \"fetched_at\": \"2031-04-02\",")
        #expect(try Self.extract(completed, "a.json").published == "2031-03-04")
        let dropped = Self.record(dateline: "", extra: "\"published\": \"March 4\",")
        #expect(try Self.extract(dropped, "b.json").published == nil)
    }

    @Test("what is not a dateline gives no date", arguments: [
        "Sign up for our March 15 webinar on library safety and more",
        "Officials may 4 times a year review the budget",
        "February 29",
    ])
    func notDates(line: String) {
        let found = YearlessDate.inDateLine(line)?.completed(url: nil, laterDate: "2031-06-01")
        #expect(found == nil)
    }

    @Test("a body that mentions a day later on has no dateline")
    func mentionIsNoDateline() {
        #expect(YearlessDate.inDateline("The council will meet on March 4 to decide") == nil)
        #expect(YearlessDate.inDateline("ORLEN VALE, March 4, the council said") == nil)
        #expect(YearlessDate.inDateline("ORLEN VALE, 4 March – The")?.month == 3)
        #expect(YearlessDate.inDateline("ORLEN VALE, March 4 (Vale Wire) - The")?.day == 4)
    }

    @Test("weekdays follow the Gregorian calendar")
    func weekdays() {
        #expect(YearlessDate.weekday(year: 2031, month: 3, day: 4) == 2)
        #expect(YearlessDate.weekday(year: 2032, month: 2, day: 29) == 7)
        #expect(YearlessDate.weekday(year: 2000, month: 1, day: 1) == 6)
    }
}
