/// The words that report speech, writing and belief, with their inflections.
enum CueLexicon {
    /// Verbs whose subject asserts their complement: speech, writing, cognition, evidence.
    static let verbs: Set<String> = Inflection.all([
        "add", "allege", "announce", "answer", "argue", "articulate", "assert", "assure", "blog",
        "boast", "brief", "caution", "claim", "comment", "complain", "concede", "conclude", "confirm",
        "contend", "counter", "declare", "deny", "describe", "disclose", "dismiss", "dispute", "emphasise",
        "emphasize", "estimate", "explain", "insist", "maintain", "mention", "note", "observe", "predict",
        "post", "proclaim", "recall", "refute", "reiterate", "reject", "remark", "reply", "report", "respond",
        "reveal", "say", "state", "stress", "suggest", "testify", "tweet", "verify", "warn", "believe",
        "think", "expect", "fear", "hope", "doubt", "suspect", "acknowledge", "admit*", "agree", "disagree",
        "indicate", "assess", "calculate", "forecast", "concur*", "lament", "speculate", "theorize",
        "theorise", "hint", "imply", "repeat", "quip", "joke", "write", "tell", "find", "show", "feel",
        "know", "call", "label", "dub*", "characterize", "characterise", "accuse", "blame", "criticize",
        "criticise", "condemn", "praise", "question", "challenge", "urge", "vow", "pledge", "promise",
        "demand", "propose", "recommend", "ask", "cite", "quote", "publish", "worry", "guarantee", "signal",
        "affirm", "aver", "opine", "rebut*", "retort", "counsel", "advise", "inform", "notify", "brag",
        "decry", "deplore", "charge", "contest", "welcome", "mourn", "regret*", "rule", "judge", "project", "determine",
    ]).union([
        "said", "says", "saying", "wrote", "written", "writes", "writing", "told", "tells", "telling",
        "thought", "thinks", "thinking", "found", "finds", "shown", "showed", "shows", "felt", "feels",
        "knew", "knows", "known", "spoke", "speaks", "swore", "sworn", "held", "holds",
    ])

    /// Weaker cues: stance and intention. Kept only with a named or pronoun subject right before.
    static let weakVerbs: Set<String> = Inflection.all([
        "want", "support", "back", "oppose", "endorse", "defend", "attack", "slam*", "blast", "plan",
        "intend", "seek", "refuse", "decline", "threaten", "accept", "favor", "favour", "reject",
        "argue", "push", "embrace", "champion", "decide",
    ]).union(["sought"])

    /// Cues that report a rejection: their claims deny a proposition.
    static let denials: Set<String> = Inflection.all([
        "deny", "dismiss", "reject", "refute", "rebut*", "dispute", "repudiate", "disavow", "rebuff",
    ])

    /// Cues that deny when what follows is negated ("insisted the country did not send").
    static let insistence: Set<String> = Inflection.all(["insist", "maintain", "stress", "emphasize", "emphasise", "assert", "say", "tell", "add"])
        .union(["said", "says", "told", "tells"])

    /// Words in the content that make an assertion a denial.
    static let denialWords: Set<String> = [
        "lie", "lies", "false", "untrue", "baseless", "groundless", "fabricated", "fabrication",
        "nonsense", "unfounded", "fiction", "falsehood", "disinformation", "hoax",
    ]

    static let negations: Set<String> = [
        "not", "never", "no", "didn't", "doesn't", "don't", "hasn't", "haven't", "wasn't", "weren't",
        "isn't", "aren't", "won't", "cannot", "can't", "neither", "nor",
    ]

    /// Phrasal cues: a verb that needs the next word ("made public", "pointed out").
    static let particles: [String: Set<String>] = [
        "made": ["public", "clear"], "make": ["public", "clear"], "makes": ["public", "clear"],
        "pointed": ["out"], "points": ["out"], "point": ["out"], "pointing": ["out"],
        "expressed": ["belief", "hope", "concern", "confidence", "doubt", "fear", "view"],
        "expresses": ["belief", "hope", "concern", "confidence", "doubt", "fear", "view"],
        "voiced": ["concern", "doubt", "hope", "confidence"],
        // "put the toll at 19", "puts the cost at $3bn": an estimate given.
        "put": estimateNouns, "puts": estimateNouns,
    ]

    /// The word that must follow a phrasal cue's particle: "put the figure at" gives an
    /// estimate, "put the figure into context" does not.
    static let particleClosers: [String: Lower] = ["put": "at", "puts": "at"]

    /// Reporting verbs whose passive names its source after "by": "reported by fire officials".
    static let passiveCues: Set<String> = [
        "reported", "estimated", "confirmed", "announced", "stated", "claimed", "cited", "published", "disclosed",
        "revealed", "calculated", "verified", "quoted",
    ]

    /// What an estimate is put at.
    static let estimateNouns: Set<String> = [
        "toll", "figure", "number", "cost", "count", "tally", "total", "damage", "losses", "bill", "price",
    ]

    /// Cues that can come before their source: "…,” said Kovalenko.", "wrote Kukushkin".
    static let invertible: Set<String> = [
        "said", "says", "say", "wrote", "writes", "added", "adds", "told", "tells", "asked", "asks", "explained",
        "explains", "noted", "notes", "continued", "continues", "recalled", "recalls", "insisted", "insists",
        "claimed", "claims", "argued", "argues", "reported", "reports", "warned", "warns", "stated", "states",
        "commented", "replied", "replies", "responded", "quipped", "declared", "announced", "concluded",
        "observed", "remarked", "acknowledged", "admitted", "tweeted", "posted", "suggested", "cautioned",
        "countered", "added", "predicted", "emphasized", "stressed", "conceded", "boasted", "complained",
    ]

    static let irregularPast: Set<String> = ["said", "told", "wrote", "thought", "found", "felt", "knew", "held", "spoke", "swore", "sought"]

    /// Gerund cues that hang on the clause before a comma ("…, adding that …").
    static func isGerund(_ word: String) -> Bool { word.hasSuffix("ing") && verbs.contains(word) }

    /// Nouns that a cue can be confused with when a determiner precedes: "many reports".
    static let determiners: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
        "your", "many", "some", "several", "few", "new", "other", "such", "no", "any", "every", "each",
        "of", "and", "or", "recent", "earlier", "previous", "further", "more", "most", "all", "both",
    ]

    static let hedges: Set<String> = [
        "reportedly", "allegedly", "apparently", "supposedly", "purportedly", "seemingly", "ostensibly",
        "unconfirmed", "unverified", "rumored", "rumoured",
    ]
    /// Hedge verbs ("appears to show", "seems").
    static let hedgeVerbs: Set<String> = ["appear", "appears", "appeared", "seem", "seems", "seemed"]
}
