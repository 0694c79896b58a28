/// Words that tell what kind of source a noun phrase names, and which words are titles
/// and roles rather than the name itself. All lowercase.
enum NameLexicon {
    /// Titles and roles stripped from a person's canonical name.
    static let roles: Set<String> = [
        "president", "vice", "prime", "minister", "deputy", "foreign", "defence", "defense", "secretary",
        "general", "gen.", "gen", "senator", "sen.", "sen", "rep.", "rep", "representative", "gov.", "gov",
        "governor", "mayor", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "prof.", "professor",
        "chief", "commander", "spokesperson", "spokesman", "spokeswoman", "ambassador", "chairman",
        "chairwoman", "chair", "director", "head", "leader", "king", "queen", "prince", "princess",
        "pope", "judge", "justice", "attorney", "lawyer", "officer", "official", "analyst", "expert",
        "veteran", "military", "former", "ex", "senior", "top", "colonel", "col.", "lt.", "lieutenant",
        "major", "maj.", "captain", "capt.", "sgt.", "sergeant", "admiral", "adm.", "marshal", "chancellor",
        "candidate", "nominee", "presidential", "democratic", "republican", "congressman", "congresswoman",
        "speaker", "ceo", "founder", "editor", "reporter", "journalist", "columnist", "correspondent",
        "economist", "researcher", "scientist", "author", "activist", "adviser", "advisor", "aide",
        "strategist", "pollster", "sheriff", "state", "national", "security", "intelligence", "interior",
        "finance", "health", "economy", "trade", "assistant", "acting", "interim", "new", "then",
        "u.s.", "us", "white", "house", "campaign", "manager", "chairperson", "executive", "member",
        "lawmaker", "politician", "rev.", "reverend", "sir", "dame", "lord", "lady", "sen.-elect",
        "mp", "mep", "premier", "envoy", "negotiator", "inspector", "superintendent", "commissioner",
        "host", "anchor", "councillor", "councilor", "councilman", "councilwoman", "alderman", "trustee",
        "delegate", "magistrate", "bishop", "rabbi", "imam", "coach", "captain", "chief-of-staff", "blogger", "dictator", "the", "a", "an", "his", "her", "their", "its",
    ]

    /// Adjectives of place and nationality that open a role ("Ukrainian President …").
    static let demonyms: Set<String> = [
        "american", "russian", "ukrainian", "chinese", "british", "french", "german", "indian", "iranian",
        "israeli", "palestinian", "syrian", "turkish", "japanese", "korean", "north", "south", "western",
        "eastern", "european", "polish", "italian", "spanish", "canadian", "mexican", "cuban", "belarusian",
        "georgian", "nepalese", "nepali", "taiwanese", "saudi", "egyptian", "iraqi", "afghan", "pakistani",
        "australian", "brazilian", "dutch", "swedish", "finnish", "norwegian", "danish", "hungarian",
        "romanian", "czech", "slovak", "greek", "irish", "scottish", "welsh", "english", "lebanese",
        "jordanian", "qatari", "emirati", "yemeni", "libyan", "african", "asian", "latin", "arab",
        "federal", "local", "regional", "republican", "democratic", "conservative", "liberal", "labour",
    ]

    /// Places whose name stands for their government ("Kyiv said", "Beijing has denied").
    static let governments: Set<String> = [
        "kyiv", "kiev", "moscow", "beijing", "washington", "london", "paris", "berlin", "tehran", "ankara",
        "brussels", "tokyo", "seoul", "pyongyang", "minsk", "warsaw", "jerusalem", "damascus", "delhi",
        "new delhi", "ottawa", "canberra", "havana", "taipei", "riyadh", "cairo", "baghdad", "kabul",
        "islamabad", "the kremlin", "kremlin", "the white house", "white house", "pentagon", "the pentagon",
        "downing street", "ukraine", "russia", "china", "india", "iran", "israel", "the united states",
        "united states", "the us", "the u.s.", "u.s.", "us", "america", "britain", "the uk", "uk", "france",
        "germany", "japan", "north korea", "south korea", "nato", "the eu", "eu", "cuba", "nepal", "syria",
        "turkey", "poland", "belarus", "taiwan", "canada", "mexico", "pakistan", "egypt", "saudi arabia",
    ]

    /// Words that make a noun phrase a government body.
    static let governmentWords: Set<String> = [
        "ministry", "government", "department", "kremlin", "parliament", "congress", "senate", "cabinet",
        "administration", "authorities", "embassy", "council", "police", "army", "military", "navy",
        "forces", "court", "agency", "office", "prosecutors", "prosecutor", "commission", "bureau",
        "service", "intelligence", "legislature", "state", "city", "county", "pentagon", "white",
    ]

    /// Words and names that make a noun phrase a news outlet.
    static let mediaWords: Set<String> = [
        "newsweek", "reuters", "ap", "afp", "bbc", "cnn", "times", "post", "journal", "news", "today",
        "tv", "telegraph", "guardian", "monde", "pravda", "tass", "ria", "interfax", "bloomberg",
        "newspaper", "magazine", "outlet", "broadcaster", "channel", "radio", "tribune", "herald",
        "gazette", "daily", "politico", "axios", "fox", "msnbc", "nbc", "abc", "cbs", "npr", "breitbart",
        "huffpost", "vox", "xinhua", "spiegel", "independent", "economist", "wire", "press", "insider",
        "courier", "chronicle", "observer", "examiner", "inquirer", "sun", "star", "mirror", "express",
        "bulletin", "dispatch", "standard", "weekly", "mail", "kommersant", "izvestia", "reporter",
        "media", "network", "blog", "website", "podcast", "telegram", "report", "study", "poll", "survey",
    ]

    /// Words that make a noun phrase an organization.
    static let organizationWords: Set<String> = [
        "institute", "university", "company", "corporation", "corp", "inc", "group", "party", "committee",
        "association", "foundation", "union", "center", "centre", "bank", "fund", "organization",
        "organisation", "campaign", "coalition", "league", "society", "network", "firm", "council",
        "board", "club", "church", "school", "college", "alliance", "federation", "movement", "watch",
        "amnesty", "wagner", "brigade", "battalion", "team", "lab", "laboratory", "academy",
    ]

    /// Heads of unnamed sources: a phrase with one of these and no name is anonymous.
    static let anonymousHeads: Set<String> = [
        "official", "officials", "source", "sources", "person", "people", "spokesperson", "spokesman",
        "spokeswoman", "analyst", "analysts", "expert", "experts", "officer", "officers", "diplomat",
        "diplomats", "serviceman", "servicemen", "soldier", "soldiers", "witness", "witnesses", "resident",
        "residents", "aide", "aides", "insider", "insiders", "someone", "critics", "supporters", "observers",
        "mercenary", "fighter", "fighters", "man", "woman", "men", "women", "voters", "lawmakers",
        "investigators", "researchers", "scientists", "economists", "activists", "leaders", "members",
    ]

    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "who"]

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
        "tonight", "earlier", "later", "recently", "previously", "last", "this",
    ]
}
