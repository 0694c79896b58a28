/// One-permutation hashing's step for each shingle: the hash's top bits pick a bin, the rest
/// is the value, and each bin keeps its smallest value. Also counts the shingles.
struct MinimumPerBin: ShingleSink {
    let minima: UnsafeMutableBufferPointer<UInt64>
    let binShift: UInt64
    let valueMask: UInt64
    var count: UInt32 = 0

    /// `minima` has 2^`binBits` entries, all `UInt64.max` (empty) to begin with.
    init(minima: UnsafeMutableBufferPointer<UInt64>, binBits: Int) {
        self.minima = minima
        binShift = UInt64(64 - binBits)
        valueMask = UInt64.max >> UInt64(binBits)
    }

    @inline(__always)
    mutating func add(_ shingle: UInt64) {
        count &+= 1
        let bin = Int(truncatingIfNeeded: shingle &>> binShift)
        minima[bin] = min(minima[bin], shingle & valueMask)
    }
}
