/// Decides which names in the drop folder are not (yet) articles: dotfiles, and the temporary
/// names that editors, browsers and transfer tools write before the final rename.
///
/// Patterns are simple globs over one path component: `*` matches any run of characters,
/// `?` exactly one. Matching ignores ASCII case, because Windows tools reaching the folder
/// through Samba write `.TMP` as readily as `.tmp`. The filter applies to folder names too,
/// so recursive mode skips hidden folders such as `.git`.
public struct DropNameFilter: Sendable, Hashable {
    /// Dotfiles (which also covers rsync's `.name.XXXXXX` and vim's `.name.swp`), partial
    /// downloads, temporary files, swap files and backup files.
    public static let defaultPatterns = [".*", "*.part", "*.tmp", "*.swp", "*~"]

    public let patterns: [String]
    private let compiled: [[UInt8]]

    public init(patterns: [String] = DropNameFilter.defaultPatterns) {
        self.patterns = patterns
        self.compiled = patterns.map { Array($0.utf8) }
    }

    /// Whether a file or folder with this name (one component, raw bytes) is skipped.
    public func ignores(name: [UInt8]) -> Bool {
        compiled.contains { Self.matches(pattern: $0, name: name) }
    }

    /// Whether a file or folder with this name (one component) is skipped.
    public func ignores(name: String) -> Bool {
        ignores(name: Array(name.utf8))
    }

    /// Iterative glob matching with one backtrack point for the last `*`: linear in practice,
    /// and no recursion that a long hostile name could blow up.
    static func matches(pattern: [UInt8], name: [UInt8]) -> Bool {
        let star = UInt8(ascii: "*"), question = UInt8(ascii: "?")
        var p = 0, n = 0
        var starAt: Int?
        var resumeAt = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == star {
                starAt = p
                resumeAt = n
                p += 1
            } else if p < pattern.count, pattern[p] == question {
                p += 1
                n = characterEnd(in: name, from: n)
            } else if p < pattern.count, folded(pattern[p]) == folded(name[n]) {
                p += 1
                n += 1
            } else if let starAt {
                p = starAt + 1
                resumeAt = characterEnd(in: name, from: resumeAt)
                n = resumeAt
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == star { p += 1 }
        return p == pattern.count
    }

    /// The index after the character starting at `index`, so `?` eats a whole UTF-8 sequence.
    private static func characterEnd(in name: [UInt8], from index: Int) -> Int {
        var end = index + 1
        while end < name.count, name[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
