import ArticleText

/// Takes the shingle hashes `ShingleScanner` produces.
protocol ShingleSink {
    mutating func add(_ shingle: UInt64)
}

/// Word k-shingles over the fingerprint tokens, each hashed to 64 bits, in the same pass
/// that tokenizes: it is the `FingerprintTokenSink` the tokenizer feeds, a word of bytes at a time.
///
/// Each token is hashed with `StableHash.hash` (computed as the bytes arrive, with the same
/// result), and a shingle's hash combines the hashes of its k tokens, each rotated by 13 ×
/// its position (so order matters), then avalanched. The combination is kept rolling:
/// dropping the oldest token and rotating right by 13 moves every other token down one
/// position, so each shingle costs the same whatever k is, and no token is hashed twice.
struct ShingleScanner<Sink: ShingleSink>: FingerprintTokenSink {
    var sink: Sink
    let size: Int
    let seed: UInt64
    /// The last `size` or more token hashes, indexed by token number masked to the ring's
    /// power-of-two size.
    let ring: UnsafeMutablePointer<UInt64>
    let mask: Int
    /// 13 × (k − 1): the rotation of the newest token in a full window.
    let newestRotation: Int
    var tokens = 0
    /// XOR of the window's token hashes, each rotated by 13 × its position in the window.
    var combined: UInt64 = 0

    // The token being hashed: StableHash's state, the partial 8-byte word, the length.
    var state: UInt64
    var word: UInt64 = 0
    var length = 0

    init(sink: Sink, size: Int, seed: UInt64, ring: UnsafeMutablePointer<UInt64>, mask: Int) {
        self.sink = sink
        self.size = size
        self.seed = seed
        self.ring = ring
        self.mask = mask
        newestRotation = (size &- 1) &* 13
        state = seed ^ StableHash.prime0
    }

    @inline(__always)
    mutating func append(_ bytes: UInt64, count: Int) {
        let used = length & 7
        word |= bytes &<< (used &* 8)
        if used &+ count >= 8 {
            state = StableHash.fold(state ^ word, StableHash.prime1)
            // The bytes that did not fit; none when the word was empty before.
            word = used == 0 ? 0 : bytes &>> (64 &- used &* 8)
        }
        length &+= count
    }

    @inline(__always)
    mutating func endToken() {
        let token = StableHash.mix(StableHash.fold(state ^ word ^ (UInt64(truncatingIfNeeded: length) << 56), StableHash.prime2))
        state = seed ^ StableHash.prime0
        word = 0
        length = 0

        if tokens < size {
            combined ^= token.rotated(by: tokens &* 13)
        } else {
            combined = (combined ^ ring[(tokens &- size) & mask]).rotated(by: 64 - 13) ^ token.rotated(by: newestRotation)
        }
        ring[tokens & mask] = token
        tokens &+= 1
        if tokens >= size { sink.add(shingle(of: size)) }
    }

    /// A text shorter than one shingle is a single shingle of all its tokens.
    mutating func finish() {
        if tokens > 0, tokens < size { sink.add(shingle(of: tokens)) }
    }

    @inline(__always)
    func shingle(of count: Int) -> UInt64 {
        StableHash.mix(StableHash.fold(combined ^ seed ^ UInt64(count), StableHash.prime1))
    }

    /// Runs the tokenizer over `text` with a scanner feeding `sink`, and returns the sink.
    static func hash(_ text: String, size: Int, seed: UInt64, into sink: Sink) -> Sink {
        let size = max(1, size)
        let ringSize = 1 << (Int.bitWidth - (size - 1).leadingZeroBitCount)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: ringSize) { ring in
            ring.initialize(repeating: 0)
            // A temporary allocation of at least one element always has a base address.
            guard let base = ring.baseAddress else { return sink }
            var scanner = ShingleScanner(sink: sink, size: size, seed: seed, ring: base, mask: ringSize - 1)
            FingerprintTokenizer.scan(text, into: &scanner)
            scanner.finish()
            return scanner.sink
        }
    }
}
