/// What an element's attributes say about it: its class and id words (the markup's own
/// vocabulary, the same in every language), its ARIA role, `itemprop`, and whether it is
/// hidden. Read once per element, from the attribute bytes.
struct ElementHints: OptionSet, Sendable {
    let rawValue: UInt16

    /// Class or id words of page furniture: navigation, share bars, related stories, ads,
    /// newsletter and cookie boxes, comments, captions, author boxes.
    static let furniture = ElementHints(rawValue: 1 << 0)
    /// Class or id words of a comment section in particular.
    static let comments = ElementHints(rawValue: 1 << 1)
    /// Class or id words of an article body ("article-body", "entry-content", "story").
    static let content = ElementHints(rawValue: 1 << 2)
    /// Words that make a container less likely to be the body ("meta", "widget", "sidebar").
    static let unlikely = ElementHints(rawValue: 1 << 3)
    /// `itemprop="articleBody"` (or `text`): the page declares this is the body.
    static let declaredBody = ElementHints(rawValue: 1 << 4)
    /// `role="main"`.
    static let mainRole = ElementHints(rawValue: 1 << 5)
    /// A landmark role that is never the article (navigation, banner, complementary, …).
    static let furnitureRole = ElementHints(rawValue: 1 << 6)
    /// `hidden`, `aria-hidden="true"`, or a style that hides it.
    static let hidden = ElementHints(rawValue: 1 << 7)
    /// `itemtype` of a schema.org article.
    static let articleType = ElementHints(rawValue: 1 << 8)
    /// A class or id word of a caption or picture credit.
    static let caption = ElementHints(rawValue: 1 << 9)

    /// Anything that makes the element's text furniture when it sits inside the article.
    static let dropInside: ElementHints = [.furniture, .comments, .furnitureRole, .hidden, .caption]
}

/// The class and id vocabulary, by FNV-1a hash of the lowercased word (as `StopWords`).
struct HintWords: Sendable {
    static let shared = HintWords()

    static let lists: [(ElementHints, String)] = [
        (.furniture, """
            nav navbar navigation menu menubar submenu footer sidebar share sharing shares sharebar social \
            socials related recommended recommendations newsletter subscribe subscription cookie cookies \
            consent gdpr paywall promo promotion advert advertisement advertising ad ads adslot adunit adsense \
            sponsor sponsored breadcrumb breadcrumbs popup modal signup tags tagcloud tagged toolbar \
            masthead banner outbrain taboola trending mostread popular byline author authors bio disclaimer \
            skip skiplink syndication readmore pagination pager login signin account search overlay \
            lightbox noprint rating ratings newsletterbox relatedposts relatedarticles \
            sharetools socialshare shareicons followus subscribebox partner partners affiliate affiliates \
            dfp gpt banners logo copyright legal contact jump wmippbase wmipp wmippinside donatobanner flyout \
            offcanvas drawer entrymeta entryutility postmeta postmetadata
            """),
        (.comments, "comment comments disqus respond reply replies commentlist discussion discourse reviews"),
        (.caption, "caption captions figcaption credit credits photocredit wpcaption imagecaption"),
        (.content, """
            article articlebody articletext articlecontent story storybody storytext \
            storycontent body content contents maincontent entry entrycontent entrybody hentry post \
            postbody postcontent posttext text main blog page single prose richtext bodytext copy \
            artikel beitrag inhalt texte contenu cuerpo tresc
            """),
        (.unlikely, """
            meta info aside teaser teasers preview card cards tile tiles list listing grid carousel widget \
            slider rail more header hero topbar utility tools tool links
            """),
    ]

    private let table = WordFlagTable<ElementHints>(HintWords.lists.map { ($1, $0) })

    @inline(__always)
    func flags(hash: UInt64) -> ElementHints { table.flags(hash: hash) }

    /// An id is one name: its words count only when it has at most three (`main-nav`,
    /// `comments`); a longer one is a slug of some heading ("nav_nur_die_folie__1") and
    /// counts only whole.
    func hints(ofID value: UnsafeBufferPointer<UInt8>) -> ElementHints {
        let value = UnsafeBufferPointer(rebasing: value.prefix(512))
        var words = 0
        var inWord = false
        for byte in value {
            let isWordByte = UTF8Bytes.isASCIILetter(byte) || UTF8Bytes.isASCIIDigit(byte)
            if isWordByte, !inWord { words += 1 }
            inWord = isWordByte
        }
        guard words > 3 else { return hints(of: value) }
        var joined: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value where UTF8Bytes.isASCIILetter(byte) || UTF8Bytes.isASCIIDigit(byte) {
            joined = (joined ^ UInt64(UTF8Bytes.lowerASCII(byte))) &* 0x100_0000_01b3
        }
        return flags(hash: joined | 1)
    }

    /// The flags of each word of a class list, and of each hyphenated token joined
    /// ("article-body" is the token "articlebody" of two words). A token that opens with a
    /// word saying what the element has or does ("has-sidebar", "with-comments",
    /// "no-ads") names a feature of the element, not what it is, and gives no hints.
    func hints(of value: UnsafeBufferPointer<UInt8>) -> ElementHints {
        var result: ElementHints = []
        var tokenHints: ElementHints = []
        var word: UInt64 = 0xcbf2_9ce4_8422_2325
        var joined: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        var wordsInToken = 0
        var modifier = false
        var index = 0
        let count = min(value.count, 513)
        while true {
            let byte: UInt8 = index < count ? value[index] : 0
            let isWordByte = byte != 0 && (UTF8Bytes.isASCIILetter(byte) || UTF8Bytes.isASCIIDigit(byte))
            if isWordByte {
                let lower = UTF8Bytes.lowerASCII(byte)
                word = (word ^ UInt64(lower)) &* 0x100_0000_01b3
                joined = (joined ^ UInt64(lower)) &* 0x100_0000_01b3
                inWord = true
            } else {
                let endsToken = byte == 0 || HTMLScanner.isSpace(byte)
                if inWord {
                    if wordsInToken == 0, !endsToken, Self.modifierHashes.contains(word | 1) { modifier = true }
                    tokenHints.formUnion(flags(hash: word | 1))
                    wordsInToken += 1
                    word = 0xcbf2_9ce4_8422_2325
                    inWord = false
                }
                // A token ends at whitespace: "article-body" is one token of two words.
                if endsToken {
                    if wordsInToken > 1 { tokenHints.formUnion(flags(hash: joined | 1)) }
                    if !modifier { result.formUnion(tokenHints) }
                    tokenHints = []
                    modifier = false
                    joined = 0xcbf2_9ce4_8422_2325
                    wordsInToken = 0
                }
            }
            if index >= count { break }
            index += 1
        }
        return result
    }

    /// First words of class tokens that describe a feature of the element.
    static let modifierHashes: Set<UInt64> = Set(
        ["has", "with", "without", "no", "show", "enable", "enabled", "allow", "can", "supports", "using", "use"]
            .map { StopWords.hash(Array($0.utf8)) })
}
