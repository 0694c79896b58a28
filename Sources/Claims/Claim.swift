/// A statement in an article that asserts something checkable: attributed to a claimant,
/// or a figure asserted as fact.
public struct Claim: Sendable, Hashable, Codable {
    public enum Stance: String, Sendable, Hashable, Codable {
        case asserts, denies
    }

    /// The whole sentence that carries the claim, claimant and cue included; several
    /// sentences for a quote that runs on.
    public var text: String
    /// The asserted proposition alone: the clause or the quotation.
    public var content: String
    /// Unicode-scalar offsets of `text` in the article text: `start..<end`.
    public var start: Int
    public var end: Int
    /// Who asserts it; nil for a figure asserted as fact.
    ///
    /// Spelled `Optional<…>` on purpose, here and for `cue`: a `var` of type `T?` starts out
    /// nil before the initializer runs, which makes the initializer's `self` a variable
    /// that the optimizer then copies whole and destroys, a retain and a release for every
    /// string of every claim made.
    public var claimant: Optional<Claimant>
    /// The reporting word or words as written ("said", "according to", "made public").
    public var cue: Optional<String>
    public var stance: Stance
    /// Words that weaken the claim ("reportedly", "appears", "could not verify").
    public var hedges: [String]
    /// The content is a direct quotation.
    public var quote: Bool
    public var figures: [Figure]

    public init(
        text: String, content: String, start: Int, end: Int, claimant: Claimant?, cue: String?,
        stance: Stance = .asserts, hedges: [String] = [], quote: Bool = false, figures: [Figure] = []
    ) {
        self.text = text
        self.content = content
        self.start = start
        self.end = end
        self.claimant = claimant
        self.cue = cue
        self.stance = stance
        self.hedges = hedges
        self.quote = quote
        self.figures = figures
    }

    /// `start..<end` as a range.
    public var span: Range<Int> { start..<end }
}

/// Who asserts a claim.
public struct Claimant: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case person, organization, government, media, anonymous, unattributed
    }

    /// The source as the text names it, or the named source a pronoun resolves to.
    public var name: String
    /// The name without titles, roles and articles, the same for every mention in an article:
    /// "Ukrainian President Volodymyr Zelensky" and a later "Zelensky" are both "Volodymyr Zelensky".
    public var canonical: String
    public var kind: Kind

    public init(name: String, canonical: String, kind: Kind) {
        self.name = name
        self.canonical = canonical
        self.kind = kind
    }
}
