import ArticleText
import Claims
import Testing

/// Claimant names, kinds, pronouns and quotations that run on, over short invented articles.
@Suite struct ClaimantTests {
    let extractor = ClaimExtractor()

    @Test("titles and roles are stripped and a later surname maps to the full name")
    func canonical() {
        let claims = extractor.extract(text: """
            Interior Minister Ilse Varga said the levee would hold.

            Later, Varga said repairs would start in May.
            """)
        #expect(claims.map { $0.claimant?.canonical } == ["Ilse Varga", "Ilse Varga"])
        #expect(claims.map { $0.claimant?.name } == ["Interior Minister Ilse Varga", "Varga"])
    }

    @Test("claimant kinds", arguments: [
        ("Mayor Lena Ortiz said the bridge was safe.", Claimant.Kind.person),
        ("Two city officials said the bridge was safe.", .anonymous),
        ("A spokesperson said the bridge was safe.", .anonymous),
        ("The Valley Courier reported that the bridge was safe.", .media),
        ("The Interior Ministry said the bridge was safe.", .government),
        ("Kyiv said the bridge was safe.", .government),
        ("The Institute for Flood Research said the bridge was safe.", .organization),
        ("Tessaly Mining Company said the bridge was safe.", .organization),
        ("The FRA said the bridge was safe.", .organization),
    ])
    func kind(_ sentence: String, _ kind: Claimant.Kind) throws {
        let claim = try #require(extractor.extract(text: sentence).first)
        #expect(claim.claimant?.kind == kind)
    }

    @Test("pronouns resolve to the nearest earlier named source", arguments: [
        ("Mayor Lena Ortiz visited the site. She said the pumps had failed.", "Lena Ortiz"),
        ("Sato said the soil was wet. He added that more rain was due.", "Sato"),
        ("Two officials said the dam was sound. They added that it was inspected in May.", "officials"),
        ("The agency said the dam was sound. It added that inspections continue.", "agency"),
        ("Interior Minister Ilse Varga toured the dam, which she said was sound.", "Ilse Varga"),
    ])
    func pronoun(_ text: String, _ canonical: String) throws {
        let claim = try #require(extractor.extract(text: text).last)
        #expect(claim.claimant?.canonical == canonical)
    }

    @Test("a quotation that runs on across sentences is one claim")
    func runOnQuote() throws {
        let text = "Bell stood by the river. “The levee was old. Nobody repaired it,” Bell said. “We warned them.”"
        let claims = extractor.extract(text: text)
        let claim = try #require(claims.first { $0.claimant?.canonical == "Bell" })
        #expect(claims.count == 1)
        #expect(claim.text == "“The levee was old. Nobody repaired it,” Bell said. “We warned them.”")
        #expect(claim.quote)
        #expect(claim.cue == "said")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[claim.start..<claim.end])) == claim.text)
    }

    @Test("a quotation continues into the next paragraph without a new speaker")
    func runOnParagraph() throws {
        let text = "Ortiz said: “The pumps failed at midnight.\n\n“By dawn 40 homes were under water.”"
        let claims = extractor.extract(text: text)
        #expect(claims.count == 1)
        let claim = try #require(claims.first)
        #expect(claim.claimant?.canonical == "Ortiz")
        #expect(claim.figures.map(\.low) == [40])
    }

    @Test("a dash credit after a quotation names its speaker")
    func dashCredit() throws {
        let claims = extractor.extract(text: "“The water came so fast. We lost everything.”\n― Mara Quell")
        let claim = try #require(claims.first)
        #expect(claim.claimant?.canonical == "Mara Quell")
        #expect(claim.quote)
    }

    @Test("a figure asserted as fact is a claim without a claimant")
    func unattributedFigure() throws {
        let claims = extractor.extract(text: "Two fishing boats were found capsized near the weir.")
        let claim = try #require(claims.first)
        #expect(claim.claimant == nil)
        #expect(claim.figures.first?.low == 2)
    }

    @Test("figures go to the claim whose content holds them")
    func figuresFollowContent() {
        let claims = extractor.extract(text: "Ortiz said 40 homes flooded, and Varga said 12 bridges were closed.")
        #expect(claims.map { $0.figures.map(\.low) } == [[40], [12]])
    }

    @Test("an article's sentences and offsets come from ArticleText")
    func fromArticle() throws {
        let bytes = Array("Flood Hits Marrowdale\n\nAt least 155 residents were evacuated, Ortiz said.\n".utf8)
        let article = try ArticleExtractor().extract(bytes: bytes, fileName: "flood.txt")
        let claim = try #require(ClaimExtractor().extract(from: article).first)
        #expect(claim.claimant?.canonical == "Ortiz")
        let scalars = Array(article.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[claim.start..<claim.end])) == claim.text)
    }

    @Test("page furniture yields nothing", arguments: [
        "Sign up today and dive into over 10,000 fresh daily articles.",
        "Subscribe for just $1 a month.",
        "Copyright 2024 Valley Courier. All rights reserved.",
        "Rescue boats on the river on Monday. JANE DOE/Getty Images",
        "Read more: Flood Waters Rise Again In Marrowdale",
        "Flood Waters Rise Again In Marrowdale, Mayor Says",
        "We use cookies to improve your experience.",
        "Click here to follow our live coverage of 12 towns.",
        "It is open to speculation if the levee will hold.",
        "The town has long been proud of its river.",
    ])
    func furniture(_ text: String) {
        #expect(extractor.extract(text: "The Marrowdale Flood\n\n" + text).isEmpty)
    }
}
