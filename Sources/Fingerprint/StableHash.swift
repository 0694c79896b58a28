/// A fixed, seeded 64-bit hash for shingles (never Swift's `Hasher`, which is seeded per
/// process: fingerprints must compare across runs and machines). The construction follows
/// the wyhash idea: fold the 128-bit product of the state and each 8-byte word.
enum StableHash {
    static let prime0: UInt64 = 0xa076_1d64_78bd_642f
    static let prime1: UInt64 = 0xe703_7ed1_a0b4_28db
    static let prime2: UInt64 = 0x8ebc_6af0_9c88_c6e3

    @inline(__always)
    static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// The murmur3 finalizer: a bijective avalanche of one word.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    /// Like `hash`, for buffers from `FingerprintTokenizer`, which guarantees 8 readable
    /// bytes past the end: the tail is one masked load instead of a byte loop. The result
    /// equals `hash` of the same bytes.
    @inline(__always)
    static func hashPadded(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        guard let base = bytes.baseAddress else { return hash(bytes, seed: seed) }
        var state = seed ^ prime0
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            state = fold(state ^ word, prime1)
            index += 8
        }
        let remaining = count - index
        var tail: UInt64 = 0
        if remaining > 0 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            tail = word & (UInt64.max >> UInt64(64 - remaining * 8))
        }
        state = fold(state ^ tail ^ (UInt64(count) << 56), prime2)
        return mix(state)
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var state = seed ^ prime0
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return mix(state) }
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            state = fold(state ^ word, prime1)
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        state = fold(state ^ tail ^ (UInt64(count) << 56), prime2)
        return mix(state)
    }
}
