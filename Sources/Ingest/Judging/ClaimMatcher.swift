import ArticleText
import Claims
import EventLog
import Fingerprint
import Ledger

/// Says, claim by claim, what a new article adds to the record: each of its claims is a
/// report of one already recorded, an update of one, new, or, in a version of a recorded
/// article, words that say nothing the version does not.
///
/// - A claim whose key (sentence, proposition, claimant) is in the memory, recorded from
///   another article, repeats that claim: the same report.
/// - Against the versions of the article it was found to be (near it, trimmed from it, or
///   fuller than it), a claim repeats one of theirs when it is that claim reworded or cut:
///   a similar sentence (half its distinct words or more in common, or four fifths of its
///   words inside the other's), a claimant that can be the same (`Claimants`), and no figure
///   the other lacks (each figure's value is the other's, or its words stand in the other
///   sentence, or its value stands in the versions with the same topic). An unattributed
///   claim whose figures all stand in the versions with the same values and topics
///   restates them (a headline that says "14 dead" after the body said it).
/// - A claim like one of theirs whose figures differ updates it: the same source saying
///   something newer.
/// - A claim whose sentence lies mostly in a version's text, with its source's name and its
///   figures' words, says nothing new: the version holds it, read otherwise. So does a new
///   headline, or a claim whose source is a pronoun nothing resolves, unless it brings a
///   figure or a quote the versions lack.
/// - Anything else is new: a new figure, a new quote, a new claimant, new paragraphs.
///
/// A version whose claims all repeat or say nothing new adds nothing: it is a copy.
struct ClaimMatcher {
    enum Role: Equatable {
        case new
        /// Words of a version that add nothing to it (a new headline, a sentence it holds).
        case immaterial
        /// The same report as a recorded claim: the same key.
        case same(String)
        /// The recorded claim reworded, cut or restated.
        case repeats(String)
        case updates(String)

        /// The claim it reports again, if it does.
        var reported: String? {
            switch self {
            case let .same(claim), let .repeats(claim): claim
            case .new, .immaterial, .updates: nil
            }
        }

        /// It adds nothing to versions whose claims are `held` (by id).
        func adds(nothingTo held: Set<String>) -> Bool {
            switch self {
            case .immaterial: true
            case let .same(claim), let .repeats(claim): held.contains(claim)
            case .new, .updates: false
            }
        }
    }

    /// A claim of an earlier version, with the id the record knows it by (nil when its key
    /// is not in the memory: an older extractor read that text differently).
    struct Known {
        var claim: Claim
        var id: String?
        let words: Set<UInt64>
        let numbers: Set<Double>
        let topics: [Double: Set<String>]

        init(_ claim: Claim, id: String?) {
            self.claim = claim
            self.id = id
            words = ClaimMatcher.words(claim.text)
            numbers = ClaimMatcher.numbers(claim.figures)
            topics = ClaimMatcher.topics(of: claim)
        }
    }

    /// The text of an earlier version: its words, its sentences' words and its shingles.
    struct VersionText {
        let words: Set<UInt64>
        let sentences: [Set<UInt64>]
        let shingles: ShingleSet

        init(_ text: String, fingerprinter: Fingerprinter) {
            words = ClaimMatcher.words(text)
            sentences = SentenceSplitter.split(text: text).map { ClaimMatcher.words($0.text) }
            shingles = fingerprinter.shingleSet(text: text)
        }
    }

    /// The least share of two sentences' distinct words they must share to be one claim
    /// reworded, and the least share of a shorter one's words inside a longer one (a quote
    /// that runs on in one version and stops in the other).
    static let similarWords = 0.5
    static let containedWords = 0.8
    /// The least share of a sentence's shingles a version's text must hold to hold it.
    static let heldShingles = 0.5

    let versions: [Known]
    let texts: [VersionText]
    let fingerprinter: Fingerprinter
    /// The new article's lines that read as headlines (its first sentence, and sentences
    /// without a closing stop: titles, site lines), as Unicode-scalar spans, with their words.
    let headlines: [Range<Int>]
    let headlineWords: Set<UInt64>

    init(versions: [Known], texts: [VersionText], fingerprinter: Fingerprinter, article: Article) {
        self.versions = versions
        self.texts = texts
        self.fingerprinter = fingerprinter
        let titles = article.sentences.enumerated().filter { index, sentence in index == 0 || !Self.endsWithStop(sentence.text) }
        headlines = titles.map { $0.element.start..<$0.element.end }
        headlineWords = titles.reduce(into: Set<UInt64>()) { $0.formUnion(Self.words($1.element.text)) }
    }

    /// A sentence closed by a full stop, a question or exclamation mark, or an ellipsis,
    /// perhaps inside closing quotes or brackets.
    static func endsWithStop(_ sentence: String) -> Bool {
        for scalar in sentence.unicodeScalars.reversed() {
            switch scalar {
            case ".", "!", "?", "…": return true
            case "\"", "'", "\u{201D}", "\u{2019}", ")", "]", " ": continue
            default: return false
            }
        }
        return false
    }

    /// The role of each of `claims`, the new article's, in order. `memory` answers for keys
    /// recorded from other articles; `article` is the new article's id.
    func roles(of claims: [Claim], article: String, memory: (ClaimKey) -> String?) -> [Role] {
        claims.map { claim in
            if let earlier = memory(Self.key(claim)), !earlier.hasPrefix(article + "-") { return .same(earlier) }
            return texts.isEmpty ? .new : role(of: claim)
        }
    }

    /// An unattributed claim whose figures all stand, with the same values and topics, in an
    /// earlier claim of the same article restates it (a headline that says "14 dead" of the
    /// body's "the service said 14 people were confirmed dead"): it repeats that claim, one
    /// report, however the article's versions arrive.
    static func restatingOwnClaims(_ claims: [Claim], roles: [Role], article: String) -> [Role] {
        // Topics cost a parse of the sentence: only for claims whose numbers another gives.
        let numbers = claims.map { Self.numbers($0.figures) }
        var topics: [Int: [Double: Set<String>]] = [:]
        func topicsOf(_ index: Int) -> [Double: Set<String>] {
            if let known = topics[index] { return known }
            let found = Self.topics(of: claims[index])
            topics[index] = found
            return found
        }
        return roles.indices.map { index in
            let claim = claims[index]
            guard roles[index] == .new || roles[index] == .immaterial, claim.claimant == nil, !numbers[index].isEmpty else {
                return roles[index]
            }
            let holder = claims.indices.first { other in
                guard other != index, roles[other].reported == nil, claims[other].claimant != nil,
                      numbers[index].isSubset(of: numbers[other]) else { return false }
                let mine = topicsOf(index)
                guard mine.count == numbers[index].count else { return false }
                let theirs = topicsOf(other)
                return mine.allSatisfy { number, topic in !(theirs[number]?.isDisjoint(with: topic) ?? true) }
            }
            return holder.map { .repeats("\(article)-\($0 + 1)") } ?? roles[index]
        }
    }

    /// A claim's role against the versions alone, whatever the memory holds.
    func role(of claim: Claim) -> Role {
        let words = Self.words(claim.text)
        let topics = Self.topics(of: claim)
        var changed: String?
        for known in versions where Self.similar(words, known.words) && Claimants.same(claim.claimant, known) {
            let figuresKnown = claim.figures.allSatisfy { figure in
                Self.numbers([figure]).isSubset(of: known.numbers) || Self.numberWords(figure.text).isSubset(of: known.words)
                    || restated(figure, topics: topics)
            }
            if figuresKnown {
                if let id = known.id { return .repeats(id) }
                continue
            }
            if changed == nil, let id = known.id { changed = id }
        }
        if let changed {
            // Numbers that stand at the same place in a version (a sentence run into the
            // next one, which holds them) are not a change.
            return held(claim) ? .repeats(changed) : .updates(changed)
        }
        if claim.claimant == nil, !claim.figures.isEmpty, claim.figures.allSatisfy({ restated($0, topics: topics) }),
           let holder = holder(of: claim.figures[0], topics: topics) {
            return .repeats(holder)
        }
        if held(claim) { return .immaterial }
        let unresolved = claim.claimant.map { Claimants.isPronoun($0.canonical) } ?? false
        if unresolved || headlines.contains(where: { $0.contains(claim.start) }) {
            let figuresKnown = claim.figures.allSatisfy { restated($0, topics: topics) || inText(Self.numberWords($0.text)) }
            let quoteKnown = !claim.quote || inText(Self.words(claim.content))
            if figuresKnown, quoteKnown { return .immaterial }
        }
        return .new
    }

    /// How many words of `sentences` (those of eight words or more) no version holds: most
    /// of the sentence's shingles, or a sentence of the version with the same words give or
    /// take a few.
    func unheldWords(in sentences: some Sequence<TextSpan>) -> Int {
        var total = 0
        for sentence in sentences {
            let words = Self.words(sentence.text)
            guard words.count >= 8 else { continue }
            let held = texts.contains { text in
                fingerprinter.share(of: sentence.text, in: text.shingles) >= Self.heldShingles
                    || text.sentences.contains { Self.similar(words, $0) }
            }
            if !held { total += words.count }
        }
        return total
    }

    /// The versions hold the claim: one of theirs is like it, or their text holds it.
    func holds(_ claim: Claim) -> Bool {
        let words = Self.words(claim.text)
        return versions.contains { Self.similar(words, $0.words) } || held(claim)
    }

    /// A version's text holds the claim: its sentence (most of its shingles, or a sentence
    /// of the version with the same words give or take a few), the numbers of its figures
    /// at that place (in the sentences it matches, or next to them), and its source's name
    /// but perhaps one word (or words of the new headlines, which a heading like "Report:"
    /// lends to the sentences after it). A one-word difference in a sentence the version
    /// holds is an edit, unless it changes a number.
    private func held(_ claim: Claim) -> Bool {
        let words = Self.words(claim.text)
        let numbers = claim.figures.reduce(into: Set<UInt64>()) { $0.formUnion(Self.numberWords($1.text)) }
        return texts.contains { text in
            guard Claimants.edited(claim.claimant, from: text.words.union(headlineWords)) else { return false }
            let matching = text.sentences.indices.filter { index in
                let sentence = text.sentences[index]
                return Self.similar(words, sentence) || (words.count < 5 && words.isSubset(of: sentence))
                    || (!sentence.isEmpty && Double(sentence.intersection(words).count) / Double(sentence.count) >= Self.similarWords)
            }
            guard !matching.isEmpty || fingerprinter.share(of: claim.text, in: text.shingles) >= Self.heldShingles else { return false }
            guard !numbers.isEmpty else { return true }
            var around = Set<UInt64>()
            for index in matching {
                for near in max(0, index - 1)...min(text.sentences.count - 1, index + 1) { around.formUnion(text.sentences[near]) }
            }
            return numbers.isSubset(of: around)
        }
    }

    private func inText(_ words: Set<UInt64>) -> Bool {
        texts.contains { words.isSubset(of: $0.words) }
    }

    /// A figure's values all stand in the versions' claims in a topic it shares.
    private func restated(_ figure: Figure, topics: [Double: Set<String>]) -> Bool {
        Self.numbers([figure]).allSatisfy { number in
            guard let mine = topics[number], !mine.isEmpty else { return false }
            return versions.contains { !($0.topics[number]?.isDisjoint(with: mine) ?? true) }
        }
    }

    /// The version claim that gives a figure's value in a topic it shares.
    private func holder(of figure: Figure, topics: [Double: Set<String>]) -> String? {
        guard let number = Self.numbers([figure]).first, let mine = topics[number] else { return nil }
        return versions.first { $0.id != nil && !($0.topics[number]?.isDisjoint(with: mine) ?? true) }?.id
    }

    static func key(_ claim: Claim) -> ClaimKey {
        ClaimKey(sentence: claim.text, content: claim.content, claimant: claim.claimant?.canonical)
    }

    private static func similar(_ left: Set<UInt64>, _ right: Set<UInt64>) -> Bool {
        guard !left.isEmpty, !right.isEmpty else { return false }
        let shared = left.intersection(right).count
        if Double(shared) / Double(left.count + right.count - shared) >= similarWords { return true }
        return left.count >= 5 && Double(shared) / Double(left.count) >= containedWords
    }

    /// The distinct fingerprint tokens of a text, hashed.
    static func words(_ text: String) -> Set<UInt64> {
        var words = Set<UInt64>()
        FingerprintTokenizer.forEachToken(in: text) { bytes in
            var hasher = TokenHasher()
            for byte in bytes { hasher.append(UInt64(byte), count: 1) }
            words.insert(hasher.hash)
        }
        return words
    }

    /// The words of a figure that say its number: digits, and number words ("five",
    /// "thousands"). The rest of a figure's text (what it counts) may be edited without
    /// making it another figure.
    static func numberWords(_ text: String) -> Set<UInt64> {
        var words = Set<UInt64>()
        FingerprintTokenizer.forEachToken(in: text) { bytes in
            let isNumber = bytes.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                || numberNames.contains(String(decoding: bytes, as: UTF8.self))
            guard isNumber else { return }
            var hasher = TokenHasher()
            for byte in bytes { hasher.append(UInt64(byte), count: 1) }
            words.insert(hasher.hash)
        }
        return words
    }

    private static let numberNames: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
        "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
        "millions", "billion", "billions", "trillion", "trillions", "dozen", "dozens", "tens", "half", "quarter",
        "third", "percent",
    ]

    /// The numbers figures give, lows and highs alike: "$35,000 to $60,000" and "$35,000,
    /// $60,000" say the same numbers.
    static func numbers(_ figures: [Figure]) -> Set<Double> {
        Set(figures.flatMap { [$0.low, $0.high].compactMap { $0 } })
    }

    /// Each number the claim's figures give, with the topics it counts in.
    static func topics(of claim: Claim) -> [Double: Set<String>] {
        var topics: [Double: Set<String>] = [:]
        for figure in claim.figures {
            let ledger = LedgerFigure(ref: FigureRef(claim: "", index: 0), text: figure.text, low: figure.low, high: figure.high,
                                      bound: FigureBound(figure.bound), unit: figure.unit, counted: figure.counted, sentence: claim.text)
            guard let key = TopicKeyMaker.key(for: ledger) else { continue }
            for number in numbers([figure]) { topics[number, default: []].insert(key.topicID) }
        }
        return topics
    }
}
