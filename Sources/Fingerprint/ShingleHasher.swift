/// Word shingle hashes of a text, for tests and tools; fingerprints run `ShingleScanner`
/// with their own sink.
enum ShingleHasher {
    static func forEachShingle(in text: String, size: Int, seed: UInt64, _ body: (UInt64) -> Void) {
        withoutActuallyEscaping(body) { body in
            _ = ShingleScanner.hash(text, size: size, seed: seed, into: ShingleCallback(body: body))
        }
    }
}

/// Hands each shingle hash to a closure.
struct ShingleCallback: ShingleSink {
    let body: (UInt64) -> Void
    func add(_ shingle: UInt64) { body(shingle) }
}

extension UInt64 {
    @inline(__always)
    func rotated(by count: Int) -> UInt64 {
        // Masking shifts: a count of 0 gives self | self, and the compiler emits one rotate.
        (self &<< UInt64(truncatingIfNeeded: count)) | (self &>> UInt64(truncatingIfNeeded: 64 &- count))
    }
}
