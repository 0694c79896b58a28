/// Metadata from a page's head and markup: schema.org JSON-LD first, then Open Graph and
/// `article:*` meta tags, the canonical link, `<title>`, `<time datetime>` and `<html lang>`.
/// JSON-LD also gives the declared body (`articleBody`, a live blog's updates), which the
/// main-content finder weighs against the page's own markup.
struct HTMLMetadata {
    var linkedData = LinkedData()
    var ogTitle: String?
    var documentTitle: String?
    var canonical: String?
    var ogURL: String?
    var siteName: String?
    var published: String?
    var modified: String?
    var timeElement: String?
    var authors: [String] = []
    var language: String?
    var ogLocale: String?

    var articleMetadata: ArticleMetadata {
        var title = linkedData.headline ?? ogTitle
        if title == nil, let raw = documentTitle {
            // "Headline | Site" and "Headline - Site": drop the site part.
            title = HTMLMetadata.withoutSiteName(raw)
        }
        let url = canonical ?? ogURL ?? linkedData.url
        let names = (linkedData.authors.isEmpty ? authors : linkedData.authors)
            .map(TextNormalizer.collapse).filter { !$0.isEmpty && !$0.hasPrefix("http") }
        var metadata = ArticleMetadata(
            title: title.map(TextNormalizer.collapse).flatMap { $0.isEmpty ? nil : $0 }, url: url,
            outlet: (siteName ?? linkedData.publisher).map(TextNormalizer.collapse) ?? url.flatMap(ArticleMetadata.host(of:)),
            published: nil, byline: names.isEmpty ? nil : names.joined(separator: ", "),
            modified: linkedData.modified ?? modified
        )
        metadata.authors = Self.unique(names)
        metadata.language = (language ?? linkedData.language ?? ogLocale).flatMap(ArticleMetadata.languageTag)
        metadata.published = Self.mostPrecise([linkedData.published, published, timeElement]).flatMap(metadata.publishedValue)
        return metadata
    }

    /// The first date given, or a later source's value for the same day when it is more
    /// precise ("2032-06-12" in JSON-LD, "2032-06-12T09:15:00+02:00" in a meta tag).
    static func mostPrecise(_ values: [String?]) -> String? {
        let given = values.compactMap { $0 }.filter { !$0.isEmpty }
        guard let first = given.first else { return nil }
        return given.first { $0.count > first.count && $0.hasPrefix(first) } ?? first
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
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

    /// `<html lang>` (or `xml:lang`).
    mutating func readLanguage(_ attributes: TagAttributes) {
        guard language == nil else { return }
        if let lang = attributes.value("lang") ?? attributes.value("xml:lang"), !lang.isEmpty { language = lang }
    }

    mutating func readLink(_ attributes: TagAttributes) {
        guard canonical == nil, attributes.value("rel")?.lowercased() == "canonical",
              let href = attributes.value("href"), !href.isEmpty else { return }
        canonical = href
    }

    mutating func readTitle(_ text: String) {
        documentTitle = documentTitle ?? TextNormalizer.collapse(text)
    }

    mutating func readTime(_ attributes: TagAttributes) {
        if timeElement == nil, let stamp = attributes.value("datetime"), !stamp.isEmpty { timeElement = stamp }
    }

    mutating func readMeta(_ attributes: TagAttributes) {
        guard let content = attributes.value("content"), !content.isEmpty else { return }
        if let equivalent = attributes.value("http-equiv")?.lowercased() {
            if equivalent == "content-language" { language = language ?? content }
            return
        }
        let key = (attributes.value("property") ?? attributes.value("name") ?? attributes.value("itemprop") ?? "")
            .lowercased()
        switch key {
        case "og:title", "twitter:title": ogTitle = ogTitle ?? content
        case "og:url": ogURL = ogURL ?? content
        case "og:site_name", "application-name": siteName = siteName ?? content
        case "og:locale": ogLocale = ogLocale ?? content
        case "language", "dc.language", "content-language": language = language ?? content
        case "article:published_time", "datepublished", "date", "pubdate", "publish-date", "publishdate",
             "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date", "og:published_time":
            published = published ?? content
        case "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified",
             "last-modified", "lastmod":
            modified = modified ?? content
        case "author", "article:author", "byline", "dc.creator", "parsely-author", "sailthru.author":
            if !content.hasPrefix("http"), !authors.contains(content) { authors.append(content) }
        default: break
        }
    }
}
