import CLinuxShims

extension NearCopyIndex {
    /// Compares a fingerprint with one indexed article through their signatures.
    ///
    /// Jaccard J is the share of equal signature values. Containment follows from J and the
    /// two set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J), divided by the shorter text's size.
    /// It is trusted only when the shorter text is at least `minimumLengthRatio` of the
    /// longer and enough values match: with a much shorter text, the few values that fall
    /// in it are too few to tell a trimmed copy from a handful of shared phrases.
    func judge(_ fingerprint: ArticleFingerprint, against ordinal: UInt32) -> CopyVerdict? {
        let matches = matchingValues(fingerprint.signature, ordinal: Int(ordinal))
        guard matches >= parameters.minimumMatches else { return nil }
        // Equal 8-bit values also arise by chance (1/256) from unequal minima: correct for it.
        let chance = 1.0 / 256
        let similarity = max(0, (Double(matches) / Double(parameters.permutations) - chance) / (1 - chance))
        if similarity >= parameters.nearThreshold {
            return CopyVerdict(kind: .near, original: ordinal, similarity: similarity,
                               containment: min(1, Self.containment(similarity, fingerprint.shingleCount, storedCount(ordinal))))
        }
        let newSize = Double(max(1, fingerprint.shingleCount))
        let oldSize = Double(max(1, storedCount(ordinal)))
        guard min(newSize, oldSize) / max(newSize, oldSize) >= parameters.minimumLengthRatio else { return nil }
        let containment = min(1, Self.containment(similarity, fingerprint.shingleCount, storedCount(ordinal)))
        guard containment >= parameters.containmentThreshold else { return nil }
        return CopyVerdict(kind: .contained, original: ordinal, similarity: similarity, containment: containment,
                           direction: newSize <= oldSize ? .newInEarlier : .earlierInNew)
    }

    /// Estimated share of the smaller set inside the larger one.
    static func containment(_ similarity: Double, _ first: UInt32, _ second: UInt32) -> Double {
        let a = Double(max(1, first))
        let b = Double(max(1, second))
        return similarity * (a + b) / ((1 + similarity) * min(a, b))
    }

    private func matchingValues(_ signature: [UInt8], ordinal: Int) -> Int {
        let width = parameters.permutations
        return signatures.withUnsafeBufferPointer { stored in
            signature.withUnsafeBufferPointer { probe in
                var matches = 0
                let base = ordinal * width
                for index in 0..<width where stored[base + index] == probe[index] { matches += 1 }
                return matches
            }
        }
    }

    func storedCount(_ ordinal: UInt32) -> UInt32 { shingleCounts[Int(ordinal)] }
}

extension NearCopyIndex {
    /// Prefetches the content prefix, signature and shingle count a query reads for `ordinal`.
    func prefetchSignature(of ordinal: UInt32) {
        let width = parameters.permutations
        signatures.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return }
            let start = Int(ordinal) * width
            var offset = 0
            while offset < width {
                claimwatch_prefetch(base + start + offset)
                offset += 64
            }
            claimwatch_prefetch(base + start + width - 1)
        }
        shingleCounts.withUnsafeBufferPointer { counts in
            if let base = counts.baseAddress { claimwatch_prefetch(base + Int(ordinal)) }
        }
        contentPrefixes.withUnsafeBufferPointer { prefixes in
            if let base = prefixes.baseAddress { claimwatch_prefetch(base + Int(ordinal)) }
        }
    }
}
