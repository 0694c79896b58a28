import WebDrawing
import ConsoleOutput
import Store

/// One story (issue 19: the articles that tell one event), not to be confused with
/// `ArticleRecords.Story` (the versions of one article): what it is called and over which
/// days, its conflicts, every topic of its figures ledger by label, and its articles by
/// outlet and date. `/stories` lists the stories, the most recently told first.
enum StoryPage {
    /// Stories listed on the index.
    static let listed = 200

    static func render(_ reading: LedgerReading, id: String) throws(WebError) -> HTML {
        let story = try resolve(reading, id: id)
        guard let report = try reading.query({ store throws(StoreError) in try store.stories(StoryFilter(story: story)) }).first else {
            throw .notFound("the story '\(story)' holds no article")
        }
        let topics = try reading.query { store throws(StoreError) in try store.topics(inStory: story) }
        let articles = try reading.query { store throws(StoreError) in try store.articleSummaries(inStory: story) }
        let title = report.title ?? "(untitled story)"

        let verdict: HTML = report.conflicts == 0
            ? "<span class=\"verdict agree\">no conflict</span>"
            : "<span class=\"verdict conflict\">✗ \(Wording.count(report.conflicts, "conflicting topic"))</span>"
        var body: HTML = """
            <section data-story="\(report.story)"><h1>\(title)</h1>\
            <p class="muted">story <code>\(report.story)</code> · \(days(report)) · \(Wording.count(report.articles, "article")), \
            \(Wording.count(report.copies, "copy")) · \(Wording.count(report.outlets.count, "outlet")) · \(verdict) · \
            <a href="\(SiteLink(["api", "stories", report.story]))">JSON</a></p>
            """
        if !report.merged.isEmpty {
            body.append("<p class=\"muted\">Joined by \(Wording.count(report.merged.count, "story")) found to tell the same event: ")
            body.append(HTML.join(report.merged.enumerated().map { index, merged in
                (index > 0 ? ", " : "") + "<code>\(merged)</code>"
            }))
            body.append("</p>")
        }
        let conflicting = topics.filter(\.conflicting)
        body.append("<h2>Conflicts</h2>")
        if conflicting.isEmpty {
            body.append("<p class=\"muted\" id=\"story-conflicts\">No two figures of this story's topics conflict.</p>")
        } else {
            body.append("<ul class=\"plain\" id=\"story-conflicts\">")
            for topic in conflicting {
                body.append("""
                    <li class="conflict"><span class="verdict conflict">✗</span> <a href="\(SiteLink.topic(topic.id))">\(topic.label)</a> \
                    <span class="muted">· \(Wording.count(topic.figures, "figure")) · <code>\(topic.key)</code></span></li>
                    """)
            }
            body.append("</ul>")
        }
        body.append("<h2>Topics</h2>")
        if topics.isEmpty {
            body.append("<p class=\"muted\">No figures in this story yet.</p>")
        } else {
            body.append("""
                <table id="story-topics"><thead><tr><th>topic</th><th class="number">figures</th><th>what is counted</th>\
                <th>verdict</th></tr></thead><tbody>
                """)
            for topic in topics {
                let mark: HTML = topic.conflicting
                    ? "<span class=\"verdict conflict\">✗ conflict</span>"
                    : topic.figures > 1 ? "<span class=\"verdict agree\">agree</span>" : "<span class=\"muted\">one figure</span>"
                let row: HTML = topic.conflicting ? "<tr class=\"conflict\">" : "<tr>"
                body.append("""
                    \(row)<td><a href="\(SiteLink.topic(topic.id))">\(topic.label)</a></td>\
                    <td class="number">\(topic.figures)</td><td class="muted">\(topic.key)</td><td>\(mark)</td></tr>
                    """)
            }
            body.append("</tbody></table>")
        }
        body.append(articleList(articles))
        body.append("</section>")
        return PageFrame.page(title: title, live: true, body: body)
    }

    /// The story's articles grouped by outlet, each outlet's by date.
    private static func articleList(_ articles: [ClaimStore.ArticleSummary]) -> HTML {
        var list: HTML = "<h2>Articles by outlet and date</h2><dl class=\"outlets\" id=\"story-articles\">"
        var outlet: String?? = .none
        for article in articles {
            if outlet != .some(article.outlet) {
                if outlet != nil { list.append("</ul></dd>") }
                list.append("<dt>\(article.outlet ?? "(no outlet)")</dt><dd><ul class=\"plain\">")
                outlet = .some(article.outlet)
            }
            let (day, dated) = ClaimStore.day(published: article.published, recorded: article.time)
            var details: [String] = []
            if article.copies > 0 { details.append(Wording.count(article.copies, "copy")) }
            details.append(Wording.count(article.words, "word"))
            let recorded: HTML = dated == "recorded" ? " <span class=\"muted\">(recorded)</span>" : ""
            list.append("""
                <li><time>\(day)</time>\(recorded) \
                <a href="\(SiteLink.article(article.id))">\(article.title ?? article.path)</a> \
                <span class="muted">· \(details.joined(separator: " · "))</span></li>
                """)
        }
        if outlet != nil { list.append("</ul></dd>") }
        list.append("</dl>")
        return list
    }

    /// The stories, the most recently told first.
    static func index(_ reading: LedgerReading) throws(WebError) -> HTML {
        let stories = try reading.query { store throws(StoreError) in try store.stories(StoryFilter(limit: listed)) }
        var body: HTML = "<h1>Stories</h1>"
        if stories.isEmpty {
            body.append("<p class=\"muted\">No stories yet: drop files into the daemon's folder.</p>")
            return PageFrame.page(title: "Stories", body: body)
        }
        body.append("""
            <table id="stories"><thead><tr><th>story</th><th>days</th><th class="number">articles</th><th>outlets</th>\
            <th class="number">topics</th><th class="number">conflicts</th></tr></thead><tbody>
            """)
        for story in stories {
            let outlets = story.outlets.count > 3
                ? story.outlets.prefix(3).joined(separator: ", ") + ", +\(story.outlets.count - 3)"
                : story.outlets.joined(separator: ", ")
            let row: HTML = story.conflicts > 0 ? "<tr class=\"conflict\">" : "<tr>"
            body.append("""
                \(row)<td><a href="\(SiteLink.story(story.story))">\
                \(story.title ?? "(untitled story)")</a></td><td>\(days(story))</td><td class="number">\(story.articles)</td>\
                <td>\(outlets)</td><td class="number">\(story.topics)</td><td class="number">\(story.conflicts)</td></tr>
                """)
        }
        body.append("</tbody></table>")
        return PageFrame.page(title: "Stories", body: body)
    }

    /// A story id or prefix, followed to the story that holds its articles now.
    static func resolve(_ reading: LedgerReading, id: String) throws(WebError) -> String {
        switch try reading.query({ store throws(StoreError) in try store.lookup(story: id) }) {
        case let .story(story): return story
        case .notFound: throw .notFound("no story has an id starting with '\(id)'")
        case .ambiguous: throw .badRequest("several stories have ids starting with '\(id)': give more of it")
        }
    }

    /// "2026-11-12 – 2026-11-14", a day the log recorded marked as such.
    private static func days(_ story: StoryReport) -> String {
        func day(_ day: String, _ dated: String) -> String { dated == "recorded" ? day + " (recorded)" : day }
        let first = day(story.first, story.firstDated), last = day(story.last, story.lastDated)
        return first == last ? first : "\(first) – \(last)"
    }
}
