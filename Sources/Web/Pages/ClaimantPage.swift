import WebDrawing
import ConsoleOutput
import Store

/// Everything one source asserted: its figures by topic (each topic a link to the ledger
/// that compares it), then its claims, newest first.
enum ClaimantPage {
    static let claims = 200
    static let figures = 500

    static func render(_ reading: LedgerReading, canonical: String) throws(WebError) -> HTML {
        guard let claimant = try reading.query({ store throws(StoreError) in try store.claimant(canonical: canonical) }) else {
            throw .notFound("no claimant in the record is named '\(canonical)'")
        }
        let figures = try reading.query { store throws(StoreError) in try store.figures(ofClaimant: canonical, limit: Self.figures) }
        let claims = try reading.query { store throws(StoreError) in try store.claims(ofClaimant: canonical, limit: Self.claims) }

        var body: HTML = """
            <h1>\(claimant.claimant)</h1><p class="muted">\(claimant.kind) · \(Wording.count(claimant.claims, "claim")) · \
            \(Wording.count(claimant.figures, "figure")) · in \(Wording.count(claimant.articles, "article")) · \
            <a href="\(SiteLink(["api", "claims"], query: [("claimant", claimant.claimant)]))">JSON</a></p><h2>Figures by topic</h2>
            """
        // Topics in the order of the claimant's newest figure in each.
        var order: [String] = []
        var byTopic: [String: [ClaimStore.ClaimantFigure]] = [:]
        for figure in figures {
            if byTopic[figure.topic] == nil { order.append(figure.topic) }
            byTopic[figure.topic, default: []].append(figure)
        }
        if order.isEmpty { body.append("<p class=\"muted\">No figures.</p>") }
        body.append("<ul class=\"plain\" id=\"topics\">")
        for topic in order {
            let members = byTopic[topic] ?? []
            let texts = members.map(\.text).joined(separator: "; ")
            if let label = members.first?.label, !topic.isEmpty {
                body.append("<li><a href=\"\(SiteLink.topic(topic))\">\(label)</a>: \(texts)</li>")
            } else {
                body.append("<li><span class=\"muted\">(in no topic)</span>: \(texts)</li>")
            }
        }
        body.append("</ul><h2>Claims</h2><table id=\"claims\"><thead><tr><th>recorded</th><th>article</th><th>cue</th><th>figures</th><th>sentence</th></tr></thead><tbody>")
        for claim in claims {
            let cue: HTML = claim.stance == "denies" ? "<strong>denies</strong>" : PageFrame.optional(claim.cue)
            body.append("""
                <tr><td>\(PageFrame.day(claim.time))</td><td><a href="\(SiteLink.article(claim.article))">\(claim.outlet ?? claim.path ?? claim.article)</a></td>\
                <td>\(cue)</td><td>\(claim.figures.joined(separator: "; "))</td><td>\(claim.text)</td></tr>
                """)
        }
        body.append("</tbody></table>")
        if claimant.claims > claims.count { body.append("<p class=\"muted\">The newest \(claims.count) of \(claimant.claims) claims.</p>") }
        return PageFrame.page(title: claimant.claimant, body: body)
    }

    /// Everyone who asserts something, the most prolific first.
    static func index(_ reading: LedgerReading) throws(WebError) -> HTML {
        let rows = try reading.query { store throws(StoreError) in try store.claimants(limit: 1000) }
        var body: HTML = "<h1>Claimants</h1><table id=\"claimants\"><thead><tr><th>claimant</th><th>kind</th><th class=\"number\">claims</th><th class=\"number\">figures</th><th class=\"number\">articles</th></tr></thead><tbody>"
        for row in rows {
            body.append("""
                <tr><td><a href="\(SiteLink.claimant(row.claimant))">\(row.claimant)</a></td><td>\(row.kind)</td>\
                <td class="number">\(row.claims)</td><td class="number">\(row.figures)</td><td class="number">\(row.articles)</td></tr>
                """)
        }
        body.append("</tbody></table>")
        return PageFrame.page(title: "Claimants", body: body)
    }
}
