import ArgumentParser
import ArticleText
import Claims
import SeededRandom

/// Measures claim extraction on one core over invented ~5 KB news articles: attributions of
/// every shape, quotations that run on, figures with bounds and currencies. The articles are
/// extracted by `ArticleText` first (not timed), so the figure is the claims stage alone.
struct ClaimsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Benchmark claim extraction (articles/s on one core)."
    )

    @Option(help: "Distinct articles generated.")
    var articles = 2_000

    @Option(help: "Passes over the articles; the best pass is reported.")
    var passes = 5

    @Option(help: "Seed of the article generator.")
    var seed: UInt64 = 7

    @Flag(help: "Print a digest of every claim extracted, to check that an optimization changes no output.")
    var digest = false

    mutating func run() throws {
        var generator = ClaimsBenchArticles(seed: seed)
        let texts = (0..<articles).map { _ in generator.article() }
        let extractor = ArticleExtractor()
        let extracted = try texts.map { try extractor.extract(bytes: Array($0.utf8), fileName: "article.txt") }
        let averageSize = texts.reduce(0) { $0 + $1.utf8.count } / max(1, texts.count)
        print("articles: \(extracted.count) of ~\(averageSize) bytes")

        let claims = ClaimExtractor()
        if digest { print("digest: \(Self.digest(extracted.map { claims.extract(from: $0) }))") }
        var best = Double.infinity
        var found = 0
        for _ in 0..<max(1, passes) {
            var count = 0
            // Thread CPU time, as the dedup bench does: on a shared machine, time spent
            // descheduled is not extraction time.
            let seconds = BenchClock.cpuTime {
                // By index: a `for … in` copy of each article (a retain and a release of each
                // of its strings and arrays) is not extraction.
                for index in extracted.indices { count += claims.extract(from: extracted[index]).count }
            }
            found = count
            best = min(best, seconds)
        }
        let perArticle = best / Double(max(1, extracted.count))
        print("claims per article: \(found / max(1, extracted.count))")
        print("claim extraction: \(Int(1 / perArticle)) articles/s (\(Int(perArticle * 1e6)) µs each)")
    }

    /// FNV-1a over the claims' descriptions: stable across runs, unlike `Hasher`.
    static func digest(_ articles: [[Claim]]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for claims in articles {
            for claim in claims {
                for byte in String(describing: claim).utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            }
        }
        return String(hash, radix: 16)
    }
}

/// A seeded generator of invented news prose about a flood and its aftermath.
struct ClaimsBenchArticles {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func pick(_ items: [String]) -> String { items[random.below(items.count)] }
    private mutating func number(_ range: ClosedRange<Int>) -> Int { range.lowerBound + random.below(range.count) }

    static let people = ["Mayor Lena Ortiz", "Interior Minister Ilse Varga", "Professor Hana Sato", "Anton Bell",
                         "Councillor Ada Brenn", "Fire Chief Milo Dask", "Governor Petra Lind"]
    static let bodies = ["the regional water authority", "Tessaly Mining", "the Valley Courier", "the Interior Ministry",
                         "two city officials", "a spokesperson for the utility", "the Institute for Flood Research"]
    static let things = ["residents", "homes", "volunteers", "pumps", "bridges", "farms", "boats", "families"]
    static let bounds = ["at least", "more than", "about", "nearly", "up to", "some", "an estimated", "fewer than"]
    static let verbs = ["said", "told reporters", "claimed", "insisted", "noted", "warned", "added", "wrote"]

    mutating func article() -> String {
        var paragraphs = ["Flood Leaves \(pick(["Marrowdale", "Kessin", "Orlow"])) Counting The Cost"]
        var size = 0
        while size < 5_000 {
            let paragraph = paragraphText()
            size += paragraph.utf8.count + 2
            paragraphs.append(paragraph)
        }
        return paragraphs.joined(separator: "\n\n")
    }

    private mutating func paragraphText() -> String {
        let person = pick(Self.people)
        let surname = String(person.split(separator: " ").last ?? "")
        let body = pick(Self.bodies)
        let thing = pick(Self.things)
        switch random.next() % 8 {
        case 0: return "\(person) \(pick(Self.verbs)) that \(pick(Self.bounds)) \(number(2...900)) \(thing) were affected by the flood, and that repairs would take until the spring."
        case 1: return "“We have never seen water rise this fast. The pumps could not keep up,” \(surname) said. “We need help now.”"
        case 2: return "The damage is estimated at $\(number(2...90)).\(number(1...9))bn, according to \(body), which has asked for emergency funds."
        case 3: return "\(body.prefix(1).uppercased() + body.dropFirst()) denied that the levee had been neglected, and \(surname) dismissed the report as a fabrication."
        case 4: return "Between \(number(10...50)) and \(number(60...120)) \(thing) were reported damaged on April \(number(1...28)), and \(number(2...9)) workers were hurt, the 3rd Battalion said."
        case 5: return "\(number(2...9)) rescue boats searched the river for three days, while tens of thousands of sandbags were filled by volunteers paid €\(number(100...900)) a week."
        case 6: return "According to \(body), roughly \(number(10...90)) percent of the \(thing) in the valley were insured, a figure that \(surname) called “far too low.”"
        default: return "The town, founded in 18\(number(10...99)), has flooded before. She added that the council would meet on Tuesday at 6 p.m. to discuss the plan."
        }
    }
}
