import WebDrawing
import ConsoleOutput
import Store

/// Search over claims (the store's full-text index, as `claims --contains`), topics (their
/// key and label, as `figures --about`) and claimants' names.
enum SearchPage {
    static let claims = 100
    static let topics = 50
    static let claimants = 20

    static func render(_ reading: LedgerReading, words: String) throws(WebError) -> HTML {
        guard !SearchWords.words(words).isEmpty else {
            let message = words.isEmpty ? "Type words to look for in claims, topics and names."
                : "'\(words)' holds no word to search for (letters or digits)."
            return PageFrame.page(title: "Search", body: "<h1>Search</h1><p class=\"muted\">\(message)</p>")
        }
        let topics = try reading.query { store throws(StoreError) in try store.topics(matching: words, limit: Self.topics) }
        let names = try reading.query { store throws(StoreError) in try store.claimants(matching: words) }
        let claims = try reading.query { store throws(StoreError) in try store.claims(ClaimFilter(contains: words, limit: Self.claims)) }

        var body: HTML = "<h1>Search: \(words)</h1><h2>Topics</h2>"
        if topics.isEmpty { body.append("<p class=\"muted\">No topic counts these words.</p>") }
        body.append("<ul class=\"plain\" id=\"topics\">")
        for topic in topics {
            let conflict: HTML = topic.conflicting ? " <span class=\"verdict conflict\">✗ conflicts</span>" : ""
            body.append("<li><a href=\"\(SiteLink.topic(topic.id))\">\(topic.label)</a> <span class=\"muted\">· \(Wording.count(topic.figures, "figure"))</span>\(conflict)</li>")
        }
        body.append("</ul><h2>Claimants</h2>")
        if names.isEmpty { body.append("<p class=\"muted\">No claimant's name holds these words.</p>") }
        body.append("<ul class=\"plain\" id=\"claimants\">")
        for name in names.prefix(Self.claimants) {
            body.append("<li><a href=\"\(SiteLink.claimant(name))\">\(name)</a></li>")
        }
        body.append("</ul><h2>Claims</h2>")
        if claims.isEmpty { body.append("<p class=\"muted\">No claim's sentence holds all these words.</p>") }
        body.append("<table id=\"claims\"><tbody>")
        for claim in claims {
            let who: HTML = claim.canonical.map { "<a href=\"\(SiteLink.claimant($0))\">\($0)</a>" } ?? "<span class=\"muted\">(unattributed)</span>"
            body.append("""
                <tr><td>\(who)</td><td><a href="\(SiteLink.article(claim.article))">\(claim.outlet ?? claim.path ?? claim.article)</a></td>\
                <td>\(claim.text)</td></tr>
                """)
        }
        body.append("</tbody></table>")
        if claims.count == Self.claims { body.append("<p class=\"muted\">The newest \(claims.count) claims that match.</p>") }
        return PageFrame.page(title: "Search: \(words)", body: body)
    }
}
