extension BoilerplateRemover {
    /// Networks whose names are the same in every language, so a line naming them reads as
    /// an invitation to follow the outlet whatever language the rest of it is in.
    static let networkNames: [[UInt8]] = [
        "facebook", "twitter", "instagram", "telegram", "youtube", "tiktok", "linkedin", "whatsapp",
        "pinterest", "snapchat", "mastodon", "bluesky", "flipboard", "google news", "spotify", "weibo",
        "wechat", "vkontakte",
    ].map { Array($0.utf8) }

    /// Words from which a line is too long to be a call to follow the outlet.
    static let followLineWords = 50

    /// The last lines of a body that list the outlet's channels ("Follow us on Facebook,
    /// Twitter and Instagram", "Síguenos en Telegram, Instagram y Twitter", "Dołącz do nas na
    /// Facebooku, YouTube i TikToku") go: short, at the very end, naming three networks or
    /// more. A sentence of the article naming networks has prose after it; an author's aside
    /// naming one or two ("tell us on Twitter or Facebook") is the author's and stays.
    static func dropFollowLines(
        _ blocks: [TextBlock], _ features: [BlockFeatures], title: Int?,
        _ quality: inout [Quality], _ decisions: inout [BlockDecision]
    ) {
        var index = blocks.count - 1
        var checked = 0
        while index >= 0, checked < 3 {
            defer { index -= 1 }
            guard quality[index] == .good else { continue }
            checked += 1
            // A numbered point of an article about networks is a list item; a call to follow is a line.
            guard index != title, blocks[index].role != .listItem, isFollowLine(features[index]) else { return }
            // The article's own text must remain above it.
            guard quality[..<index].contains(.good) else { return }
            quality[index] = .bad
            decisions[index].reason = .furniture
        }
    }

    static func isFollowLine(_ features: BlockFeatures) -> Bool {
        features.words <= followLineWords && networksNamed(features.folded) >= 3
    }

    /// How many different networks a lowercased line names as words of their own (a name
    /// inflected in its language, "Facebooku", counts too; "myfacebook" does not).
    static func networksNamed(_ folded: [UInt8]) -> Int {
        var named = 0
        for name in networkNames {
            var start = 0
            while start + name.count <= folded.count {
                guard folded[start] == name[0], folded[start..<(start + name.count)].elementsEqual(name) else {
                    start += 1
                    continue
                }
                if start == 0 || !UTF8Bytes.isASCIILetter(folded[start - 1]) {
                    named += 1
                    break
                }
                start += 1
            }
        }
        return named
    }
}
