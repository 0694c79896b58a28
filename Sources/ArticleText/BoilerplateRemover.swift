/// Removes page furniture at block level, in the spirit of jusText: each block is first
/// judged on its own (furniture patterns, length, share of function words, link density),
/// then short and borderline blocks take the verdict of their neighbours, and finally the
/// document's head (before the headline) and tail (after an end-of-article marker) go.
///
/// The rules lean towards keeping: a lost body paragraph costs more than a stray line of
/// furniture, which the fingerprint tolerates.
public enum BoilerplateRemover {
    enum Quality { case good, nearGood, short, bad }

    public static func classify(_ blocks: [TextBlock]) -> BoilerplateResult {
        let features = blocks.map { BlockFeatures($0.text) }
        var furniture = zip(blocks, features).map { FurnitureMatcher.match($0, $1) }
        let neutral = isLanguageNeutral(features)
        markAuthorBios(blocks, features, &furniture)

        var decisions = [BlockDecision](repeating: BlockDecision(kept: false, reason: .furniture), count: blocks.count)
        var quality = [Quality](repeating: .bad, count: blocks.count)
        var byline: String?
        for index in blocks.indices {
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
            if quality[index] == .bad { decisions[index].reason = .lowDensity }
        }

        let title = titleIndex(blocks, features, quality)
        if let title {
            for index in 0..<title where quality[index] != .bad {
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
        resolveContext(features, &quality, &decisions)
        cutTail(furniture, features, &quality, &decisions)

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
        let density = neutral ? 0.3 : features.stopDensity
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

    static func isLanguageNeutral(_ features: [BlockFeatures]) -> Bool {
        var words = 0
        var stops = 0
        for feature in features { words += feature.words; stops += feature.stopWords }
        return words >= 40 && stops * 100 < words * 8
    }
}
