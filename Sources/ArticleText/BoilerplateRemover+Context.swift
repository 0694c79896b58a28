extension BoilerplateRemover {
    /// The headline: the first block the source marks as a title, else the first block of
    /// headline size (2–40 words) that is not furniture, up to the first body paragraph.
    static func titleIndex(_ blocks: [TextBlock], _ features: [BlockFeatures], _ quality: [Quality]) -> Int? {
        if let marked = blocks.indices.first(where: { blocks[$0].role == .title && features[$0].words > 0 }) {
            return marked
        }
        for index in blocks.indices {
            let words = features[index].words
            if quality[index] != .bad, words >= 2, words <= 40 { return index }
            if quality[index] == .good { break }
        }
        return nil
    }

    /// After "Read more", "Related" and the like, headline-shaped blocks are links to other
    /// stories until the text returns to sentences.
    static func dropListsAfterMarkers(
        _ furniture: [Furniture?], _ features: [BlockFeatures],
        _ quality: inout [Quality], _ decisions: inout [BlockDecision]
    ) {
        var inList = false
        // Markers above the headline ("News Feed") belong to the page header, not the article.
        let start = quality.firstIndex(of: .good).map { $0 + 1 } ?? quality.count
        for index in quality.indices where index >= start {
            if furniture[index] == .sectionStart { inList = true; continue }
            guard inList, furniture[index] == nil else { continue }
            if features[index].endsSentence && quality[index] != .short { inList = false; continue }
            quality[index] = .bad
            decisions[index].reason = .listAfterMarker
        }
    }

    /// Borderline blocks join good neighbours unless both sides are bad; short blocks stay
    /// only between good ones (subheads), or as a sentence right after a good paragraph.
    static func resolveContext(
        _ blocks: [TextBlock], _ features: [BlockFeatures], _ scope: Scope, title: Int?,
        _ quality: inout [Quality], _ decisions: inout [BlockDecision]
    ) {
        if scope == .container { keepBetweenProse(title: title, features, &quality, decisions) }
        // The nearest block on one side that is already decided (good or bad); the edges
        // of the document count as bad.
        // Captions sit inside the body between paragraphs, so they do not count as a side.
        func neighbour(_ index: Int, step: Int) -> Quality {
            var position = index + step
            while position >= 0, position < quality.count {
                // Separators ("___", "* * *"), captions and boxes dropped inside the article
                // (an ad, a newsletter prompt) do not end a run of body text.
                let reason = decisions[position].reason
                if reason == .caption || reason == .furnitureInside || features[position].letters == 0 {
                    position += step
                    continue
                }
                if quality[position] == .good || quality[position] == .bad || quality[position] == .edge {
                    return quality[position]
                }
                position += step
            }
            return .edge
        }
        func isGood(_ side: Quality) -> Bool { side == .good }
        func isLost(_ side: Quality) -> Bool { side == .bad || side == .edge }
        var promoted = [Int]()
        for index in quality.indices where quality[index] == .nearGood {
            if isLost(neighbour(index, step: -1)) && isLost(neighbour(index, step: 1)) {
                quality[index] = .bad
                decisions[index].reason = .lowDensity
            } else {
                promoted.append(index)
            }
        }
        for index in promoted { quality[index] = .good }
        var resolved = quality
        for index in quality.indices where quality[index] == .short {
            let before = neighbour(index, step: -1)
            let after = neighbour(index, step: 1)
            let sentenceAfterBody = before == .good && features[index].endsSentence && features[index].words >= 3
            // A short line right above a caption labels the picture (alt text).
            let labelsPicture = index + 1 < quality.count && decisions[index + 1].reason == .caption
            // Inside the article's container, a list that ends it (ingredients, steps, a
            // summary) is the article's own.
            let listAtEdge = scope == .container && blocks[index].role == .listItem
                && ((before == .good && after == .edge) || (before == .edge && after == .good))
            let keep = (before == .good && after == .good) || sentenceAfterBody || listAtEdge
            resolved[index] = !labelsPicture && keep ? .good : .bad
            if resolved[index] == .bad { decisions[index].reason = .shortOutOfContext }
        }
        quality = resolved
    }

    /// Inside the article's container, everything between its first and last paragraph of
    /// prose belongs to the article unless a rule named it furniture: subheadings, list
    /// items, table cells, short lines and text with few function words (a language the
    /// lists do not know, figures, lyrics). Only the container's head and tail (dates,
    /// kickers, tags, share lines) are judged by their neighbours.
    static func keepBetweenProse(
        title: Int?, _ features: [BlockFeatures], _ quality: inout [Quality], _ decisions: [BlockDecision]
    ) {
        let prose = quality.indices.filter { quality[$0] == .good && $0 != title }
        // A container of short lines only (a spec sheet, lyrics, a recipe card) is kept whole.
        let span = prose.count >= 2 ? (prose[0] + 1)..<prose[prose.count - 1] : 0..<quality.count
        for index in span {
            switch quality[index] {
            case .short, .nearGood: quality[index] = .good
            case .bad where decisions[index].reason == .lowDensity: quality[index] = .good
            // A sentence whose words are mostly links is still a sentence of the article.
            case .bad where decisions[index].reason == .linkList && features[index].endsSentence
                && features[index].words >= 8: quality[index] = .good
            default: break
            }
        }
    }

    /// From an end-of-article marker (copyright line, comment section, related list, author
    /// bio) on, the rest goes when it holds at most a little prose: teasers of other stories
    /// and comment boilerplate, not more of the article.
    static func cutTail(
        _ furniture: [Furniture?], _ features: [BlockFeatures], _ scope: Scope,
        _ quality: inout [Quality], _ decisions: inout [BlockDecision]
    ) {
        guard let firstGood = quality.firstIndex(of: .good) else { return }
        var wordsBefore = 0
        for index in quality.indices where index > firstGood {
            if quality[index - 1] == .good { wordsBefore += features[index - 1].words }
            // Inside a container a "Related" box sits in the article's text (its list goes by
            // itself), so only a legal line or an author's bio ends the article there.
            guard let kind = furniture[index], (kind == .sectionStart && scope != .container) || kind == .legal
                || kind == .authorBio else {
                continue
            }
            var goodAfter = 0
            var wordsAfter = 0
            for later in (index + 1)..<quality.count where quality[later] == .good {
                goodAfter += 1
                wordsAfter += features[later].words
            }
            if goodAfter == 0 || (goodAfter <= 2 && wordsAfter * 3 < wordsBefore) {
                for later in (index + 1)..<quality.count where quality[later] == .good {
                    quality[later] = .bad
                    decisions[later].reason = .tailAfterMarker
                }
                return
            }
        }
    }

    /// "Jane Doe is a news editor at …" in the last part of a page describes the author.
    static func markAuthorBios(
        _ blocks: [TextBlock], _ features: [BlockFeatures], _ furniture: inout [Furniture?], judged: (Int) -> Bool
    ) {
        let roles: [[UInt8]] = ["reporter", "editor", "correspondent", "journalist", "writer", "columnist",
                                "contributor", "freelance", "staff writer"].map { Array($0.utf8) }
        let copulas: [[UInt8]] = [" is a ", " is an ", " is the "].map { Array($0.utf8) }
        let candidates = blocks.indices.filter(judged)
        let tailStart = candidates.isEmpty ? blocks.count : candidates[candidates.count * 3 / 5]
        for index in candidates where index >= tailStart && furniture[index] == nil {
            let folded = features[index].folded
            let head = Array(folded.prefix(70))
            guard copulas.contains(where: { head.containsBytes($0) }),
                  roles.contains(where: { folded.containsBytes($0) }),
                  let first = blocks[index].text.unicodeScalars.first, first.properties.isUppercase else { continue }
            furniture[index] = .authorBio
        }
    }

    /// A heading or a short line ending in a colon right before a list of links dropped as
    /// such introduces that list ("Read more:", "Mehr zum Thema", "延伸阅读"), and a heading
    /// with no kept text after it heads nothing of the article: both go.
    static func dropListHeadings(
        _ blocks: [TextBlock], _ features: [BlockFeatures], title: Int?,
        _ quality: inout [Quality], _ decisions: inout [BlockDecision]
    ) {
        func introducesList(_ index: Int) -> Bool {
            let words = features[index].words
            guard words > 0, words <= 10, index != title, blocks[index].role != .listItem else { return false }
            return blocks[index].role == .heading || features[index].folded.last == UInt8(ascii: ":")
                || (words <= 5 && !features[index].endsSentence)
        }
        func isDropped(_ index: Int, afterHeading heading: Bool) -> Bool {
            guard quality[index] != .good else { return false }
            switch decisions[index].reason {
            case .linkList, .listAfterMarker: return true
            // Under a heading, a teaser in a box of related stories: a link, a headline or
            // a list item.
            case .furnitureInside:
                return heading && (blocks[index].linkDensity >= 0.5 || blocks[index].role != .paragraph)
            default: return false
            }
        }
        for index in quality.indices where quality[index] == .good && introducesList(index) {
            let heading = blocks[index].role == .heading
            func isDroppedLink(_ index: Int) -> Bool { isDropped(index, afterHeading: heading) }
            var following = [Int]()
            var next = index + 1
            while next < quality.count, following.count < 2 {
                if features[next].letters > 0 { following.append(next) }
                next += 1
            }
            // Two links in a row are a list; one alone must be a headline-sized link.
            guard let first = following.first, isDroppedLink(first) else { continue }
            let single = features[first].words <= 20 && blocks[first].linkDensity >= 0.8
            if single || (following.count == 2 && isDroppedLink(following[1])) {
                quality[index] = .bad
                decisions[index].reason = .listHeading
            }
        }
        var last = quality.count - 1
        while last >= 0 {
            if quality[last] == .good {
                guard last != title, blocks[last].role == .heading, features[last].words <= 10 else { break }
                quality[last] = .bad
                decisions[last].reason = .listHeading
            }
            last -= 1
        }
    }
}
