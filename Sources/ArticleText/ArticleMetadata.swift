/// What a reader learned about an article besides its blocks.
struct ArticleMetadata: Sendable, Equatable {
    var title: String?
    var url: String?
    var outlet: String?
    var published: String?
    var byline: String?

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
