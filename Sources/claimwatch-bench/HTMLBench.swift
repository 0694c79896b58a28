import ArgumentParser
import ArticleText
import Foundation

/// Measures text extraction from web pages on one core: the whole `ArticleExtractor` path
/// (decoding, the page's tokens and tree, main-content finding, cleanup, assembly) over saved pages, or over invented pages with a mix of sizes like real ones.
struct HTMLBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "Benchmark article extraction from HTML pages (pages/s on one core, memory per page size)."
    )

    @Option(help: "A folder of saved pages to read (every file in it); without it, invented pages are generated.")
    var pages: String?

    @Option(help: "Invented pages generated when --pages is not given.")
    var count = 1_000

    @Option(help: "Passes over the pages; the best pass is reported.")
    var passes = 3

    @Option(help: "Seed of the page generator.")
    var seed: UInt64 = 11

    mutating func run() throws {
        // First, before the pages below are loaded and would set the high-water mark.
        try memoryBySize()
        let inputs = try loadPages()
        let bytes = inputs.reduce(0) { $0 + $1.bytes.count }
        let largest = inputs.map(\.bytes.count).max() ?? 0
        print("pages: \(inputs.count), \(bytes / max(1, inputs.count) / 1024) KiB on average, largest \(largest / 1024) KiB")
        let extractor = ArticleExtractor()
        let before = BenchClock.residentBytes()
        var best = Double.infinity
        var extracted = 0
        var words = 0
        for _ in 0..<max(1, passes) {
            var pass = (pages: 0, words: 0)
            let seconds = BenchClock.cpuTime {
                for index in inputs.indices {
                    guard let article = try? extractor.extract(bytes: inputs[index].bytes, fileName: inputs[index].name)
                    else { continue }
                    pass.pages += 1
                    pass.words += article.wordCount
                }
            }
            (extracted, words) = (pass.pages, pass.words)
            best = min(best, seconds)
        }
        let after = BenchClock.residentBytes()
        print("articles extracted: \(extracted) of \(inputs.count), \(words / max(1, extracted)) words each")
        print("peak resident memory: \(Self.peakResidentKiB() / 1024) MiB (the pages themselves: \(bytes / 1_048_576) MiB)")
        print(String(format: "extraction: %.0f pages/s (%.2f ms each, %.1f MB/s)", Double(inputs.count) / best,
                     best * 1000 / Double(max(1, inputs.count)), Double(bytes) / best / 1e6))
        print("resident memory: \((after - before) / 1024) KiB more after all passes than before the first"
            + " (the pages themselves take \(bytes / 1024) KiB)")
    }

    /// One page at a time of growing size, in a fresh high-water mark each: the resident
    /// memory a page costs while it is read grows with that page, not with how many pages
    /// came before. Printed as the peak resident memory (VmHWM) over the run so far.
    private func memoryBySize() throws {
        let extractor = ArticleExtractor()
        var generator = HTMLBenchPages(seed: seed)
        for paragraphs in [20, 200, 2_000, 8_000] {
            let page = Array(generator.page(paragraphs: paragraphs).utf8)
            for _ in 0..<5 { _ = try? extractor.extract(bytes: page, fileName: "page.html") }
            print("after pages of \(page.count / 1024) KiB: peak resident memory \(Self.peakResidentKiB() / 1024) MiB")
        }
    }

    /// VmHWM from /proc/self/status, in KiB.
    static func peakResidentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    private func loadPages() throws -> [(name: String, bytes: [UInt8])] {
        guard let folder = pages else {
            var generator = HTMLBenchPages(seed: seed)
            return (0..<count).map { index in ("page\(index).html", Array(generator.page().utf8)) }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
            return (name, [UInt8](data))
        }
    }
}
