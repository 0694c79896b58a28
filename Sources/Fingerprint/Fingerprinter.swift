public import ArticleText

/// Computes fingerprints: SHA-256 of the stored text, word shingles over the fingerprint
/// tokens, and a MinHash signature by one-permutation hashing with optimal densification.
///
/// Why one-permutation hashing: classic MinHash hashes every shingle once per permutation
/// (128 × ~800 per article). OPH hashes each shingle once, uses its top bits to pick one of
/// 128 bins and keeps the minimum per bin; each bin then behaves like one permutation, and
/// the match rate of two signatures estimates Jaccard similarity. Bins that a short text
/// leaves empty are filled by optimal densification (Shrivastava, ICML 2017): an empty bin
/// copies the value of a bin chosen by a seeded hash of (bin, attempt), retried until a
/// non-empty one is found, which keeps collision probability equal to Jaccard.
public struct Fingerprinter: Sendable {
    public let parameters: FingerprintParameters
    let binBits: Int

    public init(parameters: FingerprintParameters = FingerprintParameters()) throws(FingerprintError) {
        self.parameters = try parameters.validated()
        self.binBits = parameters.permutations.trailingZeroBitCount
    }

    public func fingerprint(_ article: Article) -> ArticleFingerprint {
        fingerprint(text: article.text)
    }

    /// The fingerprint of a normalized main text (`Article.text`).
    public func fingerprint(text: String) -> ArticleFingerprint {
        let digest = SHA256.hash(text.utf8)
        let bins = parameters.permutations
        let empty = UInt64.max
        var minima = [UInt64](repeating: empty, count: bins)
        let shingles = minima.withUnsafeMutableBufferPointer { buffer in
            let binning = MinimumPerBin(minima: buffer, binBits: binBits)
            return ShingleScanner.hash(text, size: parameters.shingleSize, seed: parameters.seed, into: binning).count
        }
        if shingles > 0 { densify(&minima) }
        var signature = [UInt8](repeating: 0, count: bins)
        for bin in 0..<bins where minima[bin] != empty {
            signature[bin] = UInt8(truncatingIfNeeded: minima[bin])
        }
        var bandKeys = [UInt32]()
        bandKeys.reserveCapacity(parameters.bands)
        if shingles > 0 {
            for band in 0..<parameters.bands {
                var key = parameters.seed ^ UInt64(band) &* StableHash.prime2
                for row in 0..<parameters.rowsPerBand {
                    key = StableHash.fold(key ^ minima[band * parameters.rowsPerBand + row], StableHash.prime1)
                }
                bandKeys.append(UInt32(truncatingIfNeeded: StableHash.mix(key)))
            }
        }
        return ArticleFingerprint(contentDigest: digest, shingleCount: shingles, signature: signature, bandKeys: bandKeys)
    }

    func densify(_ minima: inout [UInt64]) {
        let original = minima
        let empty = UInt64.max
        for bin in minima.indices where original[bin] == empty {
            var attempt: UInt64 = 0
            while true {
                let pick = StableHash.mix(parameters.seed ^ UInt64(bin) << 32 ^ attempt)
                let source = Int(truncatingIfNeeded: pick >> UInt64(64 - binBits))
                if original[source] != empty {
                    minima[bin] = original[source]
                    break
                }
                attempt += 1
            }
        }
    }
}
