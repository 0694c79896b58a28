import Testing
@testable import ArticleText

/// The page tree built straight from the tokens: the blocks and elements a browser's
/// parser would give for the shapes real pages take (tags left open, references, raw
/// text, foreign content), and the limits that keep hostile pages cheap.
@Suite struct PageTreeBuilderTests {
    struct Built {
        var tree: PageTree
        var metadata: HTMLMetadata
        var texts: [String] { tree.blocks.map(\.text) }

        /// The tag of the element that owns each block.
        var owners: [HTMLTag] { tree.owners.map { $0 >= 0 ? tree.elements[Int($0)].tag : .inline } }
    }

    func build(_ html: String, maximumDepth: Int = 256) throws -> Built {
        var html = html
        return try html.withUTF8 { bytes in
            var builder = PageTreeBuilder(bytes, maximumDepth: maximumDepth)
            try builder.build()
            return Built(tree: builder.tree, metadata: builder.metadata)
        }
    }

    @Test("paragraphs, list items, terms and table cells left open are closed by the next one")
    func impliedEndTags() throws {
        let built = try build("""
            <body><p>One<p>Two<div>Three</div><ul><li>Four<li>Five<ul><li>Six</ul><li>Seven</ul>
            <dl><dt>Term<dd>Meaning<dt>Other</dl><table><tr><td>A<td>B<tr><td>C</table><p>Eight
            """)
        #expect(built.texts == ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Term", "Meaning", "Other",
                                "A", "B", "C", "Eight"])
        #expect(built.owners == [.paragraph, .paragraph, .division, .listItem, .listItem, .listItem, .listItem,
                                 .definitionTerm, .listItem, .definitionTerm, .tableCell, .tableCell, .tableCell, .paragraph])
        let items = built.tree.elements.indices.filter { built.tree.elements[$0].tag == .listItem }
        // "Six" is in a list inside "Five"; "Seven" is back in the outer list.
        #expect(built.tree.isInside(Int(built.tree.owners[5]), items[1]))
        #expect(!built.tree.isInside(Int(built.tree.owners[6]), items[1]))
        let rows = built.tree.elements.filter { $0.tag == .tableRow }
        #expect(rows.map(\.blocks) == [10..<12, 12..<13])
    }

    @Test("an end tag closes what was left open inside its element, and nothing outside a table cell")
    func endTags() throws {
        let built = try build("""
            <div id="a"><section><p>One <span>two</div><p>Three</p>\
            <table><tr><td><div>Cell</td></tr></table></div><p>Four
            """)
        #expect(built.texts == ["One two", "Three", "Cell", "Four"])
        let outer = built.tree.elements.firstIndex { $0.tag == .division }!
        #expect(built.tree.elements[outer].blocks == 0..<1)
        let cell = built.tree.elements.firstIndex { $0.tag == .tableCell }!
        #expect(built.tree.elements[cell].blocks == 2..<3)
    }

    @Test("text after </body> and </html> is still the body's, and a page without <body> gets one")
    func afterBody() throws {
        let built = try build("<html><head><title>T</title></head><body><p>Inside</p></body></html><p>After</p>")
        #expect(built.texts == ["Inside", "After"])
        #expect(built.tree.elements.first?.tag == .body)
        #expect(built.tree.elements[0].blocks == 0..<2)
        let bare = try build("Loose text<p>Then a paragraph")
        #expect(bare.texts == ["Loose text", "Then a paragraph"])
        #expect(bare.tree.elements.first?.tag == .body)
    }

    @Test("character references are decoded in text and attributes, as browsers do")
    func references() throws {
        let built = try build("""
            <head><meta property="og:title" content="Caf&eacute; &amp; Bar"><title>A &lt;b&gt; &#8220;C&#x201D;</title></head>
            <p>Fish &amp; chips &ndash; &euro;5&nbsp;each &copy 2031, &#150; &#0; &unknown; &amp</p>
            <p>R&amp;D&#39;s &notin; &Auml;rger, &apos;x&apos; &comma; AT&T</p>
            """)
        #expect(built.metadata.ogTitle == "Café & Bar")
        #expect(built.metadata.documentTitle == "A <b> “C”")
        #expect(built.texts == ["Fish & chips – €5 each © 2031, – \u{FFFD} &unknown; &", "R&D's ∉ Ärger, 'x' , AT&T"])
    }

    @Test("scripts, styles and comments hide what looks like markup; a title's text is its own")
    func rawText() throws {
        let built = try build("""
            <head><title>The <b>real</b> title</title><style>p { color: red } </p></style>
            <script>document.write("<p>not text</p>"); if (a </script >\
            <!-- <p>commented</p> --><!--><p>One</p><!--->
            <p>Two<textarea><p>typed</p></textarea></p><!-- never closed <p>gone</p>
            """)
        #expect(built.metadata.documentTitle == "The <b>real</b> title")
        #expect(built.texts == ["One", "Two"])
    }

    @Test("form controls, media, templates and buttons are not read; an unclosed one ends with its parent")
    func skippedContent() throws {
        let built = try build("""
            <div><label>Name<input>Label text</div><p>Seen</p><select><option>One<option>Two</select>\
            <button>Press<div>inside</div></button><video>Fallback</video><p>After <template><p>t</p></template>all</p>
            """)
        #expect(built.texts == ["Seen", "After all"])
    }

    @Test("an svg left open ends at an HTML element that breaks out of it or at its parent's end tag")
    func foreignContent() throws {
        let built = try build("""
            <div><span><svg><use href="#i"/><title>Icon</title></span></div><p>Back to the page</p>\
            <div><svg><g><text>Chart</text></g><p>Broke out</p></div><math><mi>x</mi></math><p>End</p>
            """)
        #expect(built.texts == ["Back to the page", "Broke out", "End"])
    }

    @Test("text inside links counts as link text; an <a> left open is closed by the next one")
    func links() throws {
        let built = try build("<p><a href=/1>First link <a href=/2>second</a> and plain text after both</p>")
        #expect(built.texts == ["First link second and plain text after both"])
        #expect(built.tree.linkBytes[0] == Int32("First link second".utf8.count))
        #expect(built.tree.rawBytes[0] == Int32(built.texts[0].utf8.count))
    }

    @Test("element nesting deeper than the limit is refused; paragraphs and list items left open do not nest")
    func depth() throws {
        #expect(throws: ArticleTextError.self) {
            try build(String(repeating: "<div>", count: 300) + "x")
        }
        let open = String(repeating: "<tr><td>cell <p>paragraph <li>item ", count: 20_000)
        let built = try build("<body><table>" + open)
        #expect(built.tree.blocks.count == 60_000)
        #expect(built.texts.prefix(3) == ["cell", "paragraph", "item"])
        let stray = try build("<div><td>not in a table<tr>still not</div>")
        #expect(stray.texts == ["not in a tablestill not"])
    }

    @Test("the attribute budget counts start tags' attributes only")
    func attributeBudget() throws {
        let wide = "<p " + (0..<8_000).map { "a\($0)" }.joined(separator: " ") + ">x</p>"
        #expect(throws: ArticleTextError.self) { try build(wide) }
        let load = HTMLAttributeBudget.load(of: Array("<p a b c>x</p><!-- <p d e> --><script>'<p f g>'</script>".utf8))
        #expect(load.load == 9 && load.largest == 3)
    }
}
