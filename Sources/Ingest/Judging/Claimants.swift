import Claims

/// Whether a claim's source can be the one of a known claim, in another version of the
/// same article: there the same sentence may name its source differently (a title
/// dropped, a pronoun resolved in another context, a word edited into or out of the name).
enum Claimants {
    /// No claimant (an attribution lost is nothing new), both none, the same name or a
    /// word of one (a surname, "IMF"), a pronoun on either side, or a name mostly made of
    /// the known sentence's words (an edit that made a source of its words).
    static func same(_ claimant: Claimant?, _ known: ClaimMatcher.Known) -> Bool {
        guard let claimant else { return true }
        guard let other = known.claim.claimant else { return named(claimant, in: known.words) }
        if isPronoun(claimant.name) || isPronoun(other.name) { return true }
        if !significantWords(claimant.canonical).isDisjoint(with: significantWords(other.canonical)) { return true }
        return named(claimant, in: known.words)
    }

    /// Whether a text's words name the claimant: at least half of the name's words that
    /// name someone stand in them. A name edited by a word is the same source; one the text
    /// never names is a new one.
    static func named(_ claimant: Claimant?, in words: Set<UInt64>) -> Bool {
        guard let claimant else { return true }
        let name = significantWords(claimant.name).map { ClaimMatcher.words($0) }.filter { !$0.isEmpty }
        guard !name.isEmpty else { return true }
        return name.filter { $0.isSubset(of: words) }.count * 2 >= name.count
    }

    /// Whether a claimant is one a text names, but for an edited word: all of the name's
    /// words that name someone stand in the text, or all but one.
    static func edited(_ claimant: Claimant?, from words: Set<UInt64>) -> Bool {
        guard let claimant else { return true }
        let name = significantWords(claimant.name).map { ClaimMatcher.words($0) }.filter { !$0.isEmpty }
        return name.filter { !$0.isSubset(of: words) }.count <= 1
    }

    static func isPronoun(_ name: String) -> Bool { pronouns.contains(name.lowercased()) }

    private static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"]

    /// Words that name someone: not articles, prepositions or conjunctions.
    private static func significantWords(_ name: String) -> Set<String> {
        Set(name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 2 && !glue.contains($0) })
    }

    private static let glue: Set<String> = ["the", "and", "for", "from", "with", "its", "his", "her", "their", "our"]
}
