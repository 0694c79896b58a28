/// Recognises furniture from a block's lowercased text. The lists are generic web furniture
/// (the wording CMSes and syndication feeds use), never phrases of particular articles.
enum FurniturePatterns {
    /// Lines that are furniture when they are the whole block (trailing punctuation ignored).
    static let wholeLines: Set<String> = [
        "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content",
        "promoted", "paid content", "skip to main content", "skip to content", "skip to navigation",
        "menu", "search", "home", "close", "share", "share this", "share this article",
        "share this story", "share article", "tweet", "email", "print", "whatsapp", "facebook",
        "twitter", "linkedin", "reddit", "copy link", "link copied", "follow", "following",
        "translate", "subscribe", "sign in", "log in", "login", "register", "show more",
        "load more", "see more", "view more", "continue reading", "keep reading", "back to top",
        "next article", "previous article", "next story", "next", "previous", "open profile settings",
        "account frozen", "video thumbnail", "avatar", "icon", "image", "photo", "gallery", "loading",
        "play video", "watch video", "video", "watch", "listen", "news article", "news feed",
        "topics", "tags", "filed under", "accept", "reject", "manage cookies", "cookie settings",
        "more", "less", "print this page", "save", "saved", "bookmark", "comments", "updated",
    ]

    /// Lines that open a list of other articles or a comment section.
    static let sectionStarts: Set<String> = [
        "related", "related posts", "related articles", "related stories", "related news",
        "related content", "related sources", "related coverage", "related topics", "related reading",
        "read more", "read next", "read also", "also read", "see also", "more from", "more stories",
        "more news", "more on this story", "more on this topic", "recommended", "recommended for you",
        "recommended stories", "you may also like", "you might also like", "you may be interested in",
        "trending", "trending now", "trending stories", "most read", "most popular", "popular",
        "popular stories", "latest", "latest news", "latest stories", "top stories", "more to read",
        "comments", "comment", "leave a reply", "leave a comment", "post a comment", "join the conversation",
        "be the first to comment", "show comments", "view comments", "about the author", "about the authors",
        "editor's picks", "editors' picks", "don't miss", "what to read next", "in other news",
        "news feed", "more in this section", "sponsored stories", "from our partners", "around the web",
    ]

    static let wholeLineHashes = Set(wholeLines.map { StopWords.hash(Array($0.utf8)) })
    static let sectionStartHashes = Set(sectionStarts.map { StopWords.hash(Array($0.utf8)) })
    /// Short lines starting so open a list of other stories.
    static let sectionPrefixes = ["read more", "related ", "more from", "more on "].map { Array($0.utf8) }

    /// Prefixes of short furniture lines (checked on blocks of at most 30 words).
    static let shortPrefixes: [[UInt8]] = [
        "sign up", "signup", "subscribe", "follow us", "follow @", "share this", "share on",
        "share via", "listen to this article", "listen to article", "listen to the article",
        "skip to", "read more", "read also", "read next", "see also", "also read", "related:",
        "more:", "click here", "tap here", "we use cookies", "this site uses cookies",
        "this website uses cookies", "by continuing to", "by clicking", "comments are closed",
        "this site uses akismet", "your account", "please go to your settings", "welcome to",
        "don't miss", "dont miss", "most popular", "get the latest", "download the app",
        "download our app", "to continue reading", "already a subscriber", "already have an account",
        "create an account", "create a free account", "you have reached", "you've reached",
        "register now", "become a member", "support our journalism", "support independent",
        "enjoyed this article", "join our", "get our", "this will close in", "advertisement",
        "sponsored", "updated:", "published:", "posted:", "last updated", "posted on",
        "published on", "updated on", "follow the latest", "get breaking news", "watch live",
        "join the conversation", "have your say", "log in to", "sign in to", "login to",
        "you are reading", "you're reading", "previous article", "next article", "image source",
        "image caption", "media caption", "photo gallery", "related topics", "more on this story",
    ].map { Array($0.utf8) }

    /// Phrases that make a short block furniture wherever they appear in it.
    static let shortContains: [[UInt8]] = [
        "privacy policy", "terms of use", "terms of service", "cookie policy", "cookie settings",
        "sign up for", "subscribe to our", "our newsletter", "in your inbox",
        "min read", "minute read", "mins read", "reading time", "follow us on", "share this article",
        "comment data is processed", "sign up today", "sign up now", "subscribe now", "join now",
        "enable javascript", "javascript is disabled", "ad blocker", "adblock",
        "unlimited digital access", "digital subscription", "subscribers only",
        "for subscribers", "exclusive to subscribers", "premium content", "originally published", "originally appeared", "republished with permission", "is republished",
        "a partner site", "breaking news alerts", "push notifications", "notifications for",
        "all rights reserved", "unauthorized use", "without express and written permission",
        "our daily briefing", "get the app",
    ].map { Array($0.utf8) }

    static let shortPrefixesByFirstByte = byFirstByte(shortPrefixes)
    static let shortContainsByFirstByte = byFirstByte(shortContains)

    static func byFirstByte(_ phrases: [[UInt8]]) -> [[[UInt8]]] {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for phrase in phrases where !phrase.isEmpty { table[Int(phrase[0])].append(phrase) }
        return table
    }

    /// Phrases that mark legal notices in a block of any length.
    static let legalContains: [[UInt8]] = [
        "all rights reserved", "unauthorized use", "without express and written permission",
        "may not be published, broadcast, rewritten", "may not be reproduced", "this material may not",
        "is strictly prohibited", "sign up today and", "comment data is processed",
    ].map { Array($0.utf8) }

    /// Caption credit markers looked for near the end of a block.
    static let creditMarkers: [[UInt8]] = [
        "(image:", "(photo:", "(photo by", "(photograph:", "(picture:", "(credit:", "(pictured",
        "photo:", "photos:", "image:", "credit:", "photograph:", "photo credit", "picture:",
        "screen grab", "screengrab", "screenshot:", "(screenshot", "(file photo", "file photo)",
        "(illustration", "illustration:", "photo by ", "photo illustration", "image via", "photo via",
        "via getty", "via reuters", "via ap", "via afp",
    ].map { Array($0.utf8) }

    /// Picture agencies: a block ending in "/Agency", "(Agency)" or "via Agency" is a credit.
    static let agencies: [[UInt8]] = [
        "getty images", "getty", "afp", "reuters", "ap", "ap photo", "epa", "epa-efe", "efe",
        "shutterstock", "alamy", "pool", "istock", "istockphoto", "anadolu", "anadolu agency",
        "tass", "xinhua", "sipa", "sipa usa", "zuma", "zuma press", "nurphoto", "wireimage",
        "dpa", "ria novosti", "sputnik", "imago", "pa", "pa images", "pa wire", "bloomberg",
        "reuters/alamy", "abaca", "ap images", "afp/getty images", "handout", "supplied", "courtesy",
    ].map { Array($0.utf8) }
}
