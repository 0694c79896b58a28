import EventLog
import Foundation
import SeededRandom

/// Synthetic but news-shaped records for `claimwatch-bench query`: articles from a few
/// hundred outlets, a tenth of them copied, ten claims each from a pool of claimants,
/// half of them with a figure counting some nationality's soldiers, citizens, dead…
struct QueryBenchCorpus {
    static let givenNames = ["Anna", "Pieter", "Lotte", "Henrik", "Sara", "Mira", "Jonas", "Tomas", "Ilse", "Oskar", "Greta",
                             "Emil", "Nora", "Viktor", "Lena", "Arvid", "Clara", "Johan", "Freya", "Milo"]
    static let surnames: [String] = {
        let starts = ["Brandt", "Hollis", "Kramer", "Aalto", "Lindqvist", "Sandel", "Vell", "Reyn", "Marten", "Osk", "Dahl",
                      "Berg", "Falk", "Holm", "Lund", "Moor", "Nyberg", "Rask", "Stern", "Voss"]
        return starts.flatMap { start in ["", "er", "sen", "ström", "vik"].map { start + $0 } }
    }()
    static let claimantCount = 20_000
    static func fullName(_ index: Int) -> String {
        givenNames[index % givenNames.count] + " " + surnames[(index / givenNames.count) % surnames.count]
            + (index >= givenNames.count * surnames.count ? " \(index / (givenNames.count * surnames.count))" : "")
    }

    /// 420 qualifiers: 20 peoples, alone and with 20 region words ("Upland Ostrian").
    static let nationalities: [String] = peoples + regions.flatMap { region in peoples.map { region + " " + $0 } }
    static let regions = ["North", "South", "East", "West", "Upper", "Lower", "Inner", "Outer", "Old", "New", "Greater",
                          "Little", "Far", "Near", "High", "Low", "Central", "Coastal", "Upland", "Delta"]
    static let peoples = ["Valdorian", "Ostrian", "Marrovian", "Kessish", "Lindish", "Halvernese", "Brakkish", "Nordic",
                          "Sarnish", "Tovarian", "Quellish", "Ambrian", "Corvish", "Dunmarian", "Etrish", "Felsian",
                          "Gorvish", "Ithrian"]
    static let heads: [(String, String)] = [("citizens", "are fighting at the front"), ("nationals", "serve in the army"),
                                            ("troops", "have been deployed"), ("soldiers", "were sent to the border"),
                                            ("people", "were confirmed dead"), ("residents", "have fled their homes"),
                                            ("fighters", "were captured")]
    static let vocabulary: [String] = {
        let stems = ["river", "dam", "bridge", "council", "budget", "inquiry", "report", "village", "army", "border", "ministry",
                     "harbor", "storm", "flood", "election", "court", "police", "hospital", "school", "market", "railway",
                     "factory", "treaty", "minister", "mayor", "union", "strike", "price", "tax", "grain"]
        let endings = ["", "s", "side", "work", "line", "hold", "gate", "field", "wood", "land"]
        return stems.flatMap { stem in endings.map { stem + $0 } }
    }()
    static let outlets = (0..<400).map { "Outlet \($0)" }

    private var random: SplitMix64
    let claims: Int
    private(set) var articles = 0
    private(set) var copies = 0
    private(set) var figures = 0

    init(seed: UInt64, claims: Int) {
        random = SplitMix64(seed: seed)
        self.claims = claims
    }

    mutating func writeLog(to directory: String) throws {
        let writer = try EventLogWriter(configuration: .init(directory: directory))
        var written = 0
        var batch: [any EventPayload] = []
        while written < claims {
            let id = String(format: "%016llx", random.next())
            articles += 1
            batch.append(ArticleIngested(article: id, path: "drop/\(id).txt", content: id + id, format: "text",
                                         title: "Story \(articles)", outlet: Self.outlets[random.below(Self.outlets.count)],
                                         published: "2026-11-\(10 + random.below(18))", bytes: 5_000, words: 800))
            for number in 1...min(10, claims - written) {
                batch.append(claim(article: id, number: number))
                written += 1
            }
            if random.below(10) == 0 {
                for copy in 0..<(1 + random.below(3)) {
                    copies += 1
                    batch.append(ArticleDuplicate(article: id + "c\(copy)", path: "drop/\(id)-\(copy).txt", of: id, kind: .near,
                                                  similarity: 0.9, bytes: 5_000))
                }
            }
            if batch.count >= 5_000 {
                _ = try writer.enqueue(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        _ = try writer.enqueue(batch)
        try writer.flush()
        try writer.close()
    }

    private mutating func claim(article: String, number: Int) -> ClaimExtracted {
        let name = Self.fullName(random.below(Self.claimantCount))
        var words: [String] = []
        for _ in 0..<12 { words.append(Self.vocabulary[random.below(Self.vocabulary.count)]) }
        var figureList: [ClaimExtracted.Figure] = []
        var text = "\(name) said the \(words[0...5].joined(separator: " ")) \(words[6...].joined(separator: " "))."
        if random.below(2) == 0 {
            let nationality = Self.nationalities[random.below(Self.nationalities.count)]
            let (head, context) = Self.heads[random.below(Self.heads.count)]
            let value = Double((1 + random.below(200)) * 50)
            let bounds: [FigureBound] = [.exact, .atLeast, .atMost, .approximately]
            let bound = bounds[random.below(bounds.count)]
            let surface = (bound == .atLeast ? "at least " : bound == .atMost ? "up to " : bound == .approximately ? "some " : "")
                + "\(Int(value)) \(nationality) \(head)"
            text = "\(name) said \(surface) \(context), near the \(words[0]) \(words[1])."
            figureList.append(.init(text: surface, low: bound == .atMost ? nil : value,
                                    high: bound == .atLeast ? nil : value, bound: bound, unit: nil,
                                    counted: "\(nationality) \(head)"))
            figures += 1
        }
        return ClaimExtracted(claim: "\(article)-\(number)", article: article, text: text, content: text, span: nil,
                              claimant: .init(name: name, canonical: name, kind: "person"), cue: "said", stance: "asserts",
                              hedges: [], quote: false, figures: figureList)
    }
}
