/// Names one figure in the record: the claim it belongs to and its place among the
/// claim's figures (from 0, as in the `figures` array of `claim.extracted`).
public struct FigureRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var claim: String
    public var index: Int

    public init(claim: String, index: Int) {
        self.claim = claim
        self.index = index
    }

    /// `claim#index`, the form the CLI prints and `--json` uses.
    public var description: String { "\(claim)#\(index)" }

    public static func < (left: FigureRef, right: FigureRef) -> Bool {
        left.claim == right.claim ? left.index < right.index : left.claim < right.claim
    }
}
