/// A candidate paragraph as a reader found it, before boilerplate removal.
public struct TextBlock: Sendable, Equatable {
    /// What the source said the block is; HTML knows headings and list items, plain text
    /// and markdown know less.
    public enum Role: Sendable, Equatable {
        case paragraph
        case heading
        /// The page's own headline (an HTML `h1` or a record's title).
        case title
        case listItem
    }

    /// The block's text, whitespace collapsed and NFC.
    public var text: String
    public var role: Role
    /// Share of the text inside links (0 for plain text): navigation and "read more" lists
    /// are mostly links, body paragraphs hardly ever.
    public var linkDensity: Double

    public init(text: String, role: Role = .paragraph, linkDensity: Double = 0) {
        self.text = text
        self.role = role
        self.linkDensity = linkDensity
    }
}
