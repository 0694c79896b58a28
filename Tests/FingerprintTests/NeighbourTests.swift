import Fingerprint
import Testing

/// `NearCopyIndex.neighbours`: the articles sharing band keys with a new one, as a look-up
/// by keys elsewhere meets them, with keys that many articles hold left out.
@Suite struct NeighbourTests {
    static let parameters = FingerprintParameters()

    /// A fingerprint whose band keys are `keys` followed by keys of its own (`own`, distinct
    /// from every other article's); its signature does not matter here.
    static func fingerprint(_ keys: [UInt32], own: UInt32) -> ArticleFingerprint {
        let bands = parameters.bands
        let all = keys + (0..<(bands - keys.count)).map { own &* 1_000 &+ 500_000 &+ UInt32($0) }
        return ArticleFingerprint(contentDigest: Array(repeating: UInt8(truncatingIfNeeded: own), count: 32), shingleCount: 100,
                                  signature: Array(repeating: UInt8(truncatingIfNeeded: own), count: parameters.permutations),
                                  bandKeys: all)
    }

    @Test("an article sharing two keys is a neighbour, one sharing a single key is not, and a key held by many counts for none")
    func sharedKeys() throws {
        var index = try NearCopyIndex(parameters: Self.parameters)
        try index.insert(Self.fingerprint([1, 2], own: 1))  // 0: two keys shared
        try index.insert(Self.fingerprint([3], own: 2))  // 1: one key shared
        try index.insert(Self.fingerprint([4, 5, 6], own: 3))  // 2: three keys shared
        try index.insert(Self.fingerprint([7, 99], own: 4))  // 3: one telling key and a common one
        // Ten more holding key 99: it is common at a limit of 8.
        for own in 10..<20 { try index.insert(Self.fingerprint([99], own: UInt32(own))) }
        let new = Self.fingerprint([1, 2, 3, 4, 5, 6, 7, 99], own: 77)
        #expect(index.neighbours(of: new, sharing: 2, keysHeldByAtMost: 8) == [0, 2])
        // With the common key counted, article 3 shares two keys.
        #expect(index.neighbours(of: new, sharing: 2, keysHeldByAtMost: 20) == [0, 2, 3])
        #expect(index.neighbours(of: new, sharing: 3, keysHeldByAtMost: 8) == [2])
    }

    @Test("a key that is the same in two bands of one article counts once")
    func repeatedKey() throws {
        var index = try NearCopyIndex(parameters: Self.parameters)
        try index.insert(Self.fingerprint([1, 1], own: 1))
        #expect(index.neighbours(of: Self.fingerprint([1, 1], own: 2), sharing: 2, keysHeldByAtMost: 8).isEmpty)
        #expect(index.neighbours(of: Self.fingerprint([1], own: 2), sharing: 1, keysHeldByAtMost: 8) == [0])
    }
}
