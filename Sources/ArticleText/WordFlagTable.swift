/// Flags for words, in one small open-addressing table keyed by the words' FNV-1a hashes
/// (`StopWords.hash`), so a lookup allocates nothing. `StopWords` and `HintWords` keep
/// their vocabularies in one each.
struct WordFlagTable<Flags: OptionSet & Sendable>: Sendable where Flags.Element == Flags {
    private let hashes: [UInt64]
    private let flags: [Flags]
    private let mask: Int

    /// Each list is words separated by spaces or newlines, all given the list's flag.
    init(_ lists: [(String, Flags)], size: Int = 1024) {
        var hashes = [UInt64](repeating: 0, count: size)
        var flags = [Flags](repeating: [], count: size)
        for (list, flag) in lists {
            for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let hash = StopWords.hash(Array(word.utf8)[...])
                var slot = Int(truncatingIfNeeded: hash) & (size - 1)
                while hashes[slot] != 0, hashes[slot] != hash { slot = (slot + 1) & (size - 1) }
                hashes[slot] = hash
                flags[slot].insert(flag)
            }
        }
        self.hashes = hashes
        self.flags = flags
        self.mask = size - 1
    }

    @inline(__always)
    func flags(hash: UInt64) -> Flags {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = hashes[slot]
            if stored == hash { return flags[slot] }
            if stored == 0 { return [] }
            slot = (slot + 1) & mask
        }
    }
}
