/// What a reader learned about an article besides its blocks.
struct ArticleMetadata: Sendable, Equatable {
    var title: String?
    var url: String?
    var outlet: String?
    var published: String?
    var byline: String?
    /// When the page was last modified or fetched: never the published date itself, but
    /// the year a dateline without one is completed with (`YearlessDate`).
    var modified: String?

    /// A published value as the source wrote it: a date with a year becomes ISO 8601; a
    /// month and day alone gets its year from the URL or `modified`, or is dropped; anything
    /// else is kept as written.
    func publishedValue(_ raw: String) -> String? {
        if let date = DateFinder.firstDate(in: raw) { return date }
        if let monthDay = YearlessDate.inDateLine(raw) { return monthDay.completed(url: url, laterDate: modified) }
        return raw
    }

    /// The host of an http(s) URL without a leading "www.", as the outlet of last resort.
    static func host(of url: String) -> String? {
        var rest = Substring(url)
        for scheme in ["https://", "http://", "//"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            break
        }
        guard rest.count < url.count else { return nil }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }.lowercased()
        guard host.contains(".") else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}

/// Blocks plus metadata: a reader's whole output.
struct DocumentDraft: Sendable {
    var blocks: [TextBlock]
    var metadata = ArticleMetadata()
}
