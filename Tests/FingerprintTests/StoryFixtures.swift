/// Invented articles about an invented story (a dock strike in the fictional port of
/// Kestrel Bay), written for these tests.
enum StoryFixtures {
    static let headline = "Kestrel Bay dock workers walk out over automated cranes"

    static let body: [String] = [
        "About 1,200 dock workers at the port of Kestrel Bay walked off the job on Tuesday, halting the loading of container ships in a dispute over plans to install automated cranes along the northern quay.",
        "The strike was called by the Harbour Workers Guild after talks with the port authority broke down late on Monday night, according to a statement issued by the union shortly before dawn.",
        "“We were told the machines would make our work safer. Nobody told us they would make our work disappear,” said Tobias Fenn, the guild’s chief negotiator, speaking to reporters outside the main gate.",
        "The port authority said the first twelve cranes, built by the logistics firm Ardent Systems, would be delivered in the spring and that no permanent jobs would be cut before the end of next year.",
        "Mayor Ilse Marrow urged both sides to return to the table. She said the city could not afford a long stoppage at a port that handles nearly a third of the region’s imports.",
        "Shipping agents reported that at least 14 vessels were waiting at anchor outside the breakwater by Tuesday afternoon, and several lines said they were considering diverting cargo to the rival port of Seldon.",
        "Dr. Amara Quist, an economist at the Coastal Trade Institute, estimated that every day of the strike would cost the regional economy between 3.5 million and 4 million crowns in delayed deliveries.",
        "Previous disputes at the port have been short. A two-day walkout in 2019 ended when the authority agreed to a pay rise of 4 percent and a review of night shift rules.",
        "This time the guild says it wants a written guarantee that automation will not reduce the number of permanent positions, and a share of the savings for retraining programmes.",
        "The authority’s director, Paulo Vance, said such a guarantee would tie the port’s hands for a decade. He offered instead to create a joint committee to oversee the introduction of the cranes.",
        "Union members voted by a margin of nine to one to reject that offer at a meeting on Sunday evening, the guild said, and pickets were expected to remain at every gate through the weekend.",
        "Local businesses near the docks said trade had already slowed. “If the ships stop, the cafés stop,” said one shop owner on Harbour Street, who asked not to be named.",
    ]

    static var plainText: String {
        ([headline] + body).joined(separator: "\n\n") + "\n"
    }

    /// The same story on a page with navigation, ads, a share bar, a caption and comments.
    static var html: String {
        let paragraphs = body.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html><head>
            <title>\(headline) | The Kestrel Courier</title>
            <meta property="og:site_name" content="The Kestrel Courier">
            <meta property="article:published_time" content="2031-03-04T06:30:00Z">
            <meta name="author" content="Rosa Delling">
            <link rel="canonical" href="https://www.kestrelcourier.example/news/dock-strike">
            <script>window.ads = [1, 2, 3];</script>
            <style>p { color: black; }</style>
            </head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
            <div class="ad-slot">Advertisement</div>
            <article>
            <h1>\(headline)</h1>
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
            <figure><img src="cranes.jpg"><figcaption>Cranes at the northern quay. Photo: Courier staff</figcaption></figure>
            \(paragraphs)
            </article>
            <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry fares to rise in May</a></li></ul></aside>
            <section id="comments"><h3>Comments</h3><p>Great article, thanks for reporting this properly!</p></section>
            <footer><p>© 2031 The Kestrel Courier. All rights reserved.</p></footer>
            </body></html>
            """
    }

    /// A different article on the same story: same names, one shared quote, own reporting.
    static let otherArticle = """
        Port strike enters second day as ships queue off Kestrel Bay

        Pickets from the Harbour Workers Guild kept the gates of Kestrel Bay closed for a second day on Wednesday, as the queue of container ships waiting offshore grew to more than twenty.

        Tobias Fenn, who leads the guild’s negotiating team, repeated his warning in a radio interview. “Nobody told us they would make our work disappear,” he said, adding that members were prepared to stay out for weeks.

        Port director Paulo Vance told the city council that the authority had already spent heavily on the Ardent Systems cranes and could not cancel the order without large penalties.

        Several councillors criticised both sides. One said the dispute had been handled badly from the start and called for an independent mediator to be appointed before the end of the week.

        Mayor Ilse Marrow said she had spoken to the transport minister, who promised to send officials from the national conciliation service to Kestrel Bay on Thursday.

        Fruit importers were among the first to feel the effects. A wholesaler said two refrigerated containers of citrus had already been written off because they could not be moved to cold storage in time.

        Economists at the Coastal Trade Institute raised their estimate of the daily cost of the stoppage, citing the growing number of vessels diverted to the port of Seldon further down the coast.

        Talks between the guild and the authority are expected to resume on Friday morning at the offices of the conciliation service, according to people familiar with the arrangements.
        """
}
