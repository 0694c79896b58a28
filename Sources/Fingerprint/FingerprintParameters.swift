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
    /// Estimated Jaccard at or above which a copy is `near`.
    public var nearThreshold: Double = 0.8
    /// Estimated containment at or above which a shorter copy is `contained`. The estimate
    /// (from 128 values) has a standard error of 0.05–0.1 for copies of 30–50% of an
    /// article, so 0.7 on the estimate is what reliably catches true containment ≥ 0.8;
    /// different articles on one story estimate below 0.2.
    public var containmentThreshold: Double = 0.7
    /// Containment is only judged when the shorter text has at least this share of the
    /// longer one's shingles: below it a 128-value signature sees too little of the short
    /// text to tell a copy from shared phrases.
    public var minimumLengthRatio: Double = 0.2
    /// Fewest matching signature values for any copy verdict but `exact`.
    public var minimumMatches: Int = 8
    public var seed: UInt64 = 0x636c_6169_6d77_6174

    public init() {}

    public var description: String {
        "k=\(shingleSize) permutations=\(permutations) bands=\(bands)x\(rowsPerBand) near=\(nearThreshold) "
            + "containment=\(containmentThreshold) ratio=\(minimumLengthRatio) matches=\(minimumMatches) seed=\(seed)"
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
              (0...1).contains(minimumLengthRatio) else {
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
