/// Everything that shapes a fingerprint. Stored beside persisted fingerprints: when it
/// changes, signatures are no longer comparable and the index must be rebuilt.
public struct FingerprintParameters: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// Words per shingle.
    public var shingleSize: Int = 5
    /// MinHash values per signature (one-permutation hashing bins; a power of two).
    public var permutations: Int = 128
    /// LSH bands and rows per band: the first `bands * rowsPerBand` values are banded.
    public var bands: Int = 24
    public var rowsPerBand: Int = 1
    /// Exact Jaccard at or above which a new article is `near` an earlier one.
    public var nearThreshold: Double = 0.8
    /// Exact share of the new article's body (its text without title lines) that an
    /// earlier one holds in order, at or above which the new one is `trimmed` from it (or,
    /// the other way round, the share of the earlier one inside it for a `fuller` version).
    /// Articles that share one source text with others hold about half of each other, and
    /// two made of the same two texts with light edits of their own 0.7–0.85 of each other;
    /// trimmed wire copies, re-headlined and with a paragraph reworded, keep 0.85 and more.
    public var containmentThreshold: Double = 0.8
    /// A short article may fall short of the containment threshold by one reworded
    /// sentence alone: it is trimmed from an earlier one too when no more than this many of
    /// its body's shingles are missing there, and the earlier one holds at least
    /// `shortContainmentThreshold` of it.
    public var shortCopyAllowance: Int = 25
    public var shortContainmentThreshold: Double = 0.7
    /// The most of a new article's body an earlier one may hold out of order for either to
    /// be a version of the other: two articles made of the same passages in another order
    /// are not copies, while a copy keeps its original's order.
    public var reorderedLimit: Double = 0.1
    /// The index nominates an earlier article for the exact comparison when its estimated
    /// Jaccard, or the estimated share of either text inside the other, reaches this. The
    /// estimate (from 128 values) has a standard error of 0.05–0.1 for copies of 30–50% of
    /// an article, so a nomination well below the exact thresholds misses none of them.
    public var nominationThreshold: Double = 0.55
    /// Containment is only estimated when the shorter text has at least this share of the
    /// longer one's shingles: below it a 128-value signature sees too little of the short
    /// text to tell a copy from shared phrases.
    public var minimumLengthRatio: Double = 0.2
    /// Fewest matching signature values for any copy verdict but `exact`.
    public var minimumMatches: Int = 8
    public var seed: UInt64 = 0x636c_6169_6d77_6174

    public init() {}

    public var description: String {
        "k=\(shingleSize) permutations=\(permutations) bands=\(bands)x\(rowsPerBand) near=\(nearThreshold) "
            + "containment=\(containmentThreshold) nomination=\(nominationThreshold) ratio=\(minimumLengthRatio) matches=\(minimumMatches) seed=\(seed)"
    }

    public func validated() throws(FingerprintError) -> FingerprintParameters {
        guard shingleSize >= 1, shingleSize <= 16 else { throw .invalidParameters("shingle size must be 1…16") }
        guard permutations >= 16, permutations <= 1024, permutations & (permutations - 1) == 0 else {
            throw .invalidParameters("permutations must be a power of two in 16…1024")
        }
        guard bands >= 1, rowsPerBand >= 1, bands * rowsPerBand <= permutations else {
            throw .invalidParameters("bands × rows must not exceed the permutations")
        }
        guard (0...1).contains(nearThreshold), (0...1).contains(containmentThreshold),
              (0...1).contains(minimumLengthRatio),
              (0...1).contains(nominationThreshold),
              (0...1).contains(reorderedLimit), (0...1).contains(shortContainmentThreshold), shortCopyAllowance >= 0 else {
            throw .invalidParameters("thresholds must lie in 0…1")
        }
        return self
    }

    /// A stable digest of the parameters, written into serialized fingerprints.
    var digest: UInt64 {
        var hash = StableHash.mix(seed)
        for value in [shingleSize, permutations, bands, rowsPerBand] {
            hash = StableHash.mix(hash ^ UInt64(value))
        }
        return hash
    }
}
