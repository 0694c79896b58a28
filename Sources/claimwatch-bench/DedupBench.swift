import ArgumentParser
import ArticleText
import Fingerprint
import Foundation
import SeededRandom

/// Measures the dedup core on synthetic articles: extraction and fingerprint + index +
/// confirmation throughput on one core, memory per article in a 1M-article index, and query
/// time at 10k versus 1M articles. Articles are ~5 KB of words drawn from a fixed synthetic
/// vocabulary by a seeded generator, with planted near-copies to check that they are caught.
/// The confirmation reads each candidate's text back from a file, as the pipeline reads it
/// from `<state>/articles/`.
struct DedupBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Benchmark article extraction, fingerprinting and the near-copy index."
    )

    @Option(help: "Articles in the large index.")
    var articles = 1_000_000

    @Option(help: "Articles timed for throughput (held in memory).")
    var throughputArticles = 20_000

    @Option(help: "Articles used as queries at each index size (one in ten a copy of an indexed one).")
    var queries = 20_000

    @Option(help: "Seed of the article generator.")
    var seed: UInt64 = 2031

    @Option(help: "Where the throughput articles' texts are written, to be read back for confirmation.")
    var scratch = NSTemporaryDirectory()

    mutating func run() throws {
        let generator = SyntheticArticles(seed: seed)
        let fingerprinter = try Fingerprinter()
        try measureThroughput(generator, fingerprinter)
        try measureScale(generator, fingerprinter)
    }

    func measureThroughput(_ generator: SyntheticArticles, _ fingerprinter: Fingerprinter) throws {
        let texts = (0..<throughputArticles).map { generator.article($0) }
        let bytes = texts.map { Array($0.utf8) }
        let averageSize = bytes.reduce(0) { $0 + $1.count } / max(1, bytes.count)
        print("articles: \(texts.count) of ~\(averageSize) bytes")

        let extractor = ArticleExtractor()
        var extracted = [Article]()
        extracted.reserveCapacity(bytes.count)
        let extraction = try BenchClock.time {
            for item in bytes { extracted.append(try extractor.extract(bytes: item, fileName: "a.txt")) }
        }
        print(String(format: "extraction (plain text): %.0f articles/s (%.1f µs each)",
                     Double(bytes.count) / extraction, extraction * 1e6 / Double(bytes.count)))

        // The texts the confirmation reads back, one file each (the page cache holds them, as
        // it holds a live state folder's recent articles).
        let folder = scratch + "/claimwatch-dedup-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (ordinal, article) in extracted.enumerated() {
            try Data(article.text.utf8).write(to: URL(fileURLWithPath: folder + "/\(ordinal).txt"))
        }
        var index = try NearCopyIndex()
        var ordinals: [Int] = []
        ordinals.reserveCapacity(extracted.count)
        var copies = 0
        var confirmed = 0
        var cpu = 0.0
        let dedup = try BenchClock.time {
            cpu = try BenchClock.cpuTime {
                for (position, article) in extracted.enumerated() {
                    let fingerprint = fingerprinter.fingerprint(article)
                    let candidates = index.candidates(for: fingerprint)
                    if !candidates.isEmpty {
                        confirmed += candidates.count
                        let relations = fingerprinter.confirm(article.text, candidates: candidates) { ordinal in
                            FileManager.default.contents(atPath: folder + "/\(ordinals[Int(ordinal)]).txt").map { String(decoding: $0, as: UTF8.self) }
                        }.relations
                        // A copy points at its original; only a new story goes into the index.
                        if relations.contains(where: \.isVersion) {
                            copies += 1
                            continue
                        }
                    }
                    try index.insert(fingerprint)
                    ordinals.append(position)
                }
            }
        }
        print(String(format: "fingerprint + index + confirmation: %.0f articles/s (%.1f µs each; %.0f/s by CPU time); candidates confirmed "
                         + "on exact shingle sets: %d; copies confirmed: %d (planted: %d)",
                     Double(extracted.count) / dedup, dedup * 1e6 / Double(extracted.count), Double(extracted.count) / cpu,
                     confirmed, copies, generator.plantedCopies(below: extracted.count)))
    }

    func measureScale(_ generator: SyntheticArticles, _ fingerprinter: Fingerprinter) throws {
        let probes = QuerySet(generator: generator, fingerprinter: fingerprinter, count: queries, salt: 10_000_000)
        let warmUp = QuerySet(generator: generator, fingerprinter: fingerprinter, count: 2_000, salt: 20_000_000)
        var index = try NearCopyIndex()
        var small: NearCopyIndex?
        let residentBefore = BenchClock.residentBytes()
        var copies = 0
        for ordinal in 0..<articles {
            let text = generator.article(ordinal)
            let fingerprint = fingerprinter.fingerprint(text: text)
            if !index.candidates(for: fingerprint).isEmpty { copies += 1 }
            try index.insert(fingerprint)
            // A snapshot (the index is a value): queried side by side with the full index below.
            if ordinal + 1 == min(10_000, articles) { small = index }
        }
        let growth = BenchClock.residentBytes() - residentBefore
        print("index of \(index.count) articles; copies flagged \(copies) (planted \(generator.plantedCopies(below: articles)))")
        // The copy memory keeps each indexed article's 32-byte content digest beside the index.
        print(String(format: "memory: %.0f bytes/article resident growth, %.0f bytes/article by the index's accounting, "
                         + "%.0f with the copy memory's content digest",
                     Double(growth) / Double(index.count), Double(index.memoryBytes) / Double(index.count),
                     Double(index.memoryBytes) / Double(index.count) + 32))
        guard let small else { return }
        print("queries: \(probes.fingerprints.count) distinct articles, \(probes.copies) of them copies of indexed ones; "
            + "\(Self.queryRounds) passes at each size, alternating, after a warm-up over \(warmUp.fingerprints.count) others")
        let timings = queryTimings([small, index], probes, warmUp: warmUp, fingerprinter)
        for timing in timings {
            print(String(format: "query at %d (CPU time): %.2f µs index only (passes %@), %.2f µs with fingerprinting; "
                             + "copies found %d of %d, false verdicts %d",
                         timing.size, timing.lookup * 1e6,
                         timing.passes.map { String(format: "%.2f", $0 * 1e6) }.joined(separator: "/"),
                         timing.endToEnd * 1e6, timing.copiesFound, probes.copies, timing.falseVerdicts))
        }
        if timings.count == 2 {
            print(String(format: "query time ratio %d/%d: %.2f index only, %.2f with fingerprinting",
                         timings[1].size, timings[0].size,
                         timings[1].lookup / timings[0].lookup, timings[1].endToEnd / timings[0].endToEnd))
        }
    }

    static let queryRounds = 7

    /// Seconds per query at each index size: index-only (the median of several passes) and
    /// including fingerprinting.
    ///
    /// Every query in a pass is a different article, as in service: the set (20,000 by
    /// default) touches far more band buckets than the processor caches hold, so in a large
    /// index each query pays its own cache misses rather than finding lines an earlier pass
    /// left. A warm-up pass over other articles first brings in the code and page tables.
    /// The sizes take turns pass by pass, so that load from other processes on a shared
    /// machine falls on both alike and the ratio stays meaningful.
    func queryTimings(
        _ indexes: [NearCopyIndex], _ probes: QuerySet, warmUp: QuerySet, _ fingerprinter: Fingerprinter
    ) -> [QueryTiming] {
        var found = 0
        var passes = [[Double]](repeating: [], count: indexes.count)
        var endToEnd = [[Double]](repeating: [], count: indexes.count)
        var copiesFound = [Int](repeating: 0, count: indexes.count)
        var falseVerdicts = [Int](repeating: 0, count: indexes.count)
        for index in indexes {
            for fingerprint in warmUp.fingerprints where !index.candidates(for: fingerprint).isEmpty { found += 1 }
        }
        for round in 0..<Self.queryRounds {
            for (which, index) in indexes.enumerated() {
                var verdicts = [Bool](repeating: false, count: probes.fingerprints.count)
                let elapsed = BenchClock.cpuTime {
                    for (position, fingerprint) in probes.fingerprints.enumerated() {
                        verdicts[position] = !index.candidates(for: fingerprint).isEmpty
                    }
                }
                passes[which].append(elapsed / Double(probes.fingerprints.count))
                copiesFound[which] = zip(verdicts, probes.isCopy).filter { $0 && $1 }.count
                falseVerdicts[which] = zip(verdicts, probes.isCopy).filter { $0 && !$1 }.count
                // Fingerprinting dominates the end-to-end time: a few passes suffice.
                guard round < 3 else { continue }
                endToEnd[which].append(BenchClock.cpuTime {
                    for text in probes.texts where !index.candidates(for: fingerprinter.fingerprint(text: text)).isEmpty { found += 1 }
                } / Double(probes.texts.count))
            }
        }
        return indexes.indices.map { which in
            QueryTiming(size: indexes[which].count, lookup: Self.median(passes[which]), passes: passes[which],
                        endToEnd: Self.median(endToEnd[which]), copiesFound: copiesFound[which],
                        falseVerdicts: falseVerdicts[which])
        }
    }

    static func median(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.sorted()[values.count / 2]
    }

    struct QueryTiming {
        let size: Int
        let lookup: Double
        let passes: [Double]
        let endToEnd: Double
        let copiesFound: Int
        let falseVerdicts: Int
    }

    /// Articles to query with, the same at every index size: mostly fresh ones (a new story
    /// must not be called a copy) and one in ten a copy of an article among the first 10,000
    /// indexed (alternately cut to half and re-headlined with a paragraph dropped), so
    /// candidate checking is timed too.
    struct QuerySet {
        let texts: [String]
        let fingerprints: [ArticleFingerprint]
        let isCopy: [Bool]

        var copies: Int { isCopy.filter { $0 }.count }

        init(generator: SyntheticArticles, fingerprinter: Fingerprinter, count: Int, salt: Int) {
            var texts = [String]()
            var isCopy = [Bool]()
            for position in 0..<count {
                if position % 10 == 9 {
                    // An original that is not itself a planted copy, somewhere in the first 10,000.
                    var source = (position &* 7_919 &+ salt) % 9_900 + 1
                    if generator.isPlantedCopy(source) { source += 1 }
                    texts.append(generator.copy(of: source, trimmed: position % 20 == 19))
                    isCopy.append(true)
                } else {
                    texts.append(generator.article(salt + position))
                    isCopy.append(false)
                }
            }
            self.texts = texts
            self.isCopy = isCopy
            fingerprints = texts.map { fingerprinter.fingerprint(text: $0) }
        }
    }
}

extension DedupBench {
    /// Deterministic ~5 KB articles: sentences of words drawn from a fixed vocabulary of
    /// 20,000 made-up words, so texts are distinct but statistically alike. Every 50th article
    /// is a planted copy of an earlier one (alternately trimmed to half, or re-headlined with one
    /// paragraph dropped).
    struct SyntheticArticles: Sendable {
        let seed: UInt64
        let vocabulary: [String]

        init(seed: UInt64) {
            self.seed = seed
            var random = SplitMix64(seed: seed)
            let syllables = ["ka", "lo", "min", "ter", "sa", "vi", "dor", "el", "an", "ru", "pe", "zo", "bri", "tul",
                             "ny", "gas", "or", "mi", "chen", "fa", "lu", "dro", "se", "ha", "vel", "ix", "om", "ta"]
            var words = Set<String>()
            while words.count < 20_000 {
                let count = 1 + random.below(3)
                words.insert((0..<count).map { _ in syllables[random.below(syllables.count)] }.joined())
            }
            vocabulary = words.sorted()
        }

        func isPlantedCopy(_ ordinal: Int) -> Bool { ordinal >= 50 && ordinal % 50 == 0 && ordinal < 10_000_000 }

        func plantedCopies(below count: Int) -> Int { (0..<min(count, 10_000_000)).filter(isPlantedCopy).count }

        func article(_ ordinal: Int) -> String {
            if isPlantedCopy(ordinal) { return copy(of: ordinal - 37, trimmed: ordinal % 100 == 0) }
            return paragraphs(ordinal).joined(separator: "\n\n")
        }

        /// A copy of article `ordinal`: cut to its headline and the first half of its body,
        /// or re-headlined with the middle paragraph dropped.
        func copy(of ordinal: Int, trimmed: Bool) -> String {
            let source = paragraphs(ordinal)
            if trimmed {
                return ([source[0]] + source[1...].prefix((source.count - 1) / 2)).joined(separator: "\n\n")
            }
            var copy = source
            copy[0] = "Report: " + copy[0]
            copy.remove(at: copy.count / 2)
            return copy.joined(separator: "\n\n")
        }

        /// A headline and body paragraphs totalling about 5,000 bytes.
        func paragraphs(_ ordinal: Int) -> [String] {
            var random = SplitMix64(seed: seed ^ UInt64(ordinal) &* 0x9E37_79B9_7F4A_7C15)
            var result = [sentence(&random, words: 8, period: false)]
            var size = 0
            while size < 4_900 {
                var paragraph = ""
                for _ in 0..<(2 + random.below(3)) {
                    if !paragraph.isEmpty { paragraph += " " }
                    paragraph += sentence(&random, words: 10 + random.below(15), period: true)
                }
                size += paragraph.utf8.count + 2
                result.append(paragraph)
            }
            return result
        }

        func sentence(_ random: inout SplitMix64, words: Int, period: Bool) -> String {
            var text = ""
            for index in 0..<words {
                let word = vocabulary[random.below(vocabulary.count)]
                if index == 0 {
                    text += word.prefix(1).uppercased() + word.dropFirst()
                } else {
                    text += " " + word
                }
            }
            return period ? text + "." : text
        }
    }
}
