import ArticleText
import Claims
import EventLog
import Fingerprint
import Ingest
import Foundation
import Ledger
import Stories

/// The pipeline's order of work on folders of real files, in memory, to see what stories
/// do to the figures ledger before the pipeline has them: copies are found as the daemon
/// finds them and join their original's story, new articles are assigned a story, their
/// claims extracted and their figures filed with story, day and source. Prints how many
/// conflicting pairs join articles of different folders (different stories by
/// construction), and the largest topics of each story of several articles.
struct StoriesLedgerTrial {
    struct File {
        var id: String
        var origin: String
        var article: Article
    }

    static func run(_ files: [File], matcher: StoryMatcher, recorded: String, topicsPerStory: Int) throws {
        let fingerprinter = try Fingerprinter()
        var index = try NearCopyIndex(parameters: fingerprinter.parameters)
        var originals: [String] = []
        var texts: [String] = []
        var grouper = StoryGrouper(matcher: matcher)
        var reader = StoryReader()
        var ledger = Ledger()
        let claims = ClaimExtractor()
        var origins: [String: String] = [:]
        var figureArticle: [FigureRef: String] = [:]
        var copies = 0, pairs = 0, crossPairs = 0
        var examples: [String] = []
        for file in files {
            let fingerprint = fingerprinter.fingerprint(file.article)
            let features = reader.features(title: file.article.title, text: file.article.text, published: file.article.published,
                                           recorded: recorded + "T12:00:00Z")
            // Candidates confirmed on exact shingle sets, as the pipeline confirms them (the
            // trial keeps the originals' texts in memory rather than on disk).
            let candidates = index.candidates(for: fingerprint)
            if !candidates.isEmpty,
               let version = fingerprinter.confirm(file.article.text, candidates: candidates, text: { texts[Int($0)] })
                .relations.first(where: \.isVersion) {
                copies += 1
                _ = grouper.assign(file.id, features: features, copyOf: originals[Int(version.ordinal)])
                continue
            }
            _ = try index.insert(fingerprint)
            originals.append(file.id)
            texts.append(file.article.text)
            origins[file.id] = file.origin
            let assignment = grouper.assign(file.id, features: features)
            for (number, claim) in claims.extract(from: file.article).enumerated() {
                let source = SourceCounter.source(claimant: claim.claimant?.canonical, outlet: file.article.outlet, article: file.id)
                for (place, figure) in claim.figures.enumerated() {
                    let ref = FigureRef(claim: "\(file.id)-\(number + 1)", index: place)
                    figureArticle[ref] = file.id
                    let filed = LedgerFigure(ref: ref, text: figure.text, low: figure.low, high: figure.high,
                                             bound: FigureBound(figure.bound), unit: figure.unit, counted: figure.counted,
                                             sentence: claim.text, story: assignment.story, date: features.date, source: source,
                                             earlier: figure.previous.flatMap { previous in
                                                 FigureRange(low: previous.low, high: previous.high, bound: FigureBound(previous.bound),
                                                             unit: figure.unit)
                                             }, article: file.id)
                    guard let comparison = ledger.add(filed) else { continue }
                    pairs += comparison.conflicts.count
                    for other in comparison.conflicts where origins[figureArticle[other] ?? ""] != file.origin {
                        crossPairs += 1
                        if examples.count < 10 { examples.append("\(comparison.label): \(figure.text) (\(file.id)) vs \(other)") }
                    }
                }
            }
        }
        let stories = grouper.stories
        print("\(files.count) files, \(copies) copies, \(originals.count) articles in \(stories.count) stories; "
            + "\(ledger.topics.count) topics, \(pairs) conflicting pairs, \(crossPairs) of them across folders")
        for example in examples { print("  across folders: \(example)") }
        var topicsByStory: [String: [Ledger.Topic]] = [:]
        for topic in ledger.topics.values { topicsByStory[topic.key.story, default: []].append(topic) }
        for story in stories where story.articles.count > 1 {
            let origin = origins[story.story] ?? "?"
            print("story \(story.story) (\(origin), \(story.articles.count) articles with copies):")
            let topics = (topicsByStory[story.story] ?? []).sorted { $0.entries.count == $1.entries.count ? $0.label < $1.label : $0.entries.count > $1.entries.count }
            for topic in topics.prefix(topicsPerStory) where topic.entries.count > 1 {
                // A figure its source updated later is marked with an arrow: history, not compared.
                let values = topic.entries.map { entry in
                    (entry.range.high.isInfinite ? "≥\(Self.number(entry.range.low))"
                        : entry.range.low == entry.range.high ? Self.number(entry.range.low)
                        : "\(Self.number(entry.range.low))–\(Self.number(entry.range.high))")
                        + (entry.updatedBy == nil ? "" : " →")
                }
                print("  \(topic.label) [\(topic.key)]: \(values.joined(separator: ", "))")
            }
        }
    }

    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }
}
