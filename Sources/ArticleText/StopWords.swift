/// English function words, the signal jusText uses to tell prose from page furniture: body
/// paragraphs are about one-third function words, menus and link lists hardly have any.
/// Stored as a small open-addressing table of FNV-1a hashes so the lookup allocates nothing.
struct StopWords: Sendable {
    static let shared = StopWords()

    static let words = """
        a about above after again against all also although am an and any are as at be because \
        been before being below between both but by can could did do does doing down during each \
        even ever every few for from further had has have having he her here hers herself him \
        himself his how however i if in into is it its itself just least less many may me might \
        more most much must my myself never no nor not now of off often on once only or other \
        our ours ourselves out over own same several she should since so some such than that \
        the their theirs them themselves then there these they this those though through to too \
        under until up upon us very was we were what when where whether which while who whom \
        whose why will with within without would yet you your yours yourself yourselves said \
        says according told
        """

    private let slots: [UInt64]
    private let mask: Int

    init() {
        let size = 1024
        var slots = [UInt64](repeating: 0, count: size)
        for word in StopWords.words.split(separator: " ") {
            let hash = StopWords.hash(Array(word.utf8)[...])
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] != 0, slots[slot] != hash { slot = (slot + 1) & (size - 1) }
            slots[slot] = hash
        }
        self.slots = slots
        self.mask = size - 1
    }

    /// FNV-1a over lowercased ASCII; never 0, since 0 marks an empty slot.
    @inline(__always)
    static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(UTF8Bytes.lowerASCII(byte))) &* 0x100_0000_01b3
        }
        return hash | 1
    }

    @inline(__always)
    func contains(hash: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == hash { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}
