/// Turns a reader's draft into an `Article`: boilerplate removal, the stored text with its
/// paragraph and sentence offsets, and metadata filled in from the text where the source
/// gave none.
enum ArticleAssembler {
    static func assemble(
        _ draft: DocumentDraft, format: ArticleFormat, encoding: SourceEncoding
    ) throws(ArticleTextError) -> Article {
        let result = draft.judged ?? BoilerplateRemover.classify(draft.blocks)
        var paragraphs = [TextSpan]()
        var sentences = [TextSpan]()
        var text = ""
        var offset = 0
        var headed = 0
        if draft.titleFromMetadata, let title = draft.metadata.title {
            headed = 1
            let length = UTF8Bytes.scalarCount(title)
            paragraphs.append(TextSpan(text: title, start: 0, end: length))
            sentences += SentenceSplitter.split(title, startingAt: 0)
            text = title
            offset = length
        }
        for (index, block) in draft.blocks.enumerated() where result.decisions[index].kept {
            if !paragraphs.isEmpty {
                text += "\n\n"
                offset += 2
            }
            let length = UTF8Bytes.scalarCount(block.text)
            paragraphs.append(TextSpan(text: block.text, start: offset, end: offset + length))
            sentences += SentenceSplitter.split(block.text, startingAt: offset)
            text += block.text
            offset += length
        }
        guard paragraphs.count > headed else { throw .noText }

        var metadata = draft.metadata
        if let title = result.titleIndex {
            let headline = draft.blocks[title].text
            // An og:title or JSON-LD headline that is the page's headline with the site's name
            // added ("Headline - The Outlet") gives way to the headline.
            if metadata.title.map({ Self.addsSiteName($0, to: headline) }) ?? true { metadata.title = headline }
        }
        if metadata.byline == nil { metadata.byline = result.byline }
        if metadata.published == nil { metadata.published = publishedFromText(draft.blocks, result, metadata) }
        if metadata.outlet == nil, let url = metadata.url { metadata.outlet = ArticleMetadata.host(of: url) }
        return Article(
            format: format, encoding: encoding, title: metadata.title, url: metadata.url,
            outlet: metadata.outlet, published: metadata.published, byline: metadata.byline,
            text: text, paragraphs: paragraphs, sentences: sentences,
            wordCount: WordTokenizer.count(in: text),
            modified: metadata.modified, authors: metadata.authors, language: metadata.language
        )
    }

    /// A date line near the top ("Published April 9, 2025"), or a dateline opening the first
    /// body paragraph ("KYIV, April 9, 2025 (Reuters) —"). Failing a date with a year, the
    /// same places may give a month and day ("Tuesday, March 4", "KYIV, March 4 —"), which
    /// counts only with a year from the metadata (`YearlessDate`).
    static func publishedFromText(_ blocks: [TextBlock], _ result: BoilerplateResult, _ metadata: ArticleMetadata) -> String? {
        guard let firstBody = result.decisions.firstIndex(where: { $0.kept && $0.reason == .body }) else {
            return nil
        }
        let dateLines = (0..<firstBody).filter {
            !result.decisions[$0].kept && blocks[$0].text.unicodeScalars.count <= 80
        }
        for index in dateLines {
            if let date = DateFinder.firstDate(in: blocks[index].text) { return date }
        }
        let opening = String(blocks[firstBody].text.unicodeScalars.prefix(60))
        if let date = DateFinder.firstDate(in: opening) { return date }
        // A page may keep a bare "Tuesday, March 4" as its first paragraph: a short one counts as a date line.
        let shortFirst = blocks[firstBody].text.unicodeScalars.count <= 80 ? [firstBody] : []
        let monthDay = (dateLines + shortFirst).lazy.compactMap { YearlessDate.inDateLine(blocks[$0].text) }.first
            ?? YearlessDate.inDateline(opening)
        return monthDay?.completed(url: metadata.url, laterDate: metadata.modified)
    }

    /// Whether a title is the headline with a site's name before or after it, set off by a
    /// spaced bar or dash ("Headline | Outlet", "Outlet – Headline").
    static func addsSiteName(_ title: String, to headline: String) -> Bool {
        guard headline.count >= 8, title.count > headline.count else { return false }
        let rest: Substring
        if title.hasPrefix(headline) {
            rest = title.dropFirst(headline.count)
        } else if title.hasSuffix(headline) {
            rest = title.dropLast(headline.count)
        } else {
            return false
        }
        guard rest.first == " " || rest.last == " ", rest.count < headline.count else { return false }
        let marks = String(rest.filter { $0 != " " })
        return ["|", "-", "–", "—", "·", "::"].contains { marks.hasPrefix($0) || marks.hasSuffix($0) }
    }
}
