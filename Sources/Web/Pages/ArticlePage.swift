import WebDrawing
import EventLog
import Ingest
import Store

/// One article: its metadata, its copies, and its clean text with each claim highlighted
/// (denials apart) and each figure marked, then its claims listed. An id may be any
/// unique prefix, as in `claimwatch show`; a copy's id shows the article it copies.
enum ArticlePage {
    static func render(_ reading: LedgerReading, id: String) throws(WebError) -> HTML {
        let article = try ArticleAnswer.find(reading, id: id)
        let ingested: ArticleIngested
        do {
            ingested = try article.record.decode(ArticleIngested.self)
        } catch {
            throw .log(error)
        }
        let claims = try ArticleAnswer.claims(reading, of: article.entry.id)
        let text = reading.texts.text(for: ingested.content)

        var body: HTML = "<h1>\(ingested.title ?? ingested.path)</h1>"
        if let via = article.via {
            body.append("<p class=\"muted\">\(via.duplicate.article) is \(via.duplicate.kind.rawValue == "exact" ? "an" : "a") \(via.duplicate.kind.rawValue) copy of this article (\(via.duplicate.path)).</p>")
        }
        body.append(metadata(ingested, record: article.record))
        body.append("<h2>Copies</h2>")
        if article.copies.isEmpty {
            body.append("<p class=\"muted\">No copies.</p>")
        } else {
            body.append("<table id=\"copies\"><thead><tr><th>copy</th><th>kind</th><th class=\"number\">similarity</th><th>file</th><th>recorded</th></tr></thead><tbody>")
            for copy in article.copies {
                let duplicate = copy.duplicate
                body.append("""
                    <tr><td><code>\(duplicate.article)</code></td><td>\(duplicate.kind.rawValue)</td>\
                    <td class="number">\(Self.share(duplicate.similarity))</td><td>\(duplicate.path)</td><td>\(copy.time)</td></tr>
                    """)
            }
            body.append("</tbody></table>")
        }
        body.append("<h2>Text</h2>")
        if let text {
            body.append("<div class=\"text\" id=\"text\">\(ClaimHighlighter.html(text: text, claims: claims.map(\.claim)))</div>")
        } else {
            body.append("<p class=\"problem\">The stored text is missing from the state folder's articles.</p>")
        }
        body.append(claimList(claims))
        body.append("<p><a href=\"\(SiteLink(["api", "articles", article.entry.id]))\">JSON</a></p>")
        return PageFrame.page(title: ingested.title ?? ingested.path, body: body)
    }

    private static func metadata(_ article: ArticleIngested, record: LogRecord) -> HTML {
        var fields: [(HTML, HTML)] = [
            ("id", "<code>\(article.article)</code>"), ("outlet", PageFrame.optional(article.outlet)),
            ("published", PageFrame.optional(article.published)), ("byline", PageFrame.optional(article.byline)),
        ]
        if let url = article.url {
            // Only a web address becomes a link; anything else is shown as text.
            let isWeb = url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://")
            fields.append(("url", isWeb ? "<a href=\"\(url)\" rel=\"noopener noreferrer nofollow\">\(url)</a>" : HTML(text: url)))
        }
        fields += [
            ("file", HTML(text: article.path)), ("format", HTML(text: article.format)), ("words", "\(article.words)"),
            ("recorded", "\(record.time) (seq \(Int64(record.seq)))"), ("content", "<code>\(article.content)</code>"),
        ]
        var list: HTML = "<dl class=\"meta\">"
        for (name, value) in fields { list.append("<dt>\(name)</dt><dd>\(value)</dd>") }
        list.append("</dl>")
        return list
    }

    private static func claimList(_ claims: [ArticleAnswer.Claim]) -> HTML {
        guard !claims.isEmpty else { return "<h2>Claims</h2><p class=\"muted\">No claims.</p>" }
        var list: HTML = "<h2>Claims</h2><table id=\"claims\"><thead><tr><th>claimant</th><th>cue</th><th>figures</th><th>sentence</th></tr></thead><tbody>"
        for claim in claims {
            let extracted = claim.claim
            let who: HTML = extracted.claimant.map { "<a href=\"\(SiteLink.claimant($0.canonical))\">\($0.canonical)</a>" }
                ?? "<span class=\"muted\">(unattributed)</span>"
            let cue: HTML = extracted.stance == "denies" ? "<strong>denies</strong>" : PageFrame.optional(extracted.cue)
            let figures = extracted.figures.map(\.text).joined(separator: "; ")
            list.append("""
                <tr><td>\(who)</td><td>\(cue)</td><td>\(figures)</td><td><a href="#\(ClaimHighlighter.anchor(extracted.claim))">\(extracted.text)</a></td></tr>
                """)
        }
        list.append("</tbody></table>")
        return list
    }

    static func share(_ value: Double) -> String {
        String(Double((value * 100).rounded()) / 100)
    }
}
