import CLibXML2

/// Which parts of a page are furniture by construction, and which hold the article.
enum HTMLRules {
    static let skippedTags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
        "select", "option", "textarea", "input", "label", "iframe", "svg", "canvas", "figure",
        "figcaption", "audio", "video", "object", "embed", "map", "dialog", "menu", "picture", "img",
    ]
    static let blockTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
        "article", "section", "main", "header", "td", "th", "tr", "table", "dd", "dt", "dl",
        "br", "hr", "address", "center", "details", "summary", "body", "tbody", "thead",
    ]
    /// Class and id words of furniture containers (matched as whole words of the attribute).
    static let furnitureWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "sidebar", "share", "sharing", "social",
        "comment", "comments", "related", "recommended", "newsletter", "subscribe", "subscription",
        "cookie", "cookies", "consent", "gdpr", "paywall", "promo", "advert", "advertisement", "ad",
        "ads", "adslot", "sponsor", "sponsored", "breadcrumb", "breadcrumbs", "popup", "modal",
        "signup", "tags", "widget", "toolbar", "masthead", "banner", "outbrain", "taboola", "disqus",
        "trending", "mostread", "most-read", "caption", "credit", "byline", "author", "bio", "disclaimer",
        "skip", "skiplink", "hidden", "print", "syndication", "more-stories", "readmore", "teaser",
    ]
    static let furnitureRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog"]

    /// Page-level containers carry page-wide classes ("has-sidebar"), not furniture.
    static let neverFurniture: Set<String> = ["html", "body", "main", "article"]

    static func isFurniture(_ node: xmlNodePtr, name: String) -> Bool {
        if neverFurniture.contains(name) { return false }
        if HTMLNode.attribute(node, "hidden") != nil { return true }
        if HTMLNode.attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        if let role = HTMLNode.attribute(node, "role")?.lowercased(), furnitureRoles.contains(role) { return true }
        if let style = HTMLNode.attribute(node, "style")?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") {
            return true
        }
        for attribute in ["class", "id"] {
            guard let value = HTMLNode.attribute(node, attribute) else { continue }
            for word in words(value) where furnitureWords.contains(word) { return true }
        }
        return false
    }

    static func isArticleContainer(_ node: xmlNodePtr, name: String) -> Bool {
        if name == "article" || name == "main" { return true }
        if let property = HTMLNode.attribute(node, "itemprop")?.lowercased(), property == "articlebody" { return true }
        guard let value = HTMLNode.attribute(node, "class") else { return false }
        let joined = value.lowercased()
        return ["article-body", "story-body", "post-content", "entry-content", "article-content", "articlebody"]
            .contains { joined.contains($0) }
    }

    /// An attribute split into lowercase words at anything but letters and digits.
    static func words(_ value: String) -> [String] {
        value.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
