/// What the index needs to know about one article: its content hash, the size of its
/// shingle set, its MinHash signature and its LSH band keys.
public struct ArticleFingerprint: Sendable, Equatable, Hashable {
    /// SHA-256 of the normalized main text.
    public var contentDigest: [UInt8]
    /// Word shingles in the text (positions; repeats within one article are rare enough to
    /// ignore): the set size the containment estimate needs.
    public var shingleCount: UInt32
    /// One 8-bit MinHash value per permutation: the low byte of each minimum ("b-bit
    /// minwise hashing", Li & König 2010). Unequal minima collide with probability 1/256,
    /// which the estimator corrects for; it halves the index's largest array against 16 bits
    /// and leaves room for more LSH bands, which matter more for finding trimmed copies.
    public var signature: [UInt8]
    /// One 32-bit key per LSH band, hashed from the full-width minima of the band's rows.
    public var bandKeys: [UInt32]

    public init(contentDigest: [UInt8], shingleCount: UInt32, signature: [UInt8], bandKeys: [UInt32]) {
        self.contentDigest = contentDigest
        self.shingleCount = shingleCount
        self.signature = signature
        self.bandKeys = bandKeys
    }

    /// The content id: the digest in lowercase hex.
    public var contentID: String {
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in contentDigest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The first eight digest bytes as a number: what the index keeps to recognise exact copies.
    var contentPrefix: UInt64 {
        if contentDigest.count >= 8 {
            return contentDigest.withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)) }
        }
        var prefix: UInt64 = 0
        for byte in contentDigest { prefix = prefix << 8 | UInt64(byte) }
        return prefix
    }
}
