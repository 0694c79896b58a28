/// An article as the later stages see it: metadata plus the normalized main text, cut into
/// paragraphs and sentences whose offsets count Unicode scalars in `text`.
public struct Article: Sendable, Equatable {
    public var format: ArticleFormat
    public var encoding: SourceEncoding
    public var title: String?
    /// The canonical URL when the page or record names one.
    public var url: String?
    /// The publishing site: `og:site_name`, a record's source, or the URL's host.
    public var outlet: String?
    /// The publication date as ISO 8601 (`2024-04-09` or a full timestamp) when known.
    public var published: String?
    public var byline: String?
    /// When the page says it was last changed, as written (ISO 8601 on most pages).
    public var modified: String?
    /// Each author's name, when the page's metadata lists them (`byline` is their names joined).
    public var authors: [String]
    /// The page's language as a BCP 47 tag ("en", "de-AT"), when its markup says.
    public var language: String?
    /// The main text: headline and body paragraphs separated by one blank line, whitespace
    /// collapsed, NFC, quotes as written. This is what the content id hashes.
    public var text: String
    public var paragraphs: [TextSpan]
    public var sentences: [TextSpan]
    public var wordCount: Int

    public init(
        format: ArticleFormat, encoding: SourceEncoding, title: String?, url: String?,
        outlet: String?, published: String?, byline: String?, text: String,
        paragraphs: [TextSpan], sentences: [TextSpan], wordCount: Int,
        modified: String? = nil, authors: [String] = [], language: String? = nil
    ) {
        self.format = format
        self.encoding = encoding
        self.title = title
        self.url = url
        self.outlet = outlet
        self.published = published
        self.byline = byline
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.wordCount = wordCount
        self.modified = modified
        self.authors = authors
        self.language = language
    }
}

/// A piece of an article's text with its position: `start..<end` in Unicode scalars.
public struct TextSpan: Sendable, Equatable, Hashable, Codable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}
