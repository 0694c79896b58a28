import CLinuxShims

extension NearCopyIndex {
    /// Estimates how a fingerprint overlaps one indexed article from their signatures, and
    /// nominates the article when the estimate comes near a copy verdict.
    ///
    /// Jaccard J is the share of equal signature values. Containment follows from J and the
    /// two set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J), divided by either text's size. It is
    /// trusted only when the shorter text is at least `minimumLengthRatio` of the longer and
    /// enough values match: with a much shorter text, the few values that fall in it are too
    /// few to tell a trimmed copy from a handful of shared phrases.
    func estimate(_ fingerprint: ArticleFingerprint, against ordinal: UInt32) -> CopyCandidate? {
        let matches = matchingValues(fingerprint.signature, ordinal: Int(ordinal))
        guard matches >= parameters.minimumMatches else { return nil }
        // Equal 8-bit values also arise by chance (1/256) from unequal minima: correct for it.
        let chance = 1.0 / 256
        let similarity = max(0, (Double(matches) / Double(parameters.permutations) - chance) / (1 - chance))
        let newSize = Double(max(1, fingerprint.shingleCount))
        let oldSize = Double(max(1, storedCount(ordinal)))
        let shared = similarity * (newSize + oldSize) / (1 + similarity)
        let comparable = min(newSize, oldSize) / max(newSize, oldSize) >= parameters.minimumLengthRatio
        let newInOld = comparable ? min(1, shared / newSize) : similarity
        let oldInNew = comparable ? min(1, shared / oldSize) : similarity
        guard max(similarity, newInOld, oldInNew) >= parameters.nominationThreshold else { return nil }
        return CopyCandidate(ordinal: ordinal, exact: false, similarity: similarity, newInOld: newInOld, oldInNew: oldInNew)
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
