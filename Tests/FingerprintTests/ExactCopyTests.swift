import Testing
@testable import Fingerprint

/// Exact copies are met through their band postings (the same text has the same band
/// keys); only texts without a shingle have a posting under their content hash.
@Suite struct ExactCopyTests {
    let fingerprinter: Fingerprinter

    init() throws {
        fingerprinter = try Fingerprinter()
    }

    @Test("the earliest of several exact copies is the original")
    func earliest() throws {
        var index = try NearCopyIndex()
        try index.insert(fingerprinter.fingerprint(text: StoryFixtures.otherArticle))
        try index.insert(fingerprinter.fingerprint(text: StoryFixtures.plainText))
        try index.insert(fingerprinter.fingerprint(text: StoryFixtures.plainText))
        let candidate = index.candidates(for: fingerprinter.fingerprint(text: StoryFixtures.plainText)).first
        #expect(candidate?.exact == true)
        #expect(candidate?.ordinal == 1)
    }

    @Test("texts without a single word are exact copies of their twins and of nothing else")
    func withoutShingles() throws {
        var index = try NearCopyIndex()
        let dashes = fingerprinter.fingerprint(text: "— — —")
        #expect(dashes.bandKeys.isEmpty)
        try index.insert(fingerprinter.fingerprint(text: StoryFixtures.plainText))
        try index.insert(dashes)
        #expect(index.candidates(for: fingerprinter.fingerprint(text: "— — —")).map(\.ordinal) == [1])
        #expect(index.candidates(for: fingerprinter.fingerprint(text: "…")).isEmpty)
        #expect(index.count == 2)
    }

    @Test("an exact copy is found even behind more candidates than a query judges")
    func pastTheCandidateLimit() throws {
        var index = try NearCopyIndex()
        let original = fingerprinter.fingerprint(text: StoryFixtures.plainText)
        // Articles that share every band key but not the text: more than the limit of them.
        var lookalike = original
        lookalike.contentDigest = [UInt8](repeating: 7, count: 32)
        for _ in 0..<(NearCopyIndex.candidateLimit + 10) { try index.insert(lookalike) }
        try index.insert(original)
        let candidate = index.candidates(for: original).first
        #expect(candidate?.exact == true)
        #expect(candidate?.ordinal == UInt32(NearCopyIndex.candidateLimit + 10))
    }
}
