import SeededRandom

/// A seeded generator of invented news pages shaped like saved ones: a head of meta tags,
/// style sheets and scripts (most of a real page's bytes), navigation, the article with
/// its headline, paragraphs, pictures, ads and a newsletter box in between, then related
/// stories, comments and a footer. Sizes follow the dev corpus: a median near 90 KiB and a
/// long tail past 700 KiB.
struct HTMLBenchPages {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func pick(_ items: [String]) -> String { items[random.below(items.count)] }

    static let subjects = ["The harbour board", "Councillor Ada Brenn", "The regional water authority", "Residents of Kessel",
                           "The transport ministry", "A spokesperson for the ferry line", "Engineers at the dam"]
    static let verbs = ["said on Tuesday that", "warned that", "confirmed that", "denied reports that", "argued that"]
    static let clauses = ["repairs to the northern pier would take until the spring", "fares had risen by 12 percent since May",
                          "at least 40 households were still without water", "the budget for the new bridge was not enough",
                          "inspections found cracks in three of the seven pillars", "the night service would resume in March"]

    mutating func sentence() -> String {
        "\(pick(Self.subjects)) \(pick(Self.verbs)) \(pick(Self.clauses)), and \(pick(Self.clauses))."
    }

    mutating func paragraph() -> String {
        (0..<(2 + random.below(3))).map { _ in sentence() }.joined(separator: " ")
    }

    /// Bytes of script and style, which a real page carries far more of than text.
    mutating func scriptPadding() -> String {
        // Most pages carry 20–150 KiB; one in ten several hundred.
        let kib = random.below(10) == 0 ? 200 + random.below(600) : 20 + random.below(130)
        let line = "window.dataLayer=window.dataLayer||[];function track(e){dataLayer.push({event:e,t:Date.now()})}\n"
        return "<script>" + String(repeating: line, count: kib * 1024 / line.utf8.count) + "</script>"
    }

    mutating func page(paragraphs: Int? = nil) -> String {
        let count = paragraphs ?? (6 + random.below(30))
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pier repairs to last until spring"
            + " | Halvern Courier</title><meta property=\"og:site_name\" content=\"Halvern Courier\">"
            + "<meta property=\"article:published_time\" content=\"2031-03-04T08:00:00Z\">"
            + "<link rel=\"canonical\" href=\"https://courier.example/news/pier\">" + scriptPadding() + "</head><body>"
        html += "<header class=\"site-header\"><nav class=\"main-nav\"><ul>"
        for section in ["News", "Sport", "Business", "Culture", "Weather", "Opinion"] {
            html += "<li><a href=\"/\(section.lowercased())\">\(section)</a></li>"
        }
        html += "</ul></nav></header><main><article><h1>Pier repairs to last until spring</h1>"
            + "<p class=\"byline\">By Mara Voss</p><div class=\"article-body\">"
        for index in 0..<count {
            html += "<p>\(paragraph())</p>"
            if index % 5 == 2 { html += "<div class=\"ad-slot\"><span>Advertisement</span></div>" }
            if index % 7 == 4 {
                html += "<figure><img src=\"pier.jpg\" alt=\"\"><figcaption>The northern pier. Photo: Halvern Courier"
                    + "</figcaption></figure>"
            }
            if index == count / 2 {
                html += "<div class=\"newsletter\"><p>Sign up for our morning briefing</p><form><input type=\"email\">"
                    + "<button>Subscribe</button></form></div>"
            }
        }
        html += "</div></article><section class=\"related\"><h2>Related</h2><ul>"
        for _ in 0..<6 { html += "<li><a href=\"/news/x\">\(pick(Self.clauses))</a></li>" }
        html += "</ul></section><section class=\"comments\"><h2>Comments</h2>"
        for _ in 0..<random.below(5) { html += "<div class=\"comment\"><p>\(sentence())</p></div>" }
        html += "</section></main><footer><p>© 2031 Halvern Courier. All rights reserved.</p></footer></body></html>"
        return html
    }
}
