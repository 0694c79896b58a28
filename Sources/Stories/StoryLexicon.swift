/// The small word lists the story features are read with. Nothing here names a story or
/// a place: only the words every text is made of, in the languages the drop folder sees
/// most, so that what is left is what an article is about.
enum StoryLexicon {
    /// Function words and the most general verbs and nouns of news prose: never keywords,
    /// never names.
    static let stopWords = hashes(english + german + french + spanish + italian + dutch + polish + portuguese)

    /// Capitalized words that are not names of anything: days, months, titles, words that
    /// open sentences and headlines.
    static let capitalizedNonNames = hashes(capitalized)

    /// German function words: a text rich in them capitalizes its common nouns, so a
    /// capital letter alone does not make a name there.
    static let germanMarkers = hashes(
        "der die das und ist nicht ein eine einer mit von zu den dem des sich auch auf für wird werden sind war")

    private static func hashes(_ list: String) -> HashSet64 {
        HashSet64(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(WordHash.of))
    }

    private static let english = """
        a an the and or but if then than that this these those there here of in on at to for from by with about as \
        into onto over under after before between through during without within upon against among is are was were \
        be been being am has have had having do does did doing will would shall should can could may might must not \
        no nor so too very just also only even still yet already again ever never it its he him his she her hers \
        they them their theirs we us our ours you your yours me my mine who whom whose which what when where why how \
        all any both each every few more most other some such own same one two three four five six seven eight nine \
        ten said says say told tell according mr mrs ms dr new year years last first next time people percent per \
        cent like well back up down out off while because since until although though whether however many much \
        made make makes get got go going went come came including include includes around across via don didn doesn \
        isn wasn weren won wouldn couldn shouldn
        """
    private static let german = """
        der die das den dem des ein eine einer eines einem einen und oder aber wenn dann als wie auch noch nur schon \
        nicht kein keine ist sind war waren wird werden wurde wurden hat haben hatte hatten sein seine ihr ihre es er \
        sie wir ich du man sich mit von zu zum zur bei aus nach vor über unter für durch gegen um an am auf im in ins \
        so dass daß was wer wo mehr sehr bis seit doch ob dies diese dieser dieses jetzt hier dort alle beim vom soll \
        sollen kann können muss müssen
        """
    private static let french = """
        le la les un une des du de et ou mais si que qui quoi dont où ne pas plus est sont était été être ont avait \
        avoir il elle ils elles nous vous je tu on se sa son ses leur leurs ce cette ces au aux dans par pour sur avec \
        sans sous entre comme aussi très tout tous toute toutes
        """
    private static let spanish = """
        el la los las un una unos unas y o pero si que quien de del al en por para con sin sobre entre es son era fue \
        ser está están ha han había se su sus lo le les este esta estos estas ese esa como más muy también ya no
        """
    private static let italian = """
        il lo la i gli le un uno una e o ma se che chi di del della dei delle da dal in nel nella per con su tra fra è \
        sono era stato essere ha hanno si suo sua suoi non più anche come questo questa
        """
    private static let dutch = """
        de het een en of maar als dan dat die van in op te voor met door naar bij uit om aan is zijn was waren wordt \
        worden heeft hebben niet geen ook nog wel er hij zij we ik
        """
    private static let polish = """
        i w we na z ze do od o po przez dla że się nie jest są był była było to ten ta te tego tym jak oraz ale czy \
        lub już tak także które który która
        """
    private static let portuguese = """
        o a os as um uma e ou mas se que de do da dos das em no na nos nas por para com sem é são foi ser está estão \
        não mais muito também como
        """
    private static let capitalized = """
        the a an and but or if in on at to for of from by with as it he she they we i you this that these those \
        there here his her their our my your its monday tuesday wednesday thursday friday saturday sunday january \
        february march april may june july august september october november december mr mrs ms dr prof sir \
        president minister prime secretary chairman chief police government ministry department office court army \
        council party state states news report today yesterday tomorrow according however meanwhile also after \
        before when while but so yet new one two three
        """
}
