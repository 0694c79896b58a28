/// What an article has named so far: full names to resolve later surnames to, and the most
/// recent sources of each kind to resolve pronouns to.
struct ClaimantMemory {
    /// Canonical full names by their last word, lowercased.
    private var fullNames: [String: String] = [:]
    private(set) var lastPerson: Claimant?
    private(set) var lastGroup: Claimant?
    private(set) var lastInstitution: Claimant?
    /// Kind and canonical form of each phrase named so far: articles name the same sources
    /// again and again, and naming is a pure function of the phrase's text.
    private var named: [String: Naming] = Dictionary(minimumCapacity: 32)

    /// How a phrase is named, with the parts of its canonical form that surnames need.
    private struct Naming {
        var kind: Claimant.Kind
        var canonical: String
        /// Words in `canonical`, and its last word lowercased.
        var parts: Int
        var lastLower: String
    }

    /// Names the phrase, mapping a surname to the full name seen before ("Zelensky").
    mutating func claimant(for words: Slice<SentenceTokens>, name: String, text: ScalarText) -> Claimant {
        let naming: Naming
        if let known = named[name] {
            naming = known
        } else {
            let kind = ClaimantNamer.kind(of: words, text: text)
            let canonical = ClaimantNamer.canonical(words, kind: kind, text: text)
            let (parts, lastLower) = Self.words(of: canonical)
            naming = Naming(kind: kind, canonical: canonical, parts: parts, lastLower: lastLower)
            named[name] = naming
        }
        var kind = naming.kind
        var canonical = naming.canonical
        if kind != .person, naming.parts == 1, let known = fullNames[naming.lastLower], name == name.uppercased() {
            // "HOLT:" in a transcript after "Lester Holt": a surname in capitals, not an acronym.
            kind = .person
            canonical = known
        } else if kind == .person {
            if naming.parts == 1, let known = fullNames[naming.lastLower] {
                canonical = known
            } else if naming.parts >= 2, fullNames[naming.lastLower] != canonical {
                // Most mentions repeat the name already remembered: a lookup, not a write.
                fullNames[naming.lastLower] = canonical
            }
        }
        let claimant = Claimant(name: name, canonical: canonical, kind: kind)
        remember(claimant)
        return claimant
    }

    mutating func remember(_ claimant: Claimant) {
        switch claimant.kind {
        case .person: lastPerson = claimant
        case .anonymous: lastGroup = claimant
        case .organization, .government, .media: lastInstitution = claimant
        case .unattributed: break
        }
    }

    /// A person named in passing ("President Volodymyr Zelensky released …"), for pronouns.
    mutating func mention(_ words: Slice<SentenceTokens>, name: String, text: ScalarText) {
        let mentioned: Mention
        if let known = mentions[name] {
            mentioned = known
        } else {
            let canonical = ClaimantNamer.canonical(words, kind: .person, text: text)
            let (parts, lastLower) = Self.words(of: canonical)
            mentioned = Mention(canonical: canonical, parts: parts, lastLower: lastLower)
            mentions[name] = mentioned
        }
        if mentioned.parts >= 2 {
            let claimant = Claimant(name: name, canonical: mentioned.canonical, kind: .person)
            fullNames[mentioned.lastLower] = mentioned.canonical
            lastPerson = claimant
        }
    }

    /// The canonical form of each name mentioned in passing, as `named` does for sources.
    private var mentions: [String: Mention] = [:]

    private struct Mention {
        var canonical: String
        var parts: Int
        var lastLower: String
    }

    /// How many space-separated words `text` has, and its last lowercased: what
    /// `split(separator: " ")` gives, without building the array. Reads the bytes in place:
    /// every name a source is given the first time comes here.
    static func words(of text: String) -> (count: Int, lastLower: String) {
        var copy = text
        return copy.withUTF8 { bytes in
            var count = 0
            var lastStart = 0
            var lastEnd = 0
            var inWord = false
            for index in bytes.indices {
                let space = bytes[index] == 0x20
                if !space, !inWord { count += 1; lastStart = index }
                if !space { lastEnd = index + 1 }
                inWord = !space
            }
            // The word's bytes start and end next to a space or the text's ends: whole scalars.
            let last = String(decoding: UnsafeBufferPointer(rebasing: bytes[lastStart..<lastEnd]), as: UTF8.self)
            return (count, last.lowercased())
        }
    }

    /// The nearest earlier named source a pronoun stands for, or the pronoun itself.
    func resolve(_ pronoun: String, as written: String) -> Claimant {
        let resolved: Claimant?
        switch pronoun {
        case "he", "she": resolved = lastPerson
        case "they": resolved = lastGroup ?? lastInstitution ?? lastPerson
        case "it": resolved = lastInstitution
        default: resolved = nil
        }
        return resolved ?? Claimant(name: written, canonical: written, kind: pronoun == "i" ? .person : .anonymous)
    }
}
