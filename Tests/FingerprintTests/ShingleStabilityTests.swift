import Testing
@testable import Fingerprint

@Suite struct ShingleStabilityTests {
    @Test("token hashes are fixed values, the same on every run and machine")
    func tokenHashes() {
        let hashes = ["kestrel", "bay", "", "a-much-longer-token-than-eight-bytes"].map { token in
            Array(token.utf8).withUnsafeBufferPointer { StableHash.hash($0, seed: FingerprintParameters().seed) }
        }
        #expect(hashes == Self.expectedTokenHashes)
    }

    @Test("shingle hashes of a sentence are fixed values")
    func shingleHashes() {
        var hashes = [UInt64]()
        ShingleHasher.forEachShingle(in: "Dock workers walked off the job on Tuesday.", size: 5, seed: FingerprintParameters().seed) {
            hashes.append($0)
        }
        #expect(hashes.count == 4)
        #expect(hashes == Self.expectedShingleHashes)
    }

    @Test("quote style, case, dashes and spacing do not change the shingles")
    func normalizationInvariance() {
        func shingles(_ text: String) -> [UInt64] {
            var hashes = [UInt64]()
            ShingleHasher.forEachShingle(in: text, size: 5, seed: 1) { hashes.append($0) }
            return hashes
        }
        let curly = "The guild’s negotiator said: “Nobody told us” – and left."
        let straight = "the GUILD'S negotiator  said: \"Nobody told us\" - and left ."
        #expect(shingles(curly) == shingles(straight))
    }

    @Test("the padded fast path hashes exactly like the plain one", arguments: [0, 1, 7, 8, 9, 15, 16, 23])
    func paddedHash(length: Int) {
        let bytes = (0..<(length + 8)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        bytes.withUnsafeBufferPointer { buffer in
            let token = UnsafeBufferPointer(rebasing: buffer[0..<length])
            #expect(StableHash.hashPadded(token, seed: 9) == StableHash.hash(token, seed: 9))
        }
    }

    @Test("a text shorter than one shingle still has one shingle")
    func shortText() {
        var count = 0
        ShingleHasher.forEachShingle(in: "Strike over", size: 5, seed: 1) { _ in count += 1 }
        #expect(count == 1)
    }

    static let expectedTokenHashes: [UInt64] = [
        13048612142411539146, 14063624395610227263, 12792814700466066001, 8085748880652505890,
    ]
    static let expectedShingleHashes: [UInt64] = [
        8037583422639946052, 198395323642739880, 6826451951910867298, 18242072177388734203,
    ]
}
