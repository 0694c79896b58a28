import Claims
import Testing

/// Speaker labels: a transcript's "ORTIZ: …" paragraphs and a headline's "Ortiz: …", on
/// invented articles about a flood.
@Suite struct LabelTests {
    let extractor = ClaimExtractor()

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        /// The claimant of each attributed claim, in order.
        var claimants: [String]
        var testDescription: String { text }
    }

    static let transcript = """
        Ortiz And Bell Debate The Levee

        The mayor and the engineer met on the radio on Monday.

        "ORTIZ: We are ready for the spring. The pumps are new.

        "BELL: Nobody inspected the levee in years.

        "ORTIZ: The inspectors came twice.

        BELL: Then where are the reports?
        """

    static let cases: [Case] = [
        // A headline hands its passage to the name before the colon.
        Case(text: "Ortiz: The Levee Will Hold Through Spring", claimants: ["Ortiz"]),
        Case(text: "Lena Ortiz: Repairs Start in May", claimants: ["Lena Ortiz"]),
        // Furniture labels and phrases that are no name are not speakers.
        Case(text: "The Latest: Bridge Reopens After Flood", claimants: []),
        Case(text: "Exclusive: Bridge Reopens After Flood", claimants: []),
        Case(text: "Flood Over Marrowdale: What Comes Next", claimants: []),
        // In the body a speaker is written in capitals and speaks more than once.
        Case(text: transcript, claimants: ["ORTIZ", "BELL", "ORTIZ", "BELL"]),
        Case(text: "Flood Report\n\nMARROWDALE: The council met on Monday to discuss the levee.", claimants: []),
        Case(text: "Flood Report\n\nUPDATE: The bridge reopened.\n\nUPDATE: The road reopened.", claimants: []),
        Case(text: "Flood Report\n\nOrtiz: the bridge reopened.\n\nOrtiz: the road reopened.", claimants: []),
    ]

    @Test("a speaker label names the claimant of its passage", arguments: cases)
    func label(_ example: Case) {
        let claims = extractor.extract(text: example.text).filter { $0.claimant != nil }
        #expect(claims.map { $0.claimant?.name ?? "" } == example.claimants)
        #expect(claims.allSatisfy { $0.cue == ":" })
    }

    @Test("a surname in capitals is the person named before, not an acronym")
    func capitalSurname() {
        let text = """
            Levee Debate

            Mayor Lena Ortiz and an engineer met on the radio on Monday.

            ORTIZ: We are ready for the spring.

            BELL: Nobody inspected the levee.

            ORTIZ: The inspectors came twice.

            BELL: Then where are the reports?
            """
        let claims = extractor.extract(text: text).filter { $0.claimant != nil }
        #expect(claims.map { $0.claimant?.name ?? "" } == ["ORTIZ", "BELL", "ORTIZ", "BELL"])
        #expect(claims[0].claimant == Claimant(name: "ORTIZ", canonical: "Lena Ortiz", kind: .person))
        // Nothing names Bell in full: the acronym rule still reads "BELL" as a body.
        #expect(claims[1].claimant?.kind == .organization)
    }

    @Test("a labelled passage runs to the end of its paragraph")
    func passage() throws {
        let claims = extractor.extract(text: Self.transcript).filter { $0.claimant != nil }
        let first = try #require(claims.first)
        #expect(first.text == "\"ORTIZ: We are ready for the spring. The pumps are new.")
        #expect(first.content == "We are ready for the spring. The pumps are new")
        let last = try #require(claims.last)
        #expect(last.text == "BELL: Then where are the reports?")
    }
}
