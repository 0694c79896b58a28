/// An earlier article the index nominates for a new one, with the estimates that got it
/// nominated. An estimate never decides a verdict: the candidate's text is compared
/// exactly first (`ShingleOverlap`).
public struct CopyCandidate: Sendable, Equatable, Hashable {
    /// The earlier article's ordinal, as `NearCopyIndex.insert` returned it.
    public var ordinal: UInt32
    /// Same content hash: the same normalized text.
    public var exact: Bool
    /// Estimated Jaccard similarity of the two shingle sets.
    public var similarity: Double
    /// Estimated share of the new text inside the earlier one, and of the earlier inside the new.
    public var newInOld: Double
    public var oldInNew: Double

    public init(ordinal: UInt32, exact: Bool, similarity: Double, newInOld: Double, oldInNew: Double) {
        self.ordinal = ordinal
        self.exact = exact
        self.similarity = similarity
        self.newInOld = newInOld
        self.oldInNew = oldInNew
    }

    /// How promising it is: candidates are confirmed best first.
    var promise: Double { exact ? 2 : max(similarity, newInOld, oldInNew) }
}
