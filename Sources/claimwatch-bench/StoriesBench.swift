import ArgumentParser
import ArticleText
import Claims
import Foundation
import SeededRandom
import Stories

/// Measures story assignment beside claim extraction, per article and on one core: the
/// features of each article (its keywords, names and date) and its assignment to a story
/// in a feed of many stories over months. The claims figure is taken in the same run on the
/// same articles as `claimwatch-bench claims`, so the two can be compared.
///
/// With `--folder`, groups the articles of real folders instead and prints the stories
/// (an evaluation tool: which files went together, and whether a story spans two folders).
struct StoriesBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Benchmark story assignment against claim extraction, or group folders of articles and print the stories."
    )

    @Option(help: "Articles of the invented feed (about five per story).")
    var articles = 20_000

    @Option(help: "Passes; the best pass is reported.")
    var passes = 5

    @Option(help: "Seed of the generators.")
    var seed: UInt64 = 7

    @Option(name: .customLong("folder"), help: "Group the files of this folder (repeatable); its name is the files' origin.")
    var folders: [String] = []

    @Option(help: "With --folder: the day the files count as recorded (YYYY-MM-DD).")
    var recorded = "2026-12-05"

    @Option(help: "Also group in this many shuffled orders and compare the groupings.")
    var shuffles = 0

    @Option(help: "The same-story test's least similarity (default: StoryMatcher's).")
    var similarity: Float?

    @Option(help: "The same-story test's least similarity for articles sharing many names (default: StoryMatcher's).")
    var manyNamesSimilarity: Float?

    @Flag(help: "With --folder: print every story of two articles or more with its files.")
    var list = false

    @Option(help: "With --folder: also extract claims, file figures with their stories, and print the ledger's topics (the largest N per story) and its conflicting pairs across folders.")
    var ledger: Int?

    @Option(help: "With --folder: print how every two articles of this folder compare (shared names, similarity, days apart).")
    var pairs: String?

    /// The matcher, with the options' overrides.
    private var matcher: StoryMatcher {
        var matcher = StoryMatcher()
        if let similarity { matcher.configuration.minimumSimilarity = similarity }
        if let manyNamesSimilarity { matcher.configuration.similarityWithManyNames = manyNamesSimilarity }
        return matcher
    }

    @Option(help: "Instead of timing, assign this many feed articles and print the resident memory they take.")
    var memory: Int?

    mutating func run() throws {
        if let memory {
            residentMemory(articles: memory)
        } else if folders.isEmpty {
            try measure()
        } else {
            try group()
        }
    }

    /// The grouper's memory per article: features read and assigned one at a time, the text
    /// dropped, as the pipeline does.
    private func residentMemory(articles: Int) {
        var feed = StoriesBenchFeed(seed: seed)
        var reader = StoryReader()
        var grouper = StoryGrouper(matcher: matcher)
        let before = BenchClock.residentBytes()
        for _ in 0..<articles {
            let item = feed.next()
            _ = grouper.assign(item.id, features: reader.features(title: item.title, text: item.text, published: item.published,
                                                                 recorded: item.published))
        }
        let after = BenchClock.residentBytes()
        print("\(articles) articles in \(grouper.stories.count) stories: \((after - before) / max(1, articles)) bytes per article resident")
    }

    private func measure() throws {
        var claimsGenerator = ClaimsBenchArticles(seed: seed)
        let extractor = ArticleExtractor()
        let claimTexts = try (0..<2_000).map { _ in
            try extractor.extract(bytes: Array(claimsGenerator.article().utf8), fileName: "article.txt")
        }
        let claims = ClaimExtractor()
        var claimsBest = Double.infinity, featuresBest = Double.infinity
        for _ in 0..<max(1, passes) {
            var count = 0
            claimsBest = min(claimsBest, BenchClock.cpuTime {
                for index in claimTexts.indices { count += claims.extract(from: claimTexts[index]).count }
            })
            var reader = StoryReader()
            featuresBest = min(featuresBest, BenchClock.cpuTime {
                for index in claimTexts.indices {
                    count += reader.features(title: claimTexts[index].title, text: claimTexts[index].text, published: nil,
                                             recorded: "2026-12-05T00:00:00Z").names.count
                }
            })
            precondition(count > 0)
        }
        let claimsEach = claimsBest / Double(claimTexts.count)
        let featuresEach = featuresBest / Double(claimTexts.count)

        var feed = StoriesBenchFeed(seed: seed)
        let items = (0..<articles).map { _ in feed.next() }
        let features = items.map { StoryFeatures(title: $0.title, text: $0.text, published: $0.published, recorded: $0.published) }
        var assignBest = Double.infinity
        var storyCount = 0, merges = 0
        for _ in 0..<max(1, passes) {
            var grouper = StoryGrouper()
            var mergedNow = 0
            assignBest = min(assignBest, BenchClock.cpuTime {
                for index in items.indices { mergedNow += grouper.assign(items[index].id, features: features[index]).merged.count }
            })
            storyCount = grouper.stories.count
            merges = mergedNow
        }
        let assignEach = assignBest / Double(items.count)
        // The common-name limit is the one count over the articles seen: in this feed, common
        // names pass it, so the arrival order may move some articles. How many, in shuffled orders:
        func partition(_ order: [Int]) -> [String: String] {
            var grouper = StoryGrouper()
            for index in order { _ = grouper.assign(items[index].id, features: features[index]) }
            var story: [String: String] = [:]
            for group in grouper.stories {
                let name = group.articles.min() ?? group.story
                for article in group.articles { story[article] = name }
            }
            return story
        }
        let inOrder = partition(Array(items.indices))
        var random = SplitMix64(seed: seed &+ 1)
        var moved: [Int] = []
        for _ in 0..<shuffles {
            var order = Array(items.indices)
            for index in order.indices.reversed() { order.swapAt(index, random.below(index + 1)) }
            let shuffled = partition(order)
            // An article moved when its story's members differ: compared through each story's least member.
            moved.append(items.indices.filter { inOrder[items[$0].id] != shuffled[items[$0].id] }.count)
        }
        let micro = { (seconds: Double) in String(format: "%.1f µs", seconds * 1e6) }
        print("claim extraction (the claims bench's articles): \(micro(claimsEach)) per article")
        print("story features (the same articles): \(micro(featuresEach)) per article")
        print("story assignment, a feed of \(items.count) articles (\(feed.storyCount) invented stories over \(feed.days) days): "
            + "\(micro(assignEach)) per article; \(storyCount) stories found, \(merges) merges")
        print(String(format: "story features + assignment add %.1f%% to claim extraction's per-article cost",
                     (featuresEach + assignEach) / claimsEach * 100))
        if !moved.isEmpty {
            print("articles in another story when the feed arrives in shuffled order: \(moved.map(String.init).joined(separator: ", ")) "
                + "of \(items.count)")
        }
    }

    private func group() throws {
        let extractor = ArticleExtractor()
        var entries: [(id: String, origin: String, features: StoryFeatures)] = []
        var files: [StoriesLedgerTrial.File] = []
        for folder in folders {
            let origin = URL(fileURLWithPath: folder).lastPathComponent
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            for name in names where !name.hasPrefix(".") {
                let path = folder + "/" + name
                guard let data = FileManager.default.contents(atPath: path),
                      let article = try? extractor.extract(bytes: Array(data), fileName: name), !article.text.isEmpty
                else { continue }
                files.append(StoriesLedgerTrial.File(id: origin + "/" + name, origin: origin, article: article))
                entries.append((origin + "/" + name, origin,
                                StoryFeatures(title: article.title, text: article.text, published: article.published,
                                              recorded: recorded + "T12:00:00Z")))
            }
        }
        if let ledger {
            try StoriesLedgerTrial.run(files, matcher: matcher, recorded: recorded, topicsPerStory: ledger)
            return
        }
        if let pairs {
            let inFolder = entries.filter { $0.origin == pairs }
            let matcher = self.matcher
            for first in inFolder.indices {
                for second in inFolder.indices where second > first {
                    let left = inFolder[first].features, right = inFolder[second].features
                    print(String(format: "%@  %@  names %d  similarity %.3f  close in time %@  same story %@",
                                 inFolder[first].id, inFolder[second].id, StoryMatcher.shared(left.names, right.names),
                                 StoryMatcher.similarity(left, right), matcher.closeInTime(left.date, right.date) ? "yes" : "no",
                                 matcher.sameStory(left, right) ? "yes" : "no"))
                }
            }
        }
        func grouping(_ order: [Int]) -> [[String]] {
            var grouper = StoryGrouper(matcher: matcher)
            for index in order { _ = grouper.assign(entries[index].id, features: entries[index].features) }
            return grouper.stories.map { $0.articles.sorted() }.sorted { $0[0] < $1[0] }
        }
        let stories = grouping(Array(entries.indices))
        let origins = Dictionary(entries.map { ($0.id, $0.origin) }, uniquingKeysWith: { first, _ in first })
        let multi = stories.filter { $0.count > 1 }
        let spanning = multi.filter { Set($0.compactMap { origins[$0] }).count > 1 }
        print("\(entries.count) articles, \(stories.count) stories, \(multi.count) of two articles or more "
            + "(sizes \(multi.map(\.count).sorted(by: >).prefix(12).map(String.init).joined(separator: ", "))), "
            + "\(spanning.count) spanning two folders")
        for folder in Set(origins.values).sorted() {
            let inFolder = stories.filter { $0.contains { origins[$0] == folder } }
            print("  \(folder): \(inFolder.count) stories")
        }
        if list {
            for story in multi.sorted(by: { $0.count > $1.count }) {
                print("story of \(story.count):")
                for id in story { print("    \(id)") }
            }
        }
        var random = SplitMix64(seed: seed)
        for pass in 0..<shuffles {
            var order = Array(entries.indices)
            for index in order.indices.reversed() { order.swapAt(index, random.below(index + 1)) }
            print("shuffled order \(pass + 1): \(grouping(order) == stories ? "the same stories" : "DIFFERENT stories")")
        }
    }
}

/// A seeded feed of invented stories over `days` days: each story has its own names
/// (people, places, a body) and words and is told by three to seven articles over a few
/// days; every article also names two or three of a few dozen names that every story
/// mentions (a capital, its leaders: the "Trump" and "Monday" of the feed, most often the
/// first of them) and draws most of its words from a common vocabulary of thousands.
struct StoriesBenchFeed {
    struct Item {
        var id: String
        var title: String
        var text: String
        var published: String
    }

    private var random: SplitMix64
    private(set) var storyCount = 0
    let days = 365
    private var story = Story(names: [], words: [], day: 0, left: 0)
    private var serial = 0
    private let commonNames: [String]
    private let commonWords: [String]

    private struct Story {
        var names: [String]
        var words: [String]
        var day: Int
        var left: Int
    }

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        var names: [String] = [], words: [String] = []
        for _ in 0..<30 { names.append(Self.capitalized(Self.syllables(2, &random)) + " " + Self.capitalized(Self.syllables(2, &random))) }
        for _ in 0..<3_000 { words.append(Self.syllables(3, &random)) }
        commonNames = names
        commonWords = words
    }

    private static func syllables(_ count: Int, _ random: inout SplitMix64) -> String {
        let parts = ["ka", "lo", "ven", "dra", "mis", "tor", "el", "quin", "bar", "sel", "ru", "pha", "gon", "ti", "mar", "os"]
        return (0..<count).map { _ in parts[random.below(parts.count)] }.joined()
    }

    private static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

    /// One of the common names, the first few far more often than the rest.
    private mutating func commonName() -> String {
        commonNames[min(random.below(commonNames.count), random.below(commonNames.count), random.below(commonNames.count))]
    }

    mutating func next() -> Item {
        if story.left == 0 {
            story = Story(names: (0..<5).map { _ in Self.capitalized(Self.syllables(2, &random)) + " " + Self.capitalized(Self.syllables(4, &random)) },
                          words: (0..<40).map { _ in Self.syllables(5, &random) }, day: random.below(days), left: 3 + random.below(5))
            storyCount += 1
        }
        story.left -= 1
        serial += 1
        let mentioned = (0..<3).map { _ in commonName() }
        var sentences: [String] = []
        var size = 0
        while size < 4_000 {
            let name = random.below(3) == 0 ? mentioned[random.below(mentioned.count)] : story.names[random.below(story.names.count)]
            let words = (0..<9).map { _ in
                random.below(3) == 0 ? story.words[random.below(story.words.count)] : commonWords[random.below(commonWords.count)]
            }
            let sentence = "The \(words[0]) of \(name) \(words[1]) the \(words[2]) \(words[3]), and \(words[4]) \(words[5]) "
                + "\(words[6]) with \(words[7]) in \(words[8])."
            size += sentence.utf8.count + 1
            sentences.append(sentence)
        }
        let date = Self.isoDay(story.day + random.below(4))
        return Item(id: "a\(serial)", title: "\(story.names[1]) and \(story.words[0])", text: sentences.joined(separator: " "),
                    published: date)
    }

    /// 2026-01-01 plus `offset` days, as YYYY-MM-DD.
    static func isoDay(_ offset: Int) -> String {
        let months = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var day = offset % 365, month = 0
        while month < 11, day >= months[month] {
            day -= months[month]
            month += 1
        }
        return String(format: "2026-%02d-%02d", month + 1, day + 1)
    }
}
