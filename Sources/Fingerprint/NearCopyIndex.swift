/// An in-memory index of article fingerprints that answers "which articles we have might
/// this new one copy, or be a version of?" with candidates for an exact comparison.
///
/// Layout, per article: an 8-byte content-hash prefix, a 4-byte shingle count, the 8-bit
/// signature (128 bytes at 128 permutations) in one flat array, and `bands` postings in
/// one `BandTable`. That is about 140 + 24 × 10–13 ≈ 380–455 bytes at the defaults, with no
/// per-article objects.
///
/// Exact copies need no posting of their own: the same text has the same shingles, so it
/// shares every band key, and the band lookups meet it. Only a text without a single
/// shingle (no band keys) is posted under a key made from its content hash.
///
/// Candidate search is tuned to containment, not only to the near threshold: a copy cut to
/// half its length has Jaccard ≈ 0.4–0.5 with the original, far below 0.8, so bands of one
/// row each (24 bands) are used. Two texts share a candidate band with probability
/// 1 − (1 − J)²⁴: 0.999 at J = 0.25, the lowest Jaccard at which a copy of 40% of an
/// article still has 80% containment, and 0.995 at J = 0.2. Unrelated articles (J ≈ 0) almost never share a
/// minimum; articles on the same story (J ≈ 0.01–0.05) sometimes do, and are then rejected
/// by the full-signature estimate, which costs 128 compares, or by the exact comparison
/// of their texts (`ShingleOverlap`) when the estimate errs high.
///
/// A value type that is `Sendable`: one owner inserts; copies are snapshots.
public struct NearCopyIndex: Sendable {
    public let parameters: FingerprintParameters
    private(set) var contentPrefixes = [UInt64]()
    private(set) var shingleCounts = [UInt32]()
    private(set) var signatures = [UInt8]()
    private(set) var table = BandTable()

    public init(parameters: FingerprintParameters = FingerprintParameters()) throws(FingerprintError) {
        self.parameters = try parameters.validated()
    }

    /// Articles in the index.
    public var count: Int { shingleCounts.count }

    /// Bytes the index's arrays hold (capacity, not just use).
    public var memoryBytes: Int {
        contentPrefixes.capacity * 8 + shingleCounts.capacity * 4 + signatures.capacity + table.memoryBytes
    }

    /// Presizes for `articles` articles, avoiding growth copies during a bulk load.
    public mutating func reserveCapacity(_ articles: Int) {
        contentPrefixes.reserveCapacity(articles)
        shingleCounts.reserveCapacity(articles)
        signatures.reserveCapacity(articles * parameters.permutations)
        table.reserve(postings: articles * parameters.bands)
    }

    /// Adds a fingerprint and returns its ordinal (0, 1, 2, … in insertion order).
    @discardableResult
    public mutating func insert(_ fingerprint: ArticleFingerprint) throws(FingerprintError) -> UInt32 {
        try check(fingerprint)
        guard count < Int(UInt32.max - 1) else { throw .indexFull }
        let ordinal = UInt32(count)
        contentPrefixes.append(fingerprint.contentPrefix)
        shingleCounts.append(fingerprint.shingleCount)
        signatures.append(contentsOf: fingerprint.signature)
        if fingerprint.bandKeys.isEmpty { table.insert(key: exactKey(fingerprint.contentPrefix), ordinal: ordinal) }
        for key in fingerprint.bandKeys { table.insert(key: key, ordinal: ordinal) }
        return ordinal
    }

    /// The earlier articles worth comparing exactly with a new one, the most promising
    /// first, at most `nominationLimit` of them: an exact copy (the earliest of several), and
    /// those whose estimated Jaccard or containment either way reaches the nomination
    /// threshold. An empty answer means a new story.
    ///
    /// In a large index every key's home slot is a cache miss, so the lookups go in two
    /// passes: first the home slots of every band are computed and prefetched, then they are
    /// probed, by which time their lines are arriving together. The articles met are then
    /// checked for an exact copy and estimated, their content prefixes and signatures fetched
    /// together, so that a candidate costs one round of misses, not two.
    public func candidates(for fingerprint: ArticleFingerprint) -> [CopyCandidate] {
        guard fingerprint.signature.count == parameters.permutations else { return [] }
        let prefix = fingerprint.contentPrefix
        let bandKeys = fingerprint.bandKeys.isEmpty ? [exactKey(prefix)] : fingerprint.bandKeys
        var exact: UInt32?
        let met = table.withSlots { slots -> [UInt32] in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: bandKeys.count) { homes in
                for (band, key) in bandKeys.enumerated() {
                    homes[band] = table.home(key)
                    BandTable.prefetch(homes[band], in: slots)
                }
                var met = [UInt32]()
                for (band, key) in bandKeys.enumerated() {
                    BandTable.forEach(key: key, from: homes[band], in: slots) { ordinal in
                        if met.count < Self.candidateLimit {
                            if !met.contains(ordinal) { met.append(ordinal) }
                        } else if contentPrefixes[Int(ordinal)] == prefix, exact.map({ ordinal < $0 }) ?? true {
                            // Past the limit, articles are still checked for an exact copy.
                            exact = ordinal
                        }
                    }
                }
                return met
            }
        }
        guard !met.isEmpty || exact != nil else { return [] }
        // Each candidate's prefix and signature are more misses: overlap them.
        for ordinal in met { prefetchSignature(of: ordinal) }
        for ordinal in met where contentPrefixes[Int(ordinal)] == prefix {
            if exact.map({ ordinal < $0 }) ?? true { exact = ordinal }
        }
        var nominated: [CopyCandidate] = []
        if let exact {
            nominated.append(CopyCandidate(ordinal: exact, exact: true, similarity: 1, newInOld: 1, oldInNew: 1))
        }
        // A text without shingles has only its exact-copy key.
        guard !fingerprint.bandKeys.isEmpty else { return nominated }
        for ordinal in met.sorted() where ordinal != exact {
            if let candidate = estimate(fingerprint, against: ordinal) { nominated.append(candidate) }
        }
        nominated.sort { $0.promise == $1.promise ? $0.ordinal < $1.ordinal : $0.promise > $1.promise }
        return Array(nominated.prefix(Self.nominationLimit))
    }

    /// The most articles a query estimates: a text that shares bands with thousands of others
    /// (a template, a list) would otherwise cost a signature comparison for each.
    static let candidateLimit = 4096

    /// The most candidates a new article is compared with exactly.
    public static let nominationLimit = 8

    private func check(_ fingerprint: ArticleFingerprint) throws(FingerprintError) {
        guard fingerprint.signature.count == parameters.permutations,
              fingerprint.bandKeys.isEmpty || fingerprint.bandKeys.count == parameters.bands else {
            throw .corrupt("signature of \(fingerprint.signature.count) values and \(fingerprint.bandKeys.count) bands")
        }
    }

    private func exactKey(_ prefix: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: StableHash.mix(prefix ^ parameters.seed ^ 0x6578_6163_7400_0000))
    }
}
