/// How two texts' shingles overlap, counted exactly: what a copy verdict is confirmed on
/// once the index's estimate has nominated a candidate.
///
/// Containment is counted in order (the shingles one text holds of the other in the same
/// order, `ShingleSequence.inOrder`): a trimmed or syndicated copy keeps its original's
/// order, while two articles that hold the same passages in another order do not copy
/// each other. The new text's share is measured on its body, without the lines that read
/// as titles, since a copy's new headline says nothing about what it copies.
public struct ShingleOverlap: Sendable, Equatable, Hashable {
    /// Distinct shingles of the new text and of the earlier one.
    public var newCount: Int
    public var oldCount: Int
    /// Distinct shingles the two share, in any order.
    public var shared: Int
    /// Shingles of the new text the earlier holds in the same order.
    public var sharedInOrder: Int
    /// The new text's body: its distinct shingles, those the earlier text holds in any
    /// order, and those it holds in order.
    public var bodyCount: Int
    public var bodyShared: Int
    public var bodyInOrder: Int

    public init(newCount: Int, oldCount: Int, shared: Int, sharedInOrder: Int? = nil, bodyCount: Int? = nil,
                bodyShared: Int? = nil, bodyInOrder: Int? = nil) {
        self.newCount = newCount
        self.oldCount = oldCount
        self.shared = shared
        self.sharedInOrder = sharedInOrder ?? shared
        self.bodyCount = bodyCount ?? newCount
        self.bodyShared = bodyShared ?? shared
        self.bodyInOrder = bodyInOrder ?? sharedInOrder ?? shared
    }

    /// |A ∩ B| / |A ∪ B|.
    public var jaccard: Double {
        let union = newCount + oldCount - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
    }

    /// The share of the new text's body the earlier text holds in order.
    public var newInOld: Double { bodyCount == 0 ? 1 : min(1, Double(bodyInOrder) / Double(bodyCount)) }

    /// The share of the earlier text the new one holds in order.
    public var oldInNew: Double { oldCount == 0 ? 1 : min(1, Double(sharedInOrder) / Double(oldCount)) }

    /// The share of the new text's body that the earlier text holds, but not in order:
    /// passages the two hold in another order.
    public var reordered: Double { bodyCount == 0 ? 0 : Double(max(0, bodyShared - bodyInOrder)) / Double(bodyCount) }

    /// The same for the earlier text, inside the new one.
    public var reorderedOld: Double { oldCount == 0 ? 0 : Double(max(0, shared - sharedInOrder)) / Double(oldCount) }
}

/// What a new article is to one earlier article, judged on their exact shingle sets.
public struct CopyRelation: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The same normalized text.
        case exact
        /// Jaccard at or above the near threshold, and in the earlier text's order: the same
        /// text re-headlined, reformatted or lightly edited.
        case near
        /// The new text lies inside the earlier one, in order (a trimmed copy), without
        /// being near it.
        case trimmed
        /// The earlier text lies inside the new one, in order, and the new one holds more:
        /// a fuller version.
        case fuller
        /// They share text, but neither lies inside the other.
        case partial
    }

    public var kind: Kind
    /// The earlier article's ordinal in the index.
    public var ordinal: UInt32
    public var overlap: ShingleOverlap

    public init(kind: Kind, ordinal: UInt32, overlap: ShingleOverlap) {
        self.kind = kind
        self.ordinal = ordinal
        self.overlap = overlap
    }

    /// The new article is a version of the earlier one that may add nothing: it lies (almost)
    /// wholly inside it. Whether it is a copy depends on what its other sentences say.
    public var isVersion: Bool { kind == .exact || kind == .near || kind == .trimmed }

    /// The relation the thresholds give an exact overlap.
    public static func judge(_ overlap: ShingleOverlap, ordinal: UInt32, parameters: FingerprintParameters) -> CopyRelation {
        let kind: Kind
        let short = overlap.bodyCount - overlap.bodyInOrder <= parameters.shortCopyAllowance
            && overlap.newInOld >= parameters.shortContainmentThreshold
        let inside = (overlap.newInOld >= parameters.containmentThreshold || short) && overlap.reordered <= parameters.reorderedLimit
        if overlap.jaccard >= parameters.nearThreshold, inside {
            kind = .near
        } else if inside {
            kind = .trimmed
        } else if overlap.oldInNew >= parameters.containmentThreshold, overlap.reorderedOld <= parameters.reorderedLimit,
                  overlap.newCount > overlap.oldCount {
            kind = .fuller
        } else {
            kind = .partial
        }
        return CopyRelation(kind: kind, ordinal: ordinal, overlap: overlap)
    }

    /// Which relation speaks for the new article first: a near version before a trimmed one,
    /// then the larger share of the new text inside the earlier one.
    public static func ranks(_ left: CopyRelation, above right: CopyRelation) -> Bool {
        func rank(_ kind: Kind) -> Int {
            switch kind {
            case .exact: 0
            case .near: 1
            case .trimmed: 2
            case .fuller: 3
            case .partial: 4
            }
        }
        if rank(left.kind) != rank(right.kind) { return rank(left.kind) < rank(right.kind) }
        if left.overlap.jaccard != right.overlap.jaccard { return left.overlap.jaccard > right.overlap.jaccard }
        return left.ordinal < right.ordinal
    }
}
