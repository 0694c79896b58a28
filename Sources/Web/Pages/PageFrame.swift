import WebDrawing

/// The frame every page shares: the head (the site's one style sheet and, on pages that
/// update live, its one script, both served from here), the navigation with the search
/// box, and the banner the live script fills when a conflict lands.
enum PageFrame {
    static func page(title: String, live: Bool = false, body: HTML) -> HTML {
        let script: HTML = live ? "<script src=\"/static/live.js\" defer></script>" : ""
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">\
            <meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>\(title) · claimwatch</title><link rel="stylesheet" href="/static/site.css">\(script)</head>
            <body><header><nav><a class="home" href="/">claimwatch</a>\
            <form action="/search" method="get" role="search"><input type="search" name="q" placeholder="search claims and topics" \
            aria-label="search claims and topics"><button type="submit">Search</button></form></nav>\
            <div id="banner" class="banner" hidden></div></header>
            <main>\(body)</main>
            <footer>read-only view of the claimwatch record · <a href="/api/">JSON API</a></footer></body></html>

            """
    }

    /// A page that says what went wrong, the message escaped like everything else.
    static func problem(title: String, message: String) -> HTML {
        page(title: title, body: "<h1>\(title)</h1><p class=\"problem\">\(message)</p>")
    }

    /// A value or, when absent, a dash.
    static func optional(_ text: String?) -> HTML {
        guard let text, !text.isEmpty else { return "<span class=\"none\">—</span>" }
        return HTML(text: text)
    }

    /// A date as the ledger shows it: the first ten characters of an ISO time.
    static func day(_ time: String?) -> String? {
        time.map { String($0.prefix(10)) }
    }
}
