/// Reads story features, keeping its working space from one article to the next (the
/// pipeline reads every new article): the words, the keyword counts, the capitalized words.
public struct StoryReader: Sendable {
    private var words: [StoryWord] = []
    private var titleWords: [StoryWord] = []
    private var counts = HashCounter(capacity: 256)
    private var capitalizedInside = HashCounter(capacity: 64)

    public init() {}

    public mutating func features(title: String?, text: String, published: String?, recorded: String) -> StoryFeatures {
        words.removeAll(keepingCapacity: true)
        titleWords.removeAll(keepingCapacity: true)
        StoryWord.words(in: text, into: &words, limit: StoryFeatures.wordLimit)
        if let title { StoryWord.words(in: title, into: &titleWords, limit: StoryFeatures.wordLimit) }
        let (keywords, weights) = keywords(title: titleWords.map(\.hash))
        return StoryFeatures(keywords: keywords, weights: weights, names: names(),
                             date: StoryDate(published: published, recorded: recorded))
    }

    /// The content words used most, a title word counting half again: weight 1 + ln(uses).
    private mutating func keywords(title: [UInt64]) -> ([UInt64], [Float]) {
        counts.removeAll()
        let stopWords = StoryLexicon.stopWords
        for word in words where word.length >= 3 && !word.hasDigit && !stopWords.contains(word.hash) {
            counts.add(word.hash)
        }
        // The best `keywordCount` by score; of equal scores the word the article uses first
        // (its headline and lead come first). Kept in order as they come: most words are used
        // once, and fall below the last kept at the first comparison.
        var best: [(hash: UInt64, score: Float, first: Int)] = []
        best.reserveCapacity(StoryFeatures.keywordCount + 1)
        func ahead(_ left: (hash: UInt64, score: Float, first: Int), _ right: (hash: UInt64, score: Float, first: Int)) -> Bool {
            left.score == right.score ? left.first < right.first : left.score > right.score
        }
        counts.forEach { hash, uses, first in
            let weight = (1 + Self.useWeights[min(uses, Self.useWeights.count - 1)]) * (title.contains(hash) ? 1.5 : 1)
            let entry = (hash: hash, score: weight, first: first)
            if best.count == StoryFeatures.keywordCount, let last = best.last, !ahead(entry, last) { return }
            var place = best.count
            while place > 0, ahead(entry, best[place - 1]) { place -= 1 }
            best.insert(entry, at: place)
            if best.count > StoryFeatures.keywordCount { best.removeLast() }
        }
        let kept = best.sorted { $0.hash < $1.hash }
        let norm = kept.reduce(Float(0)) { $0 + $1.score * $1.score }.squareRoot()
        guard norm > 0 else { return ([], []) }
        return (kept.map(\.hash), kept.map { $0.score / norm })
    }

    /// ln(uses) for 0...64 (64 and more weigh alike), by the series ln x = 2 artanh((x-1)/(x+1)),
    /// so the weights are the same bits on every platform without a math library.
    private static let useWeights: [Float] = (0...64).map { uses in
        guard uses > 1 else { return 0 }
        let ratio = Double(uses - 1) / Double(uses + 1)
        var term = ratio, sum = 0.0
        for power in stride(from: 1, through: 3999, by: 2) {
            sum += term / Double(power)
            term *= ratio * ratio
        }
        return Float(2 * sum)
    }

    /// Names are runs of capitalized words that are not sentence openers, titles, days or
    /// months. A capitalized word that opens a sentence counts only when the article also
    /// writes it capitalized inside one. In a text that capitalizes its common nouns
    /// (German), only names of two words or more count.
    private mutating func names() -> [UInt64] {
        capitalizedInside.removeAll()
        var markers = 0
        let stopWords = StoryLexicon.stopWords, nonNames = StoryLexicon.capitalizedNonNames
        let germanMarkers = StoryLexicon.germanMarkers
        for word in words {
            if word.isCapitalized, !word.opensSentence { capitalizedInside.add(word.hash) }
            if germanMarkers.contains(word.hash) { markers += 1 }
        }
        let nounsCapitalized = markers * 100 > words.count * 8
        var names: [UInt64] = []
        var runLength = 0
        var last: UInt64 = 0
        func close() {
            if runLength >= 2 || (runLength == 1 && !nounsCapitalized) { names.append(last) }
            runLength = 0
        }
        for word in words {
            let isName = word.isCapitalized && !word.hasDigit && word.length >= 2
                && !stopWords.contains(word.hash) && !nonNames.contains(word.hash)
                && (!word.opensSentence || capitalizedInside.contains(word.hash))
            if isName {
                runLength += 1
                last = word.hash
                if word.punctuationAfter { close() }
            } else {
                close()
            }
        }
        close()
        names.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(names.count)
        for name in names where unique.last != name { unique.append(name) }
        return unique
    }
}
