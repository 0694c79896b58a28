/// The small, general word lists the ledger normalizes counted phrases with. Nothing in
/// here names a story: only how English counts people and things.
enum NounLexicon {
    /// Words that say how many or which, not what: dropped from a counted phrase.
    static let determiners: Set<String> = [
        "a", "an", "the", "some", "estimated", "about", "around", "roughly", "approximately", "more", "than",
        "at", "least", "most", "nearly", "almost", "over", "under", "up", "to", "of", "thousands", "hundreds",
        "tens", "dozens", "millions", "several", "many", "few", "other", "additional", "total", "further",
        "another", "all", "these", "those", "such", "only", "just", "least", "less", "fewer", "upwards",
        "between", "and", "or", "their", "its", "his", "her", "our", "new", "extra", "reported", "official",
        "confirmed", "known", "alleged", "some", "approx", "est", "likely", "possibly", "so-called",
    ]

    /// Head nouns that name the same kind of thing, mapped to one class.
    static let headClasses: [String: String] = {
        var map: [String: String] = [:]
        func add(_ words: [String], _ head: String) { for word in words { map[word] = head } }
        add(["person", "people", "individual", "citizen", "national", "resident", "inhabitant", "man", "woman",
             "adult", "soul", "subject"], "person")
        add(["soldier", "troop", "serviceman", "servicewoman", "servicemember", "trooper", "infantryman",
             "conscript", "reservist"], "soldier")
        add(["fighter", "militant", "combatant", "mercenary", "insurgent", "guerrilla", "rebel"], "fighter")
        add(["child", "kid", "minor", "boy", "girl"], "child")
        add(["recruit", "volunteer", "enlistee"], "recruit")
        add(["civilian", "noncombatant"], "civilian")
        add(["refugee", "evacuee", "displaced"], "person")
        // A toll is a count of the dead ("put the toll at 19").
        add(["death", "fatality", "body", "corpse", "dead", "toll"], "person")
        add(["home", "house", "dwelling", "household"], "home")
        add(["village", "town", "settlement", "hamlet"], "settlement")
        return map
    }()

    /// Heads that carry their own state: a count of bodies is a count of the dead.
    static let impliedStates: [String: String] = [
        "death": "dead", "fatality": "dead", "body": "dead", "corpse": "dead", "dead": "dead", "toll": "dead",
        "refugee": "displaced", "evacuee": "displaced", "displaced": "displaced",
    ]

    /// Words near a figure that put what it counts in a state worth keeping apart.
    static let states: [String: String] = {
        var map: [String: String] = [:]
        func add(_ words: [String], _ state: String) { for word in words { map[word] = state } }
        add(["captured", "capture", "caught", "prisoner", "prisoners", "pow", "pows", "surrendered"], "captured")
        add(["dead", "died", "die", "killed", "kill", "deaths", "death", "perished", "drowned", "slain",
             "toll", "bodies", "fatalities"], "dead")
        add(["wounded", "injured", "injuries", "hurt", "hospitalized", "hospitalised"], "injured")
        add(["missing", "unaccounted"], "missing")
        add(["evacuated", "evacuation", "displaced", "fled", "homeless", "shelter", "shelters", "uprooted",
             "relocated", "rehoused"], "displaced")
        add(["arrested", "detained", "jailed", "imprisoned"], "detained")
        add(["rescued", "saved"], "rescued")
        return map
    }()

    /// Words that put people in an armed role: then a count of a nationality's people
    /// (citizens, nationals, "North Koreans") counts soldiers.
    static let military: Set<String> = [
        "fighting", "fight", "fought", "fights", "combat", "serving", "serve", "served", "army", "armies",
        "forces", "troops", "military", "deployed", "deploy", "deployment", "war", "battle", "battlefield",
        "front", "frontline", "mercenaries", "enlisted", "soldiers",
    ]

    /// Words that end a counted phrase read from the sentence: verbs, prepositions,
    /// conjunctions, pronouns.
    static let phraseStops: Set<String> = [
        "are", "is", "was", "were", "be", "been", "being", "have", "has", "had", "who", "whom", "which", "that",
        "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or", "but", "as", "than", "said",
        "says", "say", "will", "would", "could", "should", "may", "might", "can", "do", "did", "does", "it",
        "they", "he", "she", "we", "this", "these", "those", "there", "here", "not", "no", "if", "when",
        "while", "after", "before", "during", "since", "until", "per", "each", "more", "less", "also",
    ]

    /// Words that end the stretch after a figure where its state is looked for.
    static let clauseStops: Set<String> = ["and", "but", "while", "whereas", "although", "though", "because", "since"]

    /// Nouns that do not follow the plural rules.
    static let irregularPlurals: [String: String] = [
        "people": "person", "men": "man", "women": "woman", "children": "child", "servicemen": "serviceman",
        "servicewomen": "servicewoman", "infantrymen": "infantryman", "feet": "foot", "teeth": "tooth",
        "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife",
    ]

    /// A plural noun's singular, by the common rules (good enough to make keys meet).
    static func singular(_ word: String) -> String {
        if let irregular = irregularPlurals[word] { return irregular }
        guard word.count > 3 else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for suffix in ["ches", "shes", "sses", "xes", "zes"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }
}
