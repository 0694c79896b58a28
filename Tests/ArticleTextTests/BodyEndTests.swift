import Testing
@testable import ArticleText

/// What sits at the end of an article's body without being the article: the outlet's list of
/// channels, its calls to its readers, and a blog's line of post data (categories, tags, the
/// posting time).
@Suite struct BodyEndTests {
    typealias Page = PageFixtures

    func read(_ html: String) throws -> [String] {
        try ArticleExtractor.extract(bytes: Array(html.utf8), fileName: "page.html").paragraphs.map(\.text)
    }

    func article(ending last: String, lang: String = "en", story: [String] = Page.story, headline: String = Page.headline) -> String {
        let body = story.map { "<p>\($0)</p>" }.joined()
        return "<!DOCTYPE html><html lang=\"\(lang)\">\(Page.head)<body>" + Page.header + """
            <article><h1>\(headline)</h1><div class="article-body">\(body)\(last)</div></article>
            """ + Page.footer + "</body></html>"
    }

    @Test("a last line listing the outlet's channels goes, in any language")
    func channelListAtTheEnd() throws {
        let english = "<p>Follow the Tessaly Herald on <a href=\"/fb\">Facebook</a>, <a href=\"/tw\">Twitter</a> and "
            + "<a href=\"/ig\">Instagram</a> for the latest news from the coast.</p>"
        #expect(try read(article(ending: english)) == [Page.headline] + Page.story)
        let spanish = "<p><strong>Síguenos en Telegram, Instagram, Facebook y TikTok para recibir todas nuestras noticias.</strong></p>"
        #expect(try read(article(ending: spanish)) == [Page.headline] + Page.story)
        let polish = "<p>Dołącz do nas na Facebooku, YouTube i TikToku – codziennie nowe relacje z wybrzeża!</p>"
        #expect(try read(article(ending: polish, lang: "de", story: Page.german, headline: Page.germanHeadline))
            == [Page.germanHeadline] + Page.german)
    }

    @Test("a sentence naming networks stays when prose follows it, and an author's aside naming one or two stays at the end")
    func networksInTheArticle() throws {
        let named = "Facebook, Instagram and WhatsApp were used to spread photographs of the cracked pillars, the council said."
        var story = Page.story
        story.insert(named, at: 5)
        #expect(try read(article(ending: "", story: story)) == [Page.headline] + story)
        let aside = "Have you crossed the bridge lately? Tell us what you saw on Twitter or Facebook."
        #expect(try read(article(ending: "<p>\(aside)</p>")) == [Page.headline] + Page.story + [aside])
    }

    @Test("a numbered point of an article about networks is not a call to follow the outlet")
    func numberedPointStays() throws {
        let point = "Ask why the council is on Facebook, Instagram and YouTube at all before posting anything."
        let html = article(ending: "<ol><li>\(point)</li></ol>")
        #expect(try read(html) == [Page.headline] + Page.story + [point])
    }

    @Test("a blog's post data box after the entry (categories, tags, the posting time) goes, whatever its language")
    func postDataBoxes() throws {
        for box in ["<div class=\"entry-utility\">", "<footer class=\"entry-meta\">", "<p class=\"postmetadata alt\">",
                    "<div class=\"post-meta\">"] {
            let tag = String(box.dropFirst().prefix { $0 != " " })
            let html = Page.page(Page.header + """
                <div id="content"><div class="post"><h1>\(Page.headline)</h1><div class="entry-content">\
                \(Page.paragraphs(0..<10))</div>\(box)Dieser Eintrag wurde am Mittwoch, 27. November 2030 um 15:21 Uhr \
                veröffentlicht und unter <a href="/c/hafen">Hafen</a> abgelegt. Verschlagwortet mit \
                <a href="/t/bruecke">Brücke</a>, <a href="/t/tessaly">Tessaly</a>.</\(tag)></div></div>
                """ + Page.footer)
            #expect(try read(html) == [Page.headline] + Page.story, "\(box)")
        }
    }

    @Test("the body's last lines naming the outlet to its readers go, in any language; a report's sentence naming it stays")
    func outletLinesAtTheEnd() throws {
        let english = "<p>Do you read the Tessaly Herald every morning? <a href=\"/subscribe\">Subscribe here</a> for the "
            + "news of the coast.</p><p>All our reports are free to read at herald.example, thanks to our readers.</p>"
        #expect(try read(article(ending: english)) == [Page.headline] + Page.story)
        let spanish = "<p>¿Ya sabías que Tessaly Herald tiene un canal de noticias? Únete desde tu teléfono en "
            + "<a href=\"/canal\">este enlace</a>.</p>"
        #expect(try read(article(ending: spanish)) == [Page.headline] + Page.story)
        let german = "<p>Sie lesen gern den Tessaly Herald? Zeigen Sie Ihre Wertschätzung!</p>"
        #expect(try read(article(ending: german, lang: "de", story: Page.german, headline: Page.germanHeadline))
            == [Page.germanHeadline] + Page.german)
        let report = "A spokesman for the mayor told the Tessaly Herald on Monday that the report had been read."
        #expect(try read(article(ending: "<p>\(report)</p>")) == [Page.headline] + Page.story + [report])
    }

    @Test("a label and a link to another story inside the body goes, in any language; a sentence with a link after a colon stays")
    func labelledLinksInTheBody() throws {
        let promos = [
            "<p>Read also: <a href=\"/a\">Why the fishing fleet of Tessaly stays in port this winter</a></p>",
            "<p>PUEDES VER: <a href=\"/b\">¿Qué pasará con el puente del puerto y cuándo se abrirá de nuevo?</a></p>",
            "<p>À lire aussi » <a href=\"/c\">Le pont du port de Tessaly fermé après la découverte de fissures</a></p>",
        ]
        let quoted = "The council's statement said: <a href=\"/report\">the inspectors' report</a> was read by every member "
            + "before the vote on Monday."
        var body = Page.story.map { "<p>\($0)</p>" }
        body.insert(promos[0], at: 3)
        body.insert(promos[1], at: 6)
        body.insert(promos[2], at: 9)
        body.insert("<p>\(quoted)</p>", at: 5)
        var story = Page.story
        story.insert("The council's statement said: the inspectors' report was read by every member before the vote on Monday.", at: 4)
        let html = Page.page(Page.header + """
            <article><h1>\(Page.headline)</h1><div class="article-body">\(body.joined())</div></article>
            """ + Page.footer)
        #expect(try read(html) == [Page.headline] + story)
    }

    @Test("the credits ending an agency's report (who reported, wrote and edited it) stay with the report")
    func agencyCreditsStay() throws {
        let credits = "Additional reporting by Jon Keel in Marrowtal; Writing by Mara Lind; Editing by Ines Dahl"
        let html = article(ending: "<p>\(credits)</p><div class=\"standards\"><a href=\"/principles\">Our Standards: "
            + "The Herald Trust Principles</a></div>")
        #expect(try read(html) == [Page.headline] + Page.story + [credits])
    }

    @Test("a box whose class or id word is numbered ('comments18-wrapper', 'related2') is the box the word names")
    func numberedBoxWords() throws {
        let prompt = "<div id=\"comments18-wrapper\"><p>Para comentar debes registrarte y completar los datos generales "
            + "de tu cuenta de lector.</p></div>"
        #expect(try read(article(ending: prompt)) == [Page.headline] + Page.story)
        let teaser = "<div class=\"related2\"><p>The night service to the islands will run twice a week instead of "
            + "daily, the ferry operator announced on Friday.</p></div>"
        #expect(try read(article(ending: teaser)) == [Page.headline] + Page.story)
    }
}
