import ArticleText

/// What makes two claims the same report: the same sentence, the same proposition and the
/// same claimant, compared on their fingerprint tokens (case, punctuation, quote style and
/// spacing ignored), hashed to 64 bits. A sentence can hold several claims ("… said A, and
/// B estimated …"), so the sentence alone is not enough.
struct ClaimKey: Hashable, Sendable {
    let value: UInt64

    init(value: UInt64) { self.value = value }

    init(sentence: String, content: String?, claimant: String?) {
        var hasher = TokenHasher()
        FingerprintTokenizer.scan(sentence, into: &hasher)
        hasher.mark()
        if let content { FingerprintTokenizer.scan(content, into: &hasher) }
        hasher.mark()
        if let claimant { FingerprintTokenizer.scan(claimant, into: &hasher) }
        value = hasher.hash
    }
}

/// FNV-1a over tokens' bytes, each token closed by a separator byte that no token holds.
struct TokenHasher: FingerprintTokenSink {
    private(set) var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    private mutating func byte(_ value: UInt8) {
        hash ^= UInt64(value)
        hash = hash &* 0x0000_0100_0000_01B3
    }

    mutating func append(_ bytes: UInt64, count: Int) {
        for index in 0..<count { byte(UInt8(truncatingIfNeeded: bytes >> UInt64(index * 8))) }
    }

    mutating func endToken() { byte(0x00) }

    /// Closes a part of the key, so that words cannot slide from one part into the next.
    mutating func mark() { byte(0xFF) }
}
