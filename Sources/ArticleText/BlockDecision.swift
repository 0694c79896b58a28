/// What the boilerplate remover decided about one block, and why; printed by tools that
/// check the remover against real pages.
public struct BlockDecision: Sendable, Equatable {
    public enum Reason: String, Sendable {
        case title, body
        case furniture, byline, caption, legal, sectionStart, authorBio
        case linkList, beforeTitle, duplicateTitle, shortOutOfContext, listAfterMarker, tailAfterMarker
        case lowDensity
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
