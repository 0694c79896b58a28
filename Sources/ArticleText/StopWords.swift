/// Classes of English words the boilerplate rules look for, in one small open-addressing
/// table keyed by FNV-1a hashes, so the per-word lookup allocates nothing.
///
/// Function words are the signal jusText uses to tell prose from page furniture: body
/// paragraphs are about one-third function words, menus and link lists hardly have any.
/// Anchor words gate the costlier phrase searches: a block without "reserved", "photo" and
/// the like cannot hold a legal notice or a picture credit, so those searches are skipped.
struct StopWords: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let function = Flags(rawValue: 1)
        static let legal = Flags(rawValue: 2)
        static let credit = Flags(rawValue: 4)
        /// A function word of another language written in Latin letters.
        static let otherFunction = Flags(rawValue: 8)
    }

    static let shared = StopWords()

    static let functionWords = """
        a about above after again against all also although am an and any are as at be because \
        been before being below between both but by can could did do does doing down during each \
        even ever every few for from further had has have having he her here hers herself him \
        himself his how however i if in into is it its itself just least less many may me might \
        more most much must my myself never no nor not now of off often on once only or other \
        our ours ourselves out over own same several she should since so some such than that \
        the their theirs them themselves then there these they this those though through to too \
        under until up upon us very was we were what when where whether which while who whom \
        whose why will with within without would yet you your yours yourself yourselves said \
        says according told
        """
    /// Function words of German, French, Spanish, Italian, Portuguese, Dutch and Polish (the
    /// ASCII ones: words with other letters are not looked up). A block's density is the
    /// larger of the English and the other count, so prose in these languages reads as
    /// prose whatever else the page holds; scripts without these words fall back to shape.
    static let otherFunctionWords = """
        der die das den dem des ein eine einen einem einer eines und oder aber ist sind war waren wird \
        werden wurde wurden hat haben hatte nicht auch auf mit von zu zum zur im an am bei aus nach vor \
        sich es er sie wir ihr ich man dass wie als noch nur wenn dann kann mehr sehr schon um durch \
        diese dieser dieses seine ihre sein le la les un une du de et est sont dans pour par sur avec \
        que qui ne pas plus au aux ce cette ces il elle ils nous vous se sa son ses leur mais ou comme \
        el los las unos unas y del en es por para con se lo al su sus ha han fue era este esta entre \
        sobre il lo gli di della dei delle che e non per sono anche ma nel nella os um uma do da dos \
        das em no na nao para mais foi het een van dat op te voor zijn niet aan er ook bij door maar \
        dan w z na nie to jest od po o jak ale za co tak oraz lub przez dla jego jej ich
        """
    static let legalWords = "reserved unauthorized unauthorised permission prohibited reproduced rewritten akismet processed sign"
    static let creditWords = """
        image images photo photos photograph picture pictured credit screen screengrab screenshot \
        file illustration via getty
        """

    private let table = WordFlagTable<Flags>([
        (StopWords.functionWords, .function), (StopWords.otherFunctionWords, .otherFunction),
        (StopWords.legalWords, .legal), (StopWords.creditWords, .credit),
    ])

    /// FNV-1a over lowercased ASCII; never 0, since 0 marks an empty slot.
    @inline(__always)
    static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(UTF8Bytes.lowerASCII(byte))) &* 0x100_0000_01b3
        }
        return hash | 1
    }

    @inline(__always)
    func flags(hash: UInt64) -> Flags { table.flags(hash: hash) }
}
