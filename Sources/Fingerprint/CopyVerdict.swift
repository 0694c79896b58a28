/// The index's answer for a new article that copies an earlier one.
public struct CopyVerdict: Sendable, Equatable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Same normalized text (same content id).
        case exact
        /// Estimated Jaccard similarity at or above the near threshold.
        case near
        /// One text is (mostly) inside the other: a trimmed copy, or a fuller version.
        case contained
    }

    /// For `contained`: which text lies inside which.
    public enum Direction: String, Sendable, Codable {
        /// The new article is a trimmed copy of the earlier one.
        case newInEarlier
        /// The new article contains the earlier, shorter one (the full version arriving after
        /// a trimmed copy). Still reported as a copy of the earlier article: the story is
        /// known, and its claims were extracted already.
        case earlierInNew
    }

    public var kind: Kind
    /// The ordinal of the earlier article, as `NearCopyIndex.insert` returned it.
    public var original: UInt32
    /// Estimated Jaccard similarity of the two shingle sets.
    public var similarity: Double
    /// Estimated share of the shorter text's shingles found in the longer one.
    public var containment: Double
    public var direction: Direction?

    public init(kind: Kind, original: UInt32, similarity: Double, containment: Double, direction: Direction? = nil) {
        self.kind = kind
        self.original = original
        self.similarity = similarity
        self.containment = containment
        self.direction = direction
    }
}
