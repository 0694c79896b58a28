import ConsoleOutput
import WebDrawing
import EventLog
import Ingest
import Store

/// One story, by its fullest version: its metadata, its other versions and its copies,
/// and its clean text with each claim highlighted (denials apart) and each figure marked,
/// then its claims listed. An id may be any unique prefix of any of its articles' or
/// copies' ids, as in `claimwatch show`.
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
            let kind = via.duplicate.kind.rawValue
            let of: HTML = via.duplicate.of == article.entry.id ? "this article" : "\(via.duplicate.of), another version of this article"
            body.append("<p class=\"muted\">\(via.duplicate.article) (\(via.duplicate.path)) is \(Wording.indefinite(kind)) \(kind) copy of \(of); the article is shown by its fullest version.</p>")
        } else if let version = article.viaVersion {
            body.append("<p class=\"muted\">\(version.entry.id) (\(version.ingested.path)) is another version of this article; the fullest is shown.</p>")
        }
        body.append(metadata(ingested, record: article.record))
        body.append(versions(article.versions))
        body.append(copies(article.copies, shown: article.entry.id))
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

    /// The story's other versions: each added something, so each is an article of its own.
    private static func versions(_ versions: [ArticleAnswer.Version]) -> HTML {
        guard !versions.isEmpty else { return "" }
        var table: HTML = """
            <h2>Other versions</h2><table id="versions"><thead><tr><th>version</th><th>how</th>\
            <th class="number">words</th><th>file</th><th>recorded</th></tr></thead><tbody>
            """
        for version in versions {
            let how = version.entry.within.map { "contained in \($0)" } ?? version.entry.updates.map { "updates \($0)" } ?? "version"
            table.append("""
                <tr><td><a href="\(SiteLink.article(version.entry.id))"><code>\(version.entry.id)</code></a></td><td>\(how)</td>\
                <td class="number">\(version.ingested.words)</td><td>\(version.ingested.path)</td><td>\(version.record.time)</td></tr>
                """)
        }
        table.append("</tbody></table>")
        return table
    }

    /// Every version's copies; a copy of another version than the one shown says which.
    private static func copies(_ copies: [ArticleAnswer.Copy], shown: String) -> HTML {
        guard !copies.isEmpty else { return "<h2>Copies</h2><p class=\"muted\">No copies.</p>" }
        var table: HTML = """
            <h2>Copies</h2><table id="copies"><thead><tr><th>copy</th><th>kind</th><th class="number">similarity</th>\
            <th>file</th><th>recorded</th></tr></thead><tbody>
            """
        for copy in copies {
            let duplicate = copy.duplicate
            let of: HTML = duplicate.of == shown ? "" : " of <a href=\"\(SiteLink.article(duplicate.of))\"><code>\(duplicate.of)</code></a>"
            table.append("""
                <tr><td><code>\(duplicate.article)</code></td><td>\(duplicate.kind.rawValue)\(of)</td>\
                <td class="number">\(Self.share(duplicate.similarity))</td><td>\(duplicate.path)</td><td>\(copy.time)</td></tr>
                """)
        }
        table.append("</tbody></table>")
        return table
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
