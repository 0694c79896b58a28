/// An invented article (a library fire in the fictional town of Orlen Vale), written for
/// these tests, with the page furniture that real sites wrap around such text.
enum ArticleFixtures {
    static let headline = "Fire closes Orlen Vale library as volunteers save rare maps"

    static let body = [
        "A fire broke out in the reading room of the Orlen Vale public library early on Saturday, forcing the building to close for at least a month, the town council said.",
        "Firefighters were called at about 4 a.m. and had the blaze under control within two hours. Nobody was hurt, according to the regional fire service.",
        "“We lost chairs, carpets and a lot of paperbacks, but the map collection is safe,” said the head librarian, Mirela Oduya, who arrived as the last engines were leaving.",
        "About 40 volunteers formed a chain to carry boxes of nineteenth-century survey maps to the town hall across the square, where they will be kept until the library reopens.",
        "Investigators said the fire probably started in an old heating unit. The council had set aside 85,000 crowns for a new system in next year’s budget.",
        "Readers with borrowed books were asked to keep them until further notice. Late fees will be waived for the whole period of the closure.",
    ]

    /// The article as a scraper saved it: navigation above, promotion and comments below.
    static var plainWithFurniture: String {
        """
        Skip to main content
        Home | News | Local | Orlen Vale
        \(headline)
        By Tomas Reyl
        Published 12 June 2032
        Listen to this article · 3 min
        \(body[0])
        \(body[1])
        Advertisement
        \(body[2])
        The reading room after the fire. Photo: Orlen Vale Fire Service
        \(body[3])
        Read more
        Council approves new cycle lanes
        Summer fair moves to the riverside
        \(body[4])
        \(body[5])
        Tomas Reyl is a reporter at the Orlen Vale Gazette covering local government and culture.
        © 2032 Orlen Vale Gazette. All rights reserved.
        Leave a Reply
        Great news that the maps survived, well done to everyone who helped carry them out.
        Sign up for our daily newsletter.
        """
    }

    static var html: String {
        let paragraphs = body.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return """
            <html><head>
            <title>\(headline) - Orlen Vale Gazette</title>
            <meta property="og:title" content="\(headline)">
            <meta property="og:site_name" content="Orlen Vale Gazette">
            <meta property="article:published_time" content="2032-06-12T09:15:00+02:00">
            <meta name="author" content="Tomas Reyl">
            <link rel="canonical" href="https://www.orlenvale.example/news/library-fire">
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2032-06-12"}</script>
            <script>var tracking = "Advertisement text inside a script";</script>
            <style>.menu { display: block }</style>
            </head><body class="has-sidebar">
            <header><nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
            <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
            <main>
            <h1>\(headline)</h1>
            <p class="byline">By Tomas Reyl</p>
            <ul class="social-share"><li><a href="#">Facebook</a></li><li><a href="#">X</a></li></ul>
            \(paragraphs)
            <div class="ad-container"><p>Advertisement: buy garden furniture today at half price in our summer sale.</p></div>
            <div class="related-articles"><h2>More from Orlen Vale</h2><ul><li><a href="/1">Council approves new cycle lanes across the town centre</a></li></ul></div>
            </main>
            <aside><p>Most read: Summer fair moves to the riverside after complaints from residents.</p></aside>
            <div id="comments"><p>Great news that the maps survived, well done to everyone who helped.</p></div>
            <footer><p>© 2032 Orlen Vale Gazette. All rights reserved.</p></footer>
            </body></html>
            """
    }
}
