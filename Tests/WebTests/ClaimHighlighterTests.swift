import EventLog
import Testing
@testable import WebDrawing

@Suite struct ClaimHighlighterTests {
    static func claim(_ id: String, span: Range<Int>, figures: [String], stance: String = "asserts") -> ClaimExtracted {
        ClaimExtracted(claim: id, article: "a", text: "", content: nil, span: .init(start: span.lowerBound, end: span.upperBound),
                       claimant: .init(name: "Mira Osei", canonical: "Mira Osei", kind: "person"), cue: "said", stance: stance,
                       hedges: [], quote: false,
                       figures: figures.map { .init(text: $0, low: 14, high: 14, bound: "exact", unit: nil, counted: nil) })
    }

    static func html(_ text: String, _ claims: [ClaimExtracted]) -> String {
        String(decoding: ClaimHighlighter.html(text: text, claims: claims).bytes, as: UTF8.self)
    }

    @Test("a claim's sentence is wrapped where its span says, its figure marked, a denial apart, the rest escaped")
    func highlights() {
        let text = "Intro <b>. Osei said 14 died. Brandt denied 14."
        let html = Self.html(text, [Self.claim("c-1", span: 11..<29, figures: ["14"]),
                                    Self.claim("c-2", span: 30..<47, figures: ["14"], stance: "denies")])
        #expect(html.hasPrefix("Intro &lt;b&gt;. <span class=\"claim\" id=\"claim-c-1\" title=\"Mira Osei (said)\">Osei said "))
        #expect(html.contains("<mark class=\"figure\" title=\"14\">14</mark> died.</span>"))
        #expect(html.contains("<span class=\"claim denies\" id=\"claim-c-2\""))
    }

    @Test("figures are found by scalars, NULs and all; a span outside the text or over the one before is left unmarked")
    func hostileSpans() {
        let text = "%.zz=\u{0}\u{0} x é\u{301} 14"
        let html = Self.html(text, [Self.claim("c-1", span: 0..<text.unicodeScalars.count, figures: ["%.zz=\u{0}\u{0}", "é\u{301}", "14", "absent"]),
                                    Self.claim("c-2", span: 2..<4, figures: []), Self.claim("c-3", span: 5..<900, figures: [])])
        #expect(html.contains("<mark class=\"figure\" title=\"14\">%.zz=\u{FFFD}\u{FFFD}</mark>"))
        #expect(html.contains("<mark class=\"figure\" title=\"14\">é\u{301}</mark>") && html.contains(">14</mark>"))
        #expect(!html.contains("claim-c-2") && !html.contains("claim-c-3"))
        #expect(ClaimHighlighter.firstRange(of: [], in: ArraySlice(text.unicodeScalars)) == nil)
    }
}
