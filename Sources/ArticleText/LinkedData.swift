/// What a page's schema.org JSON-LD says about its article: the first object of an
/// article type (NewsArticle, BlogPosting, LiveBlogPosting, …, or any with a headline),
/// searched through arrays and `@graph`.
struct LinkedData {
    var headline: String?
    var published: String?
    var modified: String?
    var authors: [String] = []
    var publisher: String?
    var url: String?
    var language: String?
    /// `articleBody` (or `text`) of the article object, or a live blog's updates joined.
    var body: String?
    private var foundArticle = false

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting", "scholarlyarticle",
        "techarticle", "report", "socialmediaposting", "posting",
    ]

    mutating func read(_ json: String) {
        guard let value = try? JSONParser.parse(Substring(json), maximumDepth: 32) else { return }
        var queue = [value]
        var visited = 0
        while !queue.isEmpty, visited < 200 {
            let object = queue.removeFirst()
            visited += 1
            switch object {
            case .array(let items): queue += items
            case .object:
                if let graph = object.member(["@graph"]) { queue.append(graph) }
                take(object)
            default: break
            }
        }
    }

    private mutating func take(_ object: JSONValue) {
        let types = Self.types(of: object)
        let isArticle = !types.isDisjoint(with: Self.articleTypes)
        // Breadcrumbs, organizations and web sites carry names and dates of their own.
        guard isArticle || (!foundArticle && object.member(["headline"]) != nil) else {
            if publisher == nil, types.contains("organization") || types.contains("newsmediaorganization") {
                publisher = object.member(["name"])?.text
            }
            return
        }
        if isArticle, !foundArticle {
            // The first article object wins over anything read from a non-article one.
            foundArticle = true
            headline = nil
            published = nil
            modified = nil
            authors = []
        }
        headline = headline ?? object.member(["headline", "name"])?.text
        published = published ?? object.member(["datepublished", "datecreated"])?.text
        modified = modified ?? object.member(["datemodified"])?.text
        if authors.isEmpty { authors = Self.names(object.member(["author", "creator"])) }
        if let name = object.member(["publisher"]).flatMap({ Self.names($0).first }) { publisher = publisher ?? name }
        url = url ?? object.member(["url"])?.text ?? object.member(["mainentityofpage"]).flatMap(Self.identifier)
        language = language ?? object.member(["inlanguage"])?.text
        if body == nil {
            if let text = object.member(["articlebody", "text"])?.text, !text.isEmpty {
                body = text
            } else if case .array(let updates)? = object.member(["liveblogupdate"]) {
                let parts = updates.compactMap { $0.member(["articlebody", "text"])?.text }.filter { !$0.isEmpty }
                if !parts.isEmpty { body = parts.joined(separator: "\n\n") }
            }
        }
    }

    static func types(of object: JSONValue) -> Set<String> {
        switch object.member(["@type"]) {
        case .string(let type)?: [type.lowercased()]
        case .array(let items)?: Set(items.compactMap { if case .string(let type) = $0 { type.lowercased() } else { nil } })
        default: []
        }
    }

    /// Names of a person or organization value: a string, an object's `name`, or a list.
    static func names(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let name)?: return name.isEmpty ? [] : [name]
        case .object?: return value?.member(["name"])?.text.map { [$0] } ?? []
        case .array(let items)?: return items.prefix(20).flatMap { names($0) }
        default: return []
        }
    }

    static func identifier(_ value: JSONValue) -> String? {
        if case .string(let url) = value { return url }
        return value.member(["@id", "url"])?.text
    }
}
