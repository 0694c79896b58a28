import ArgumentParser
import ArticleText
import Fingerprint
import Foundation

/// Measures the dedup core on synthetic articles: extraction and fingerprint+index
/// throughput on one core, memory per article in a 1M-article index, and query time at
/// 10k versus 1M articles. Articles are ~5 KB of words drawn from a fixed synthetic
/// vocabulary by a seeded generator, with planted near-copies to check that they are caught.
struct DedupBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Benchmark article extraction, fingerprinting and the near-copy index."
    )

    @Option(help: "Articles in the large index.")
    var articles = 1_000_000

    @Option(help: "Articles timed for throughput (held in memory).")
    var throughputArticles = 20_000

    @Option(help: "Fresh articles used as queries at each index size.")
    var queries = 2_000

    @Option(help: "Seed of the article generator.")
    var seed: UInt64 = 2031

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

        var index = try NearCopyIndex()
        var copies = 0
        let dedup = try BenchClock.time {
            for article in extracted {
                if try index.add(fingerprinter.fingerprint(article)).verdict != nil { copies += 1 }
            }
        }
        print(String(format: "fingerprint + index: %.0f articles/s (%.1f µs each); copies flagged: %d (planted: %d)",
                     Double(extracted.count) / dedup, dedup * 1e6 / Double(extracted.count),
                     copies, generator.plantedCopies(below: extracted.count)))
    }

    func measureScale(_ generator: SyntheticArticles, _ fingerprinter: Fingerprinter) throws {
        let probes = (0..<queries).map { generator.article(10_000_000 + $0) }
        let probeFingerprints = probes.map { fingerprinter.fingerprint(text: $0) }
        var index = try NearCopyIndex()
        let residentBefore = BenchClock.residentBytes()
        var timings = [(Int, Double, Double, Int)]()
        var copies = 0
        for ordinal in 0..<articles {
            let text = generator.article(ordinal)
            if try index.add(fingerprinter.fingerprint(text: text)).verdict != nil { copies += 1 }
            if ordinal + 1 == 10_000 || ordinal + 1 == articles {
                timings.append(queryTimes(index, probes, probeFingerprints, fingerprinter))
            }
        }
        let growth = BenchClock.residentBytes() - residentBefore
        print("index of \(index.count) articles; copies flagged \(copies) (planted \(generator.plantedCopies(below: articles)))")
        print(String(format: "memory: %.0f bytes/article resident growth, %.0f bytes/article by the index's accounting",
                     Double(growth) / Double(index.count), Double(index.memoryBytes) / Double(index.count)))
        for (size, lookup, endToEnd, hits) in timings {
            print(String(format: "query at %d: %.2f µs index only, %.2f µs with fingerprinting; false verdicts: %d",
                         size, lookup * 1e6, endToEnd * 1e6, hits))
        }
        if timings.count == 2 {
            print(String(format: "query time ratio 1M/10k: %.2f index only, %.2f with fingerprinting",
                         timings[1].1 / timings[0].1, timings[1].2 / timings[0].2))
        }
    }

    /// Mean seconds per query over fresh articles, index-only and including fingerprinting.
    func queryTimes(
        _ index: NearCopyIndex, _ probes: [String], _ fingerprints: [ArticleFingerprint], _ fingerprinter: Fingerprinter
    ) -> (Int, Double, Double, Int) {
        var hits = 0
        let rounds = 20
        let lookup = BenchClock.time {
            for _ in 0..<rounds {
                for fingerprint in fingerprints where index.query(fingerprint) != nil { hits += 1 }
            }
        } / Double(rounds * fingerprints.count)
        let endToEnd = BenchClock.time {
            for text in probes where index.query(fingerprinter.fingerprint(text: text)) != nil { hits += 1 }
        } / Double(probes.count)
        return (index.count, lookup, endToEnd, hits / (rounds + 1))
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
                let count = 1 + Int(random.next() % 3)
                words.insert((0..<count).map { _ in syllables[Int(random.next() % UInt64(syllables.count))] }.joined())
            }
            vocabulary = words.sorted()
        }

        func isPlantedCopy(_ ordinal: Int) -> Bool { ordinal >= 50 && ordinal % 50 == 0 && ordinal < 10_000_000 }

        func plantedCopies(below count: Int) -> Int { (0..<min(count, 10_000_000)).filter(isPlantedCopy).count }

        func article(_ ordinal: Int) -> String {
            if isPlantedCopy(ordinal) {
                let source = paragraphs(ordinal - 37)
                if ordinal % 100 == 0 {
                    return ([source[0]] + source[1...].prefix((source.count - 1) / 2)).joined(separator: "\n\n")
                }
                var copy = source
                copy[0] = "Report: " + copy[0]
                copy.remove(at: copy.count / 2)
                return copy.joined(separator: "\n\n")
            }
            return paragraphs(ordinal).joined(separator: "\n\n")
        }

        /// A headline and body paragraphs totalling about 5,000 bytes.
        func paragraphs(_ ordinal: Int) -> [String] {
            var random = SplitMix64(seed: seed ^ UInt64(ordinal) &* 0x9E37_79B9_7F4A_7C15)
            var result = [sentence(&random, words: 8, period: false)]
            var size = 0
            while size < 4_900 {
                var paragraph = ""
                for _ in 0..<(2 + Int(random.next() % 3)) {
                    if !paragraph.isEmpty { paragraph += " " }
                    paragraph += sentence(&random, words: 10 + Int(random.next() % 15), period: true)
                }
                size += paragraph.utf8.count + 2
                result.append(paragraph)
            }
            return result
        }

        func sentence(_ random: inout SplitMix64, words: Int, period: Bool) -> String {
            var text = ""
            for index in 0..<words {
                let word = vocabulary[Int(random.next() % UInt64(vocabulary.count))]
                if index == 0 {
                    text += word.prefix(1).uppercased() + word.dropFirst()
                } else {
                    text += " " + word
                }
            }
            return period ? text + "." : text
        }
    }

    /// A small, fast, seeded generator (Steele et al.'s SplitMix64).
    struct SplitMix64 {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Wall-clock timing and resident memory, read from /proc on Linux.
    enum BenchClock {
        static func time(_ body: () throws -> Void) rethrows -> Double {
            let clock = ContinuousClock()
            let start = clock.now
            try body()
            let elapsed = clock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }

        static func residentBytes() -> Int {
            guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
            let fields = statm.split(separator: " ")
            guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
    }
}
