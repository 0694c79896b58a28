/// What the boilerplate remover decided about one block, and why; printed by tools that
/// check the remover against real pages.
public struct BlockDecision: Sendable, Equatable {
    public enum Reason: String, Sendable {
        case title, body
        case furniture, byline, caption, legal, sectionStart, authorBio
        case linkList, beforeTitle, duplicateTitle, shortOutOfContext, listAfterMarker, tailAfterMarker
        case lowDensity
        /// A short line that introduces a list of links ("More on this:") or a heading with
        /// nothing of the text after it.
        case listHeading
        /// HTML: outside the container that holds the article.
        case outsideMainContent
        /// HTML: inside the article's container, in a box whose markup names it furniture
        /// (ad, share bar, newsletter, related stories, comments, caption, hidden).
        case furnitureInside
    }

    public var kept: Bool
    public var reason: Reason
}

/// The remover's verdict over a document's blocks.
public struct BoilerplateResult: Sendable, Equatable {
    public var decisions: [BlockDecision]
    public var titleIndex: Int?
    public var byline: String?
}
