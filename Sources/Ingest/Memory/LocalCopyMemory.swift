import Fingerprint

/// The copy memory of one process: the near-copy index, each indexed article's content
/// digest, and the claims by key. Per article, the index's ~460 bytes and 32 bytes of
/// digest (its id is the digest's first 8 bytes); per claim, a 20-byte slot at most three
/// quarters full. Exact shingle sets are never kept: a candidate's set is made again from
/// its stored text (`<state>/articles/`) when a verdict needs it.
final class LocalCopyMemory: CopyMemory {
    private var index: NearCopyIndex
    /// Each indexed article's SHA-256, 32 bytes per ordinal; ids that are not a content
    /// prefix (older records, tests) are kept on the side.
    private var digests: [UInt8] = []
    private var odd: [UInt32: RememberedArticle] = [:]
    private var claims = SentenceMemory()
    private let fingerprinter: Fingerprinter
    private let fingerprintFile: FingerprintFile
    private let texts: ArticleStore

    init(fingerprinter: Fingerprinter, indexFolder: String, texts: ArticleStore) throws(IngestError) {
        self.fingerprinter = fingerprinter
        do {
            index = try NearCopyIndex(parameters: fingerprinter.parameters)
        } catch {
            throw .configuration("fingerprint parameters: \(error)")
        }
        fingerprintFile = FingerprintFile(folder: indexFolder, parameters: fingerprinter.parameters)
        self.texts = texts
    }

    var articleCount: Int { index.count }

    /// Bytes held: the index, the digests and the claims.
    var memoryBytes: (index: Int, digests: Int, claims: Int) {
        (index.memoryBytes, digests.capacity, claims.memoryBytes)
    }

    var claimCount: Int { claims.count }

    func candidates(for fingerprint: ArticleFingerprint) -> [CopyCandidate] {
        index.candidates(for: fingerprint)
    }

    /// The ids of the articles sharing two band keys with `fingerprint`, on keys at most
    /// `keysHeldByAtMost` articles hold (see `NearCopyIndex.neighbours`).
    func neighbours(of fingerprint: ArticleFingerprint, keysHeldByAtMost limit: Int) -> [String] {
        index.neighbours(of: fingerprint, sharing: 2, keysHeldByAtMost: limit).compactMap { article(at: $0)?.id }
    }

    func article(at ordinal: UInt32) -> RememberedArticle? {
        if let article = odd[ordinal] { return article }
        let start = Int(ordinal) * 32
        guard start + 32 <= digests.count else { return nil }
        let content = Self.hex(digests[start..<(start + 32)])
        return RememberedArticle(id: String(content.prefix(16)), content: content)
    }

    func remember(_ article: RememberedArticle, fingerprint: ArticleFingerprint) throws(IngestError) {
        try add(article, fingerprint: fingerprint)
        // Losing this append only costs a re-fingerprint at the next start.
        try? fingerprintFile.append(id: article.id, fingerprint: fingerprint)
    }

    /// Adds another host's article: indexed like one of this log's, but not written to the
    /// fingerprint file, which holds this log's articles only.
    func learn(_ article: RememberedArticle, fingerprint: ArticleFingerprint) throws(IngestError) {
        try add(article, fingerprint: fingerprint)
    }

    func claim(for key: ClaimKey) -> String? { claims.claim(for: key) }

    func remember(_ key: ClaimKey, claim: String) { claims.remember(key, claim: claim) }

    /// Puts the articles back into the index, in log order: from the fingerprint file where
    /// it has them, else from their stored texts (then the file is brought up to date). With
    /// `rewrite`, the file is made anew from the texts.
    func restore(_ articles: [RememberedArticle], claims recorded: [(key: ClaimKey, claim: String)], rewrite: Bool) throws(IngestError) -> Int {
        do {
            index = try NearCopyIndex(parameters: fingerprinter.parameters)
        } catch {
            throw .configuration("fingerprint parameters: \(error)")
        }
        digests = []
        odd = [:]
        claims = SentenceMemory(capacity: recorded.count)
        for (key, claim) in recorded { claims.remember(key, claim: claim) }
        let (saved, stale) = rewrite ? ([:], true) : fingerprintFile.load()
        var missing = 0
        var rebuilt: [(id: String, fingerprint: ArticleFingerprint)] = []
        var added: [(id: String, fingerprint: ArticleFingerprint)] = []
        index.reserveCapacity(articles.count)
        digests.reserveCapacity(articles.count * 32)
        for article in articles {
            let fingerprint: ArticleFingerprint
            if let known = saved[article.id] {
                fingerprint = known
            } else if let text = texts.text(for: article.content) {
                fingerprint = fingerprinter.fingerprint(text: text)
                added.append((article.id, fingerprint))
            } else {
                missing += 1
                continue
            }
            guard (try? add(article, fingerprint: fingerprint)) != nil else { continue }
            rebuilt.append((article.id, fingerprint))
        }
        if stale {
            try fingerprintFile.rewrite(rebuilt)
        } else {
            for entry in added { try fingerprintFile.append(id: entry.id, fingerprint: entry.fingerprint) }
        }
        return missing
    }

    private func add(_ article: RememberedArticle, fingerprint: ArticleFingerprint) throws(IngestError) {
        let ordinal: UInt32
        do {
            ordinal = try index.insert(fingerprint)
        } catch {
            throw .configuration("cannot index the article: \(error)")
        }
        precondition(Int(ordinal) * 32 == digests.count, "index ordinals follow insertion order")
        if let digest = Self.bytes(hex: article.content), article.id == String(article.content.prefix(16)) {
            digests.append(contentsOf: digest)
        } else {
            digests.append(contentsOf: repeatElement(0, count: 32))
            odd[ordinal] = article
        }
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            for (place, byte) in bytes.enumerated() {
                buffer[place * 2] = digits[Int(byte >> 4)]
                buffer[place * 2 + 1] = digits[Int(byte & 0xF)]
            }
            return bytes.count * 2
        }
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for pair in stride(from: 0, to: 64, by: 2) {
            guard let high = nibble(utf8[pair]), let low = nibble(utf8[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
