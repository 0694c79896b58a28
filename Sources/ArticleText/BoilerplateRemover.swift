/// Removes page furniture at block level, in the spirit of jusText: each block is first
/// judged on its own (furniture patterns, length, share of function words, link density),
/// then short and borderline blocks take the verdict of their neighbours, and finally the
/// document's head (before the headline) and tail (after an end-of-article marker) go.
///
/// The rules lean towards keeping: a lost body paragraph costs more than a stray line of
/// furniture, which the fingerprint tolerates.
public enum BoilerplateRemover {
    /// `edge` is a block outside the container: a side with no article text, as `bad` is.
    enum Quality { case good, nearGood, short, bad, edge }

    /// Where the blocks come from: a text or record (every rule applies), a whole web page
    /// (prose above the headline stays: a page's first `<h1>` may come late), or the
    /// main-content container of a page (a list at its edge stays too).
    enum Scope { case text, page, container }

    public static func classify(_ blocks: [TextBlock]) -> BoilerplateResult {
        let features = blocks.map { BlockFeatures($0.text) }
        let furniture = zip(blocks, features).map { FurnitureMatcher.match($0, $1) }
        return classify(blocks, features: features, furniture: furniture)
    }

    /// Judges the blocks that have no preset verdict. A `.furnitureInside` preset is
    /// transparent to the neighbour rules (as a caption is); `.outsideMainContent` is an edge.
    static func classify(
        _ blocks: [TextBlock], features: [BlockFeatures], furniture matched: [Furniture?],
        presets: [BlockDecision.Reason?] = [], scope: Scope = .text, title chosen: Int? = nil
    ) -> BoilerplateResult {
        let preset = { (index: Int) -> BlockDecision.Reason? in presets.isEmpty ? nil : presets[index] }
        // Blocks decided already mark no list or tail: a "Related" heading in a dropped box
        // says nothing about the article's own text after it.
        var furniture = presets.isEmpty ? matched : matched.indices.map { presets[$0] == nil ? matched[$0] : nil }
        let neutral = isLanguageNeutral(features)
        markAuthorBios(blocks, features, &furniture, judged: { preset($0) == nil })

        var decisions = [BlockDecision](repeating: BlockDecision(kept: false, reason: .furniture), count: blocks.count)
        var quality = [Quality](repeating: .bad, count: blocks.count)
        var byline: String?
        for index in blocks.indices {
            if let reason = preset(index) {
                decisions[index].reason = reason
                quality[index] = reason == .outsideMainContent ? .edge : .bad
                continue
            }
            if let kind = furniture[index] {
                decisions[index].reason = reason(for: kind)
                if case .byline(let name) = kind, byline == nil { byline = name }
                continue
            }
            if blocks[index].linkDensity > 0.5 {
                decisions[index].reason = .linkList
                continue
            }
            quality[index] = judge(features[index], linkDensity: blocks[index].linkDensity, neutral: neutral)
            // Inside the container, chosen on the text's shape alone, a long sentence-ending
            // block is prose whatever its language: the function-word lists know only some.
            if scope == .container, quality[index] != .good, isLongProse(features[index], linkDensity: blocks[index].linkDensity) {
                quality[index] = .good
            }
            if quality[index] == .bad { decisions[index].reason = .lowDensity }
        }

        let title = chosen ?? titleIndex(blocks, features, quality)
        if let title {
            for index in 0..<title where quality[index] != .bad && quality[index] != .edge {
                // On a web page, prose above the headline is kept; only short lines go.
                if scope != .text, quality[index] == .good { continue }
                quality[index] = .bad
                decisions[index].reason = .beforeTitle
            }
            quality[title] = .good
            let folded = features[title].folded
            for index in blocks.indices where index > title && features[index].folded == folded {
                quality[index] = .bad
                decisions[index].reason = .duplicateTitle
            }
        }
        dropListsAfterMarkers(furniture, features, &quality, &decisions)
        resolveContext(blocks, features, scope, title: title, &quality, &decisions)
        cutTail(furniture, features, scope, &quality, &decisions)
        dropFollowLines(blocks, features, title: title, &quality, &decisions)
        dropListHeadings(blocks, features, title: title, &quality, &decisions)

        for index in blocks.indices where quality[index] == .good {
            decisions[index] = BlockDecision(kept: true, reason: index == title ? .title : .body)
        }
        return BoilerplateResult(decisions: decisions, titleIndex: title, byline: byline)
    }

    static func reason(for furniture: Furniture) -> BlockDecision.Reason {
        switch furniture {
        case .clutter: .furniture
        case .byline: .byline
        case .caption: .caption
        case .legal: .legal
        case .sectionStart: .sectionStart
        case .authorBio: .authorBio
        }
    }

    /// Length and function-word share; without English function words (another language)
    /// only length and sentence shape count.
    static func judge(_ features: BlockFeatures, linkDensity: Double, neutral: Bool) -> Quality {
        let words = features.words
        if words <= 6 { return .short }
        // A block mostly in another script (Cyrillic, Greek, Arabic, CJK) has no function
        // words to count: its length and sentence shape decide.
        let density = neutral || features.asciiWords * 2 < features.words ? 0.3 : features.stopDensity
        var quality: Quality
        if words >= 10, density >= 0.2, features.endsSentence {
            quality = .good
        } else if words >= 25, density >= 0.15 {
            quality = .good
        } else if density >= 0.1 {
            quality = .nearGood
        } else {
            quality = words <= 15 ? .short : .bad
        }
        if linkDensity > 0.25, quality == .good { quality = .nearGood }
        return quality
    }

    static func isLongProse(_ features: BlockFeatures, linkDensity: Double) -> Bool {
        features.words >= 20 && features.endsSentence && linkDensity <= 0.25
    }

    static func isLanguageNeutral(_ features: [BlockFeatures]) -> Bool {
        var words = 0
        var stops = 0
        for feature in features { words += feature.words; stops += feature.functionWords }
        return words >= 40 && stops * 100 < words * 8
    }
}
