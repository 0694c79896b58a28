/// A small, fast, seeded generator (Steele et al.'s SplitMix64): the benchmarks and the
/// generated test inputs are the same from the same seed, run after run. Not for anything
/// that needs unpredictability.
package struct SplitMix64: Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (0 when the bound is not positive).
    package mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    /// A byte, from the high bits.
    package mutating func nextByte() -> UInt8 { UInt8(truncatingIfNeeded: next() >> 56) }
}
