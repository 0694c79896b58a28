import CSHA256

/// SHA-256 as specified in FIPS 180-4, for content ids. Written here so the pure core has no
/// cryptography dependency; it is checked against the standard test vectors.
///
/// On x86-64 processors with the SHA extensions the compression function runs on them
/// (`CSHA256`, several times faster); everywhere else, and in tests that ask for it, the portable
/// Swift one below runs. The framing (padding, length, digest bytes) is shared.
///
/// The portable compression function is written for the compiler: eight rounds per loop turn with the working variables passed in
/// rotated order (no register shuffling between rounds), the Σ functions in the nested
/// "rotate, xor, rotate" form that needs fewer copies without BMI2, and `hash` compresses
/// whole blocks straight from the caller's buffer with the padding built on the stack.
public struct SHA256: Sendable {
    /// Which compression function runs.
    enum Implementation: Sendable {
        /// The x86 SHA extensions; only where the processor has them.
        case hardware
        /// Plain Swift, on every processor.
        case portable

        /// The fastest this processor offers, asked once.
        static let best: Implementation = claimwatch_sha256_hardware_available() != 0 ? .hardware : .portable
    }

    static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    static let initialState: State = (
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    )

    private var state = SHA256.initialState
    /// Bytes of an incomplete block; allocated only when `update` leaves some over.
    private var pending = [UInt8]()
    private var length: UInt64 = 0
    private let implementation: Implementation

    public init() {
        implementation = .best
    }

    /// A hasher on a chosen compression function, for tests that compare the two.
    init(implementation: Implementation) {
        self.implementation = implementation == .hardware ? .best : .portable
    }

    /// The digest of `bytes` in one call.
    public static func hash<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] {
        hash(bytes, using: .best)
    }

    /// The digest of `bytes` on a chosen compression function (`.hardware` falls back to
    /// `.portable` where the processor lacks the extensions).
    static func hash<C: Collection<UInt8>>(_ bytes: C, using implementation: Implementation) -> [UInt8] {
        let implementation = implementation == .hardware ? Implementation.best : .portable
        if let digest = bytes.withContiguousStorageIfAvailable({ hash(buffer: $0, using: implementation) }) { return digest }
        return Array(bytes).withUnsafeBufferPointer { hash(buffer: $0, using: implementation) }
    }

    /// The one-shot path: full blocks from the buffer in place, then the last one or two
    /// padded blocks from a stack buffer. No heap allocation but the digest.
    static func hash(buffer bytes: UnsafeBufferPointer<UInt8>, using implementation: Implementation) -> [UInt8] {
        var state = initialState
        let whole = bytes.count / 64
        if whole > 0, let base = bytes.baseAddress {
            compress(&state, UnsafeRawPointer(base), blocks: whole, using: implementation)
        }
        let rest = UnsafeBufferPointer(rebasing: bytes[(whole * 64)...])
        finish(&state, rest, length: UInt64(bytes.count), using: implementation)
        return digest(of: state)
    }

    /// Runs `blocks` 64-byte blocks at `base` through the chosen compression function.
    @inline(__always)
    static func compress(_ state: inout State, _ base: UnsafeRawPointer, blocks: Int, using implementation: Implementation) {
        guard implementation == .hardware else { return compressPortably(&state, base, blocks: blocks) }
        // A homogeneous tuple of eight UInt32 is laid out as eight contiguous words.
        withUnsafeMutableBytes(of: &state) { words in
            claimwatch_sha256_compress_hardware(
                words.baseAddress?.assumingMemoryBound(to: UInt32.self),
                base.assumingMemoryBound(to: UInt8.self), blocks)
        }
    }

    public mutating func update<C: Collection<UInt8>>(_ bytes: C) {
        length &+= UInt64(bytes.count)
        if bytes.withContiguousStorageIfAvailable({ absorb($0) }) != nil { return }
        Array(bytes).withUnsafeBufferPointer { absorb($0) }
    }

    private mutating func absorb(_ bytes: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { block in
                if let base = block.baseAddress { Self.compress(&state, base, blocks: 1, using: implementation) }
            }
            pending.removeAll(keepingCapacity: true)
        }
        let blocks = (bytes.count - offset) / 64
        if blocks > 0, let base = bytes.baseAddress {
            Self.compress(&state, UnsafeRawPointer(base + offset), blocks: blocks, using: implementation)
            offset += blocks * 64
        }
        if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
    }

    public mutating func finalize() -> [UInt8] {
        pending.withUnsafeBufferPointer { Self.finish(&state, $0, length: length, using: implementation) }
        pending.removeAll()
        return Self.digest(of: state)
    }

    /// Pads the last `rest` bytes (fewer than 64) with the bit length and compresses them.
    private static func finish(
        _ state: inout State, _ rest: UnsafeBufferPointer<UInt8>, length: UInt64, using implementation: Implementation
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
            tail.initialize(repeating: 0)
            for index in rest.indices { tail[index] = rest[index] }
            tail[rest.count] = 0x80
            let blocks = rest.count < 56 ? 1 : 2
            let bitLength = length &* 8
            for index in 0..<8 {
                tail[blocks * 64 - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(index * 8))
            }
            if let base = tail.baseAddress { compress(&state, UnsafeRawPointer(base), blocks: blocks, using: implementation) }
        }
    }

    private static func digest(of state: State) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            func store(_ word: UInt32, at index: Int) {
                buffer[index * 4] = UInt8(truncatingIfNeeded: word >> 24)
                buffer[index * 4 + 1] = UInt8(truncatingIfNeeded: word >> 16)
                buffer[index * 4 + 2] = UInt8(truncatingIfNeeded: word >> 8)
                buffer[index * 4 + 3] = UInt8(truncatingIfNeeded: word)
            }
            store(state.0, at: 0); store(state.1, at: 1); store(state.2, at: 2); store(state.3, at: 3)
            store(state.4, at: 4); store(state.5, at: 5); store(state.6, at: 6); store(state.7, at: 7)
            count = 32
        }
    }

    @inline(__always)
    private static func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }

    /// One round. The caller rotates the roles of the eight variables instead of moving
    /// them: only `d` and `h` change, becoming the next round's `e` and `a`.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantPlusWord: UInt32
    ) {
        // Σ1(e) = e⋙6 ⊕ e⋙11 ⊕ e⋙25 and Σ0(a) = a⋙2 ⊕ a⋙13 ⊕ a⋙22, nested.
        let sigma1 = rotr(e ^ rotr(e ^ rotr(e, 14), 5), 6)
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ sigma1 &+ choice &+ constantPlusWord
        let sigma0 = rotr(a ^ rotr(a ^ rotr(a, 9), 11), 2)
        // Maj as b ⊕ ((a ⊕ b) ∧ (b ⊕ c)): the next round's (b ⊕ c) is this round's (a ⊕ b).
        let majority = b ^ ((a ^ b) & (b ^ c))
        d &+= t1
        h = t1 &+ sigma0 &+ majority
    }

    /// Runs the portable compression function over `blocks` consecutive 64-byte blocks at
    /// `base`. The message schedule is one stack buffer for all blocks.
    static func compressPortably(_ state: inout State, _ base: UnsafeRawPointer, blocks: Int) {
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        roundConstants.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                for block in 0..<blocks {
                    let pointer = base + block * 64
                    for index in 0..<16 {
                        w[index] = UInt32(bigEndian: pointer.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                    }
                    for index in 16..<64 {
                        let x = w[index - 15], y = w[index - 2]
                        // σ0(x) = x⋙7 ⊕ x⋙18 ⊕ x≫3 and σ1(y) = y⋙17 ⊕ y⋙19 ⊕ y≫10, nested.
                        let s0 = rotr(x ^ rotr(x, 11), 7) ^ (x >> 3)
                        let s1 = rotr(y ^ rotr(y, 2), 17) ^ (y >> 10)
                        w[index] = w[index - 16] &+ s0 &+ w[index - 7] &+ s1
                    }
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    for index in stride(from: 0, to: 64, by: 8) {
                        round(a, b, c, &d, e, f, g, &h, w[index] &+ k[index])
                        round(h, a, b, &c, d, e, f, &g, w[index + 1] &+ k[index + 1])
                        round(g, h, a, &b, c, d, e, &f, w[index + 2] &+ k[index + 2])
                        round(f, g, h, &a, b, c, d, &e, w[index + 3] &+ k[index + 3])
                        round(e, f, g, &h, a, b, c, &d, w[index + 4] &+ k[index + 4])
                        round(d, e, f, &g, h, a, b, &c, w[index + 5] &+ k[index + 5])
                        round(c, d, e, &f, g, h, a, &b, w[index + 6] &+ k[index + 6])
                        round(b, c, d, &e, f, g, h, &a, w[index + 7] &+ k[index + 7])
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                }
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
}
