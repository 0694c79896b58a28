/// Reads scraper records: a JSON object (or an array of them, or one per line for JSON
/// Lines) with the article body under a common key and its metadata beside it.
enum JSONRecordReader {
    static let bodyKeys = ["text", "content", "body", "article", "articlebody", "article_body",
                           "full_text", "fulltext", "maintext", "story", "html"]
    static let titleKeys = ["title", "headline"]
    static let urlKeys = ["url", "canonical_url", "canonicalurl", "link", "source_url", "permalink"]
    static let dateKeys = ["published", "published_at", "publishedat", "date_published", "datepublished",
                           "pubdate", "publish_date", "date", "created_at", "timestamp"]
    /// Times the record was updated or fetched: not its publication, but no earlier.
    static let modifiedKeys = ["updated", "updated_at", "updatedat", "modified", "modified_at", "date_modified",
                               "datemodified", "last_modified", "scraped_at", "crawled_at", "fetched_at",
                               "retrieved_at", "downloaded_at"]
    static let bylineKeys = ["byline", "author", "authors", "creator"]
    static let outletKeys = ["outlet", "site_name", "sitename", "source", "publisher", "site", "domain"]

    static func read(
        _ text: String, lines: Bool, limit: Int, maximumDepth: Int
    ) throws(ArticleTextError) -> [DocumentDraft] {
        var records = [JSONValue]()
        if lines {
            var firstError: ArticleTextError?
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) where records.count < limit {
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                do {
                    records.append(try JSONParser.parse(line, maximumDepth: maximumDepth))
                } catch {
                    if firstError == nil { firstError = error }
                }
            }
            if records.isEmpty {
                // A pretty-printed single record looks like lines to the sniffer.
                records = try recordsOf(JSONParser.parse(Substring(text), maximumDepth: maximumDepth))
            }
        } else {
            records = try recordsOf(JSONParser.parse(Substring(text), maximumDepth: maximumDepth))
        }
        var drafts = [DocumentDraft]()
        for record in records.prefix(limit) {
            if let draft = try draft(from: record, maximumDepth: maximumDepth) { drafts.append(draft) }
        }
        guard !drafts.isEmpty else {
            throw .malformed(format: lines ? .jsonLines : .json, reason: "no record with a text, content or body field")
        }
        return drafts
    }

    static func recordsOf(_ value: JSONValue) -> [JSONValue] {
        switch value {
        case .array(let values): return values
        case .object:
            if case .array(let values)? = value.member(["articles", "items", "records", "data"]) { return values }
            return [value]
        default: return []
        }
    }

    static func draft(from record: JSONValue, maximumDepth: Int) throws(ArticleTextError) -> DocumentDraft? {
        guard let body = record.member(bodyKeys)?.text, !body.isEmpty else { return nil }
        var draft: DocumentDraft
        if looksLikeHTML(body) {
            draft = try HTMLReader.read(body, maximumDepth: maximumDepth)
        } else {
            draft = DocumentDraft(blocks: PlainTextReader.blocks(from: body, markdown: false))
        }
        var metadata = draft.metadata
        if let title = record.member(titleKeys)?.text.map(TextNormalizer.collapse), !title.isEmpty {
            metadata.title = title
            if !draft.blocks.contains(where: { $0.text == title }) {
                draft.prependTitle(title)
            }
        }
        if let url = record.member(urlKeys)?.text { metadata.url = url }
        if let modified = record.member(modifiedKeys)?.text { metadata.modified = modified }
        if let raw = record.member(dateKeys)?.text { metadata.published = metadata.publishedValue(raw) }
        if let byline = record.member(bylineKeys)?.text { metadata.byline = TextNormalizer.collapse(byline) }
        if let outlet = record.member(outletKeys)?.text { metadata.outlet = outlet }
        draft.metadata = metadata
        return draft
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.utf8.prefix(2048)
        guard let first = head.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return false }
        if first == UInt8(ascii: "<") { return true }
        return String(decoding: head, as: UTF8.self).contains("</p>")
    }
}
