import Testing
@testable import ArticleText

/// Pages built to make the parser work for ever are refused quickly with a reason; real
/// pages with many attributes, scripts and comments are not.
@Suite struct HostileHTMLTests {
    @Test("an element with 300,000 attributes is refused (it once hung the daemon in the parser used then)")
    func attributeBomb() {
        var page = "<html><body><p "
        for index in 0..<300_000 { page += "a\(index)=\"\(index)\" " }
        page += ">\(ArticleFixtures.body[0])</p></body></html>"
        #expect {
            try ArticleExtractor.extract(bytes: Array(page.utf8), fileName: "bomb.html")
        } throws: { error in
            guard case let .malformed(format, reason) = error as? ArticleTextError else { return false }
            return format == .html && reason.contains("300000")
        }
    }

    @Test("many elements with a few hundred attributes each add up past the budget")
    func manyWideElements() {
        let element = "<span " + (0..<500).map { "x\($0)" }.joined(separator: " ") + ">w</span>"
        let page = "<html><body>" + String(repeating: element, count: 400) + "</body></html>"
        #expect(HTMLAttributeBudget.load(of: Array(page.utf8)).load > HTMLAttributeBudget.maximumLoad)
    }

    @Test("attributes are counted in tags only: not in text, comments, scripts, quoted values or the doctype")
    func counting() {
        let page = """
            <!DOCTYPE html><html lang="en"><head><script>if (a <b c d e f g) { x = "<i j k l>" }</script>
            <style>p <q r s t> {}</style></head><body><!-- <p a b c d e f> -->
            <a href="/x?y=1 z=2" class='k l m' data-n>1 < 2 and 3 > 2</a></body></html>
            """
        let result = HTMLAttributeBudget.load(of: Array(page.utf8))
        #expect(result.largest == 3)
        #expect(result.load == 1 + 9)
    }

    @Test("a real page stays far below the budget and reads as before")
    func realPage() throws {
        #expect(HTMLAttributeBudget.load(of: Array(ArticleFixtures.html.utf8)).load < 10_000)
        let article = try ArticleExtractor.extract(bytes: Array(ArticleFixtures.html.utf8), fileName: "fire.html")
        #expect(article.paragraphs.map(\.text) == [ArticleFixtures.headline] + ArticleFixtures.body)
    }
}
