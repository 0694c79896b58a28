import CLibXML2

/// Metadata from a page's head and markup: Open Graph and article meta tags, the canonical
/// link, `<title>`, `<time datetime>`, and schema.org JSON-LD.
struct HTMLMetadata {
    var ogTitle: String?
    var documentTitle: String?
    var url: String?
    var siteName: String?
    var published: String?
    var modified: String?
    var author: String?

    var articleMetadata: ArticleMetadata {
        var title = ogTitle ?? documentTitle
        if ogTitle == nil, let raw = documentTitle {
            // "Headline | Site" and "Headline - Site": drop the site part.
            title = HTMLMetadata.withoutSiteName(raw)
        }
        var metadata = ArticleMetadata(
            title: title.map(TextNormalizer.collapse), url: url,
            outlet: siteName ?? url.flatMap(ArticleMetadata.host(of:)),
            published: nil, byline: author.map(TextNormalizer.collapse), modified: modified
        )
        metadata.published = published.flatMap(metadata.publishedValue)
        return metadata
    }

    static func withoutSiteName(_ title: String) -> String {
        let scalars = Array(title.unicodeScalars)
        var index = scalars.count - 2
        while index > 0 {
            if scalars[index - 1] == " ", scalars[index + 1] == " ", "|–—-".unicodeScalars.contains(scalars[index]) {
                return String(String.UnicodeScalarView(scalars[..<(index - 1)]))
            }
            index -= 1
        }
        return title
    }

    /// Reads a metadata element; returns true when the element is consumed (not walked).
    mutating func read(_ node: xmlNodePtr, name: String) -> Bool {
        switch name {
        case "meta":
            readMeta(node)
            return true
        case "link":
            if HTMLNode.attribute(node, "rel")?.lowercased() == "canonical", let href = HTMLNode.attribute(node, "href") {
                url = url ?? href
            }
            return true
        case "title":
            documentTitle = documentTitle ?? TextNormalizer.collapse(HTMLNode.text(of: node))
            return true
        case "script":
            if HTMLNode.attribute(node, "type")?.lowercased() == "application/ld+json" {
                readLinkedData(HTMLNode.text(of: node, limit: 256 << 10))
            }
            return true
        case "time":
            if published == nil, let stamp = HTMLNode.attribute(node, "datetime") { published = stamp }
            return false
        default:
            return false
        }
    }

    private mutating func readMeta(_ node: xmlNodePtr) {
        guard let content = HTMLNode.attribute(node, "content"), !content.isEmpty else { return }
        let key = (HTMLNode.attribute(node, "property") ?? HTMLNode.attribute(node, "name")
            ?? HTMLNode.attribute(node, "itemprop") ?? "").lowercased()
        switch key {
        case "og:title", "twitter:title": ogTitle = ogTitle ?? content
        case "og:url": url = url ?? content
        case "og:site_name", "application-name": siteName = siteName ?? content
        case "article:published_time", "datepublished", "date", "pubdate", "publish-date", "publishdate",
             "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date", "og:published_time":
            published = published ?? content
        case "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified",
             "last-modified", "lastmod":
            modified = modified ?? content
        case "author", "article:author", "byline", "dc.creator", "parsely-author", "sailthru.author":
            if !content.hasPrefix("http") { author = author ?? content }
        default: break
        }
    }

    private mutating func readLinkedData(_ json: String) {
        guard let value = try? JSONParser.parse(Substring(json), maximumDepth: 32) else { return }
        var objects = [value]
        if case .array(let items) = value { objects = items }
        if let graph = value.member(["@graph"]), case .array(let items) = graph { objects += items }
        for object in objects {
            if published == nil, let date = object.member(["datepublished"])?.text { published = date }
            if modified == nil, let date = object.member(["datemodified"])?.text { modified = date }
            if author == nil, let name = object.member(["author"])?.text { author = name }
            if siteName == nil, let name = object.member(["publisher"])?.text { siteName = name }
            if ogTitle == nil, let headline = object.member(["headline"])?.text { ogTitle = headline }
        }
    }
}
