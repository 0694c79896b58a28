/// Closed word classes the phrase scanner needs, lowercase.
enum PhraseLexicon {
    /// Words between a subject and its cue that the scanner steps over.
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "also", "further", "later", "previously", "repeatedly", "again", "then",
        "already", "once", "recently", "publicly", "privately", "separately", "will", "would", "could",
        "may", "might", "should", "must", "can", "did", "does", "do", "long", "just", "often", "always",
        "still", "even", "too", "first", "initially", "earlier", "subsequently", "now", "originally",
        "himself", "herself", "themselves", "itself", "both", "all", "reportedly", "allegedly", "apparently",
        "not", "never", "openly", "cannot", "can't", "won't", "didn't", "doesn't", "don't", "wouldn't",
        "hasn't", "haven't", "isn't", "wasn't", "couldn't", "shouldn't", "ultimately", "generally", "widely", "quickly", "promptly",
    ]
    static let beForms: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "'s", "it's"]

    /// Words a subject noun phrase never runs back across.
    static let phraseStops: Set<String> = [
        "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "while", "when", "whereas",
        "as", "because", "if", "after", "before", "since", "although", "though", "where", "whether",
        "so", "than", "until", "unless", "once", "is", "are", "was", "were", "be", "been", "being", "has",
        "have", "had", "will", "would", "could", "should", "may", "might", "must", "can", "do", "does",
        "did", "not", "to", "by", "about", "into", "against", "over", "under", "between", "through",
        "during", "without", "within", "upon", "like", "what", "how", "why", "there", "here", "yet",
        "however", "meanwhile", "also", "then", "still", "even", "only", "just", "said", "says", "told",
        "according", "him", "them", "us", "me", "her", "it", "this", "these", "those", "such", "per",
        "cannot", "can't", "won't", "didn't", "doesn't", "don't", "wouldn't", "hasn't", "haven't", "isn't",
        "wasn't", "couldn't", "shouldn't", "amid", "despite", "toward", "towards", "via", "among", "beyond", "up", "down", "out", "off",
    ]
    /// Prepositions allowed inside a source's name ("Institute for the Study of War",
    /// "a spokesperson for the ministry", "officials in Washington").
    static let innerPrepositions: Set<String> = ["of", "for", "at", "from", "with", "in", "on"]

    /// Cues whose first object is the listener, not the content ("told Reuters that").
    static let listenerCues: Set<String> = [
        "told", "tells", "tell", "telling", "assured", "assures", "informed", "informs", "briefed", "warned",
        "warns", "reminded", "reminds", "urged", "urges", "asked", "asks", "advised",
    ]
    /// Phrases after a cue that are neither listener nor content.
    static let cueAdjuncts: Set<String> = [
        "in", "on", "at", "during", "last", "this", "earlier", "late", "early", "later", "yesterday", "today",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "that", "previously",
        "recently", "also", "further", "publicly", "privately", "repeatedly", "again", "then", "flatly",
    ]
}
