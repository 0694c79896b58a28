import Claims
import Testing

/// Who gives a figure: an estimate put at a number, and the agent after a passive reporting verb.
@Suite struct FigureSpeakerTests {
    @Test("a figure is the speaker's, not the outlet's", arguments: [
        ("The ministry put the number of destroyed homes at nine.", "The ministry", "destroyed homes"),
        ("The rescue service put the death toll at 19.", "The rescue service", "death toll"),
        ("There were 3,200 evacuees reported by fire officials.", "fire officials", "evacuees"),
        ("A toll of 14 was confirmed by the Marrow Emergency Service.", "the Marrow Emergency Service", nil),
        ("Losses of $3m were estimated by the insurers' association on Friday.", "the insurers' association", nil),
    ] as [(String, String, String?)])
    func speaker(_ sentence: String, _ claimant: String, _ counted: String?) throws {
        let claims = ClaimExtractor().extract(text: sentence)
        let claim = try #require(claims.first)
        #expect(claims.count == 1)
        #expect(claim.claimant?.name == claimant)
        let figure = try #require(claim.figures.first)
        if let counted { #expect(figure.counted == counted) }
    }

    @Test("a passive that reports nothing names no speaker", arguments: [
        "Twelve homes were destroyed by the flood.",
        "The bridge was closed by 40 engineers.",
    ])
    func noSpeaker(_ sentence: String) throws {
        let claim = try #require(ClaimExtractor().extract(text: sentence).first)
        #expect(claim.claimant == nil)
    }
}
