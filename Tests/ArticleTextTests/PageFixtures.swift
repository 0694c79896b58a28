/// Invented web pages, written for these tests, in the shapes that big news sites give
/// their pages: long headers with teaser rails, bodies split over boxes with ads between
/// them, live blogs, bodies only in JSON-LD, a next story appended below. The stories are
/// fictional (the harbour town of Tessaly, the Marrow valley).
enum PageFixtures {
    static let headline = "Tessaly closes its old harbour bridge after inspectors find cracked pillars"

    /// Ten paragraphs of the story, each one sentence or more of plain news prose.
    static let story = [
        "The town of Tessaly closed its old harbour bridge to all traffic on Monday after inspectors found cracks in three of its seven pillars, the regional roads agency said.",
        "Engineers had been called to the bridge last week when a ferry captain reported loose stones falling into the water near the eastern bank.",
        "“We could not take the risk of another winter of lorries crossing it,” said Mara Voss, who leads the agency’s inspection team, standing beside the barriers on Monday morning.",
        "About 12,000 vehicles used the bridge every day before the closure, according to the town council, and most of them will now take a detour of almost 14 kilometres.",
        "Shopkeepers on the harbour front said trade had already fallen since the weekend, when the first warning signs went up.",
        "The council said a temporary footbridge for pedestrians and cyclists could open within six weeks if the regional government approves the money.",
        "Repairs to the pillars are expected to cost at least 8 million crowns, a figure the agency said might rise once divers have examined the foundations.",
        "The bridge was built in 1931 and last renovated in the 1980s, when its wooden deck was replaced with concrete.",
        "Opposition councillors accused the mayor of ignoring earlier reports that warned of water damage, a charge the mayor’s office denied.",
        "A public meeting on the closure will be held at the town hall on Thursday evening, the council said.",
    ]

    static let head = """
        <head><meta charset="utf-8"><title>\(headline) | Tessaly Herald</title>
        <meta property="og:site_name" content="Tessaly Herald">
        <link rel="canonical" href="https://herald.example/news/harbour-bridge">
        <script>window.analytics = { page: "article", section: "news" };</script>
        <style>.rail { float: right }</style></head>
        """

    /// The site's header: navigation, a ticker and a rail of teasers whose summaries are
    /// sentences too, so that nothing but structure tells them from the article.
    static let header = """
        <header class="site-header"><nav class="main-nav"><ul>
        <li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li>
        <li><a href="/culture">Culture</a></li><li><a href="/weather">Weather</a></li></ul></nav>
        <div class="ticker"><a href="/live">Live: storm warning for the northern coast until Wednesday</a></div>
        <section class="top-stories"><h2>Top stories</h2>
        <div class="teaser"><h3><a href="/a">Fishing fleet stays in port as prices fall</a></h3>
        <p>Trawler owners say the cost of fuel has doubled since spring and that they cannot afford to sail.</p></div>
        <div class="teaser"><h3><a href="/b">School choir wins national prize</a></h3>
        <p>The choir of the Kessel grammar school beat forty other choirs in the final round on Sunday.</p></div>
        <div class="teaser"><h3><a href="/c">New ferry timetable from March</a></h3>
        <p>The night service to the islands will run twice a week instead of daily, the operator announced.</p></div>
        </section></header>
        """

    static let footer = """
        <footer class="site-footer"><p>© 2031 Tessaly Herald. All rights reserved.</p>
        <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>
        """

    static func paragraphs(_ range: Range<Int>) -> String {
        story[range].map { "<p>\($0)</p>" }.joined(separator: "\n")
    }

    static func page(_ body: String, head: String = head) -> String {
        "<!DOCTYPE html><html lang=\"en\">\(head)<body>\(body)</body></html>"
    }

    /// A German story for the language-independence tests (invented, as the rest).
    static let germanHeadline = "Marrowtal: Gemeinde sperrt die alte Hafenbrücke nach Rissen in den Pfeilern"
    static let german = [
        "Die Gemeinde im Marrowtal hat die alte Hafenbrücke am Montag für den gesamten Verkehr gesperrt, nachdem Prüfer Risse in drei von sieben Pfeilern gefunden hatten.",
        "Täglich überquerten rund 12.000 Fahrzeuge die Brücke; nun müssen Lastwagen einen Umweg von fast 14 Kilometern über die Bergstraße nehmen.",
        "„Ein weiterer Winter mit schweren Lastern war nicht zu verantworten“, sagte die Leiterin der Prüfgruppe vor Ort.",
        "Eine Behelfsbrücke für Fußgänger und Radfahrer könnte in sechs Wochen stehen, wenn das Land die Mittel bewilligt.",
        "Die Reparatur soll mindestens acht Millionen Kronen kosten; Taucher untersuchen in den kommenden Tagen die Fundamente.",
        "Eine Bürgerversammlung zur Sperrung findet am Donnerstagabend im Rathaus statt.",
    ]
}
