import ArticleText

/// Word k-shingles over the fingerprint tokens, each hashed to 64 bits: every token is
/// hashed once, and a shingle's hash folds the hashes of its k tokens in order.
enum ShingleHasher {
    static func forEachShingle(in text: String, size: Int, seed: UInt64, _ body: (UInt64) -> Void) {
        var window = [UInt64](repeating: 0, count: size)
        var seen = 0
        FingerprintTokenizer.forEachToken(in: text) { token in
            window[seen % size] = StableHash.hash(token, seed: seed)
            seen += 1
            if seen >= size { body(shingle(window, newest: seen, size: size, seed: seed)) }
        }
        // A text shorter than one shingle is a single shingle of all its tokens.
        if seen > 0, seen < size { body(shingle(window, newest: seen, size: seen, seed: seed)) }
    }

    @inline(__always)
    static func shingle(_ window: [UInt64], newest: Int, size: Int, seed: UInt64) -> UInt64 {
        let capacity = window.count
        var hash = seed ^ StableHash.prime0 ^ UInt64(size)
        for offset in 0..<size {
            let token = window[(newest - size + offset) % capacity]
            hash = StableHash.fold(hash ^ token, StableHash.prime1 &+ UInt64(offset))
        }
        return StableHash.mix(hash)
    }
}
