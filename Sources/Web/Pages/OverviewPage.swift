import WebDrawing
import ConsoleOutput
import Store

/// The front page: how much the record holds, the stories whose figures conflict (the one
/// whose conflict grew most recently first), the newest articles and the most quoted sources.
/// It updates live: new articles go on top of the list, the counts change, and a new
/// conflict shows as a banner.
enum OverviewPage {
    static let conflicts = 20
    static let latest = 25
    static let claimants = 10

    static func render(_ reading: LedgerReading) throws(WebError) -> HTML {
        let stats = try reading.query { store throws(StoreError) in try store.stats() }
        let stories = try reading.query { store throws(StoreError) in try store.conflictingStories(limit: conflicts) }
        let unstoried = try reading.query { store throws(StoreError) in try store.conflictingTopicsOutsideStories(limit: conflicts) }
        let articles = try reading.query { store throws(StoreError) in try store.latestArticles(limit: latest) }
        let sources = try reading.query { store throws(StoreError) in try store.claimants(limit: claimants) }

        let counts: [(String, Int)] = [
            ("articles", stats.articles), ("copies", stats.copies), ("claims", stats.claims), ("figures", stats.figures),
            ("claimants", stats.claimants), ("topics", stats.topics), ("conflicts", stats.conflicts),
        ]
        var body: HTML = "<h1>The record</h1><ul class=\"counts\">"
        for (name, count) in counts {
            body.append("<li><strong data-count=\"\(name)\">\(count)</strong>\(name)</li>")
        }
        body.append("</ul><h2>Stories in conflict, newest conflict first</h2>")
        if stories.isEmpty {
            body.append("<p class=\"muted\" id=\"conflicts\">No two figures of a story conflict yet.</p>")
        } else {
            body.append("""
                <table id="conflicts"><thead><tr><th>story</th><th class="number">conflicts</th>\
                <th class="number">topics</th></tr></thead><tbody>
                """)
            for story in stories {
                body.append("""
                    <tr class="conflict"><td><a href="\(SiteLink.story(story.story))">\(story.title ?? "(untitled story)")</a></td>\
                    <td class="number">\(story.conflicts)</td><td class="number">\(story.topics)</td></tr>
                    """)
            }
            body.append("</tbody></table>")
        }
        body.append("<p><a href=\"/stories\">every story</a></p>")
        if !unstoried.isEmpty {
            // A log from before stories files its figures in none; their conflicts still count.
            body.append("<h2>Topics in conflict outside any story</h2><ul class=\"plain\" id=\"unstoried-conflicts\">")
            for topic in unstoried {
                body.append("""
                    <li class="conflict"><a href="\(SiteLink.topic(topic.id))">\(topic.label)</a> \
                    <span class="muted">· \(Wording.count(topic.figures, "figure")) · <code>\(topic.key)</code></span></li>
                    """)
            }
            body.append("</ul>")
        }
        body.append("<h2>Latest articles</h2><ul class=\"plain\" id=\"latest\">")
        for article in articles {
            var details = [article.outlet ?? article.path]
            if let published = PageFrame.day(article.published) { details.append(published) }
            if article.copies > 0 { details.append(Wording.count(article.copies, "copy")) }
            body.append("""
                <li><a href="\(SiteLink.article(article.id))">\(article.title ?? article.path)</a> \
                <span class="muted">· \(details.joined(separator: " · "))</span></li>
                """)
        }
        body.append("</ul>")
        if articles.isEmpty { body.append("<p class=\"muted\">No articles yet: drop files into the daemon's folder.</p>") }
        if !sources.isEmpty {
            body.append("<h2>Most quoted</h2><ul class=\"plain\">")
            for source in sources {
                body.append("""
                    <li><a href="\(SiteLink.claimant(source.claimant))">\(source.claimant)</a> \
                    <span class="muted">· \(source.kind) · \(Wording.count(source.claims, "claim")), \(Wording.count(source.figures, "figure"))</span></li>
                    """)
            }
            body.append("</ul><p><a href=\"/claimants\">every claimant</a></p>")
        }
        return PageFrame.page(title: "Overview", live: true, body: body)
    }
}
