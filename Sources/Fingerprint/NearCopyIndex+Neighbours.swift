extension NearCopyIndex {
    /// The indexed articles that share at least `minimum` of a fingerprint's band keys,
    /// counting only the keys that at most `limit` articles hold, in ordinal order.
    ///
    /// Not a copy search (`candidates(for:)` is): two unrelated articles on one story or in
    /// one house style often share a couple of band minima. It answers which articles a
    /// look-up by band keys elsewhere (the cluster mode's shared reservations) will meet,
    /// so that the host can say up front that it knows them. A key many articles hold is a
    /// stock phrase, which such a look-up passes over too, and reading its long run of
    /// postings would cost more than the answer saves.
    public func neighbours(of fingerprint: ArticleFingerprint, sharing minimum: Int, keysHeldByAtMost limit: Int) -> [UInt32] {
        guard !fingerprint.bandKeys.isEmpty, minimum > 0 else { return [] }
        var met: [UInt32] = []
        table.withSlots { slots in
            for key in Set(fingerprint.bandKeys) {
                let before = met.count
                var held = 0
                // An article whose key is the same in two bands is posted twice, side by side.
                BandTable.forEach(key: key, from: table.home(key), in: slots, upTo: 2 * limit + 2) { ordinal in
                    guard met.count == before || met[met.count - 1] != ordinal else { return }
                    held += 1
                    met.append(ordinal)
                }
                if held > limit { met.removeSubrange(before...) }
            }
        }
        met.sort()
        var shared: [UInt32] = []
        var start = 0
        while start < met.count {
            var end = start + 1
            while end < met.count, met[end] == met[start] { end += 1 }
            if end - start >= minimum { shared.append(met[start]) }
            start = end
        }
        return shared
    }
}
