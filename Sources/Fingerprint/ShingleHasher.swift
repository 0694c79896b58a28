import ArticleText

/// Word k-shingles over the fingerprint tokens, each hashed to 64 bits: every token is
/// hashed once, and a shingle's hash combines the hashes of its k tokens, each rotated by
/// its position (so order matters), then avalanched.
enum ShingleHasher {
    static func forEachShingle(in text: String, size: Int, seed: UInt64, _ body: (UInt64) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size) { window in
            window.initialize(repeating: 0)
            var seen = 0
            var slot = 0
            FingerprintTokenizer.forEachToken(in: text) { token in
                window[slot] = StableHash.hashPadded(token, seed: seed)
                slot += 1
                if slot == size { slot = 0 }
                seen += 1
                // After the increment, `slot` is the oldest token's position in the ring.
                if seen >= size { body(shingle(window, oldest: slot, size: size, seed: seed)) }
            }
            // A text shorter than one shingle is a single shingle of all its tokens.
            if seen > 0, seen < size {
                body(shingle(UnsafeMutableBufferPointer(rebasing: window[0..<seen]), oldest: 0, size: seen, seed: seed))
            }
        }
    }

    @inline(__always)
    static func shingle(_ window: UnsafeMutableBufferPointer<UInt64>, oldest: Int, size: Int, seed: UInt64) -> UInt64 {
        var combined = seed ^ UInt64(size)
        var position = oldest
        for offset in 0..<size {
            combined ^= window[position].rotated(by: offset * 13)
            position += 1
            if position == size { position = 0 }
        }
        return StableHash.mix(StableHash.fold(combined, StableHash.prime1))
    }
}

extension UInt64 {
    @inline(__always)
    func rotated(by count: Int) -> UInt64 {
        let shift = UInt64(count & 63)
        return shift == 0 ? self : (self << shift) | (self >> (64 - shift))
    }
}
