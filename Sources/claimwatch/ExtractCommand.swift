import ArgumentParser
import ArticleText
import EventLog
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print what the pipeline would read from files: metadata and clean text. Records nothing.",
        discussion: """
            With --explain, every block the reader found is listed with KEPT or DROPPED and the \
            reason, after a line saying how the article was found (the page's main-content \
            container, the whole page, or the body declared in JSON-LD). Exits 1 if a file \
            could not be read or holds no article text.
            """
    )

    @Argument(help: ArgumentHelp("The files to read.", valueName: "file"))
    var files: [String]

    @Flag(help: "Print one JSON object per file.")
    var json = false

    @Flag(help: "List every block with its verdict and reason.")
    var explain = false

    func run() throws {
        let extractor = ArticleExtractor()
        var failed = 0
        for (index, path) in files.enumerated() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("claimwatch: cannot read \(path)\n".utf8))
                failed += 1
                continue
            }
            let report = extractor.explain(bytes: [UInt8](data), fileName: (path as NSString).lastPathComponent)
            if report.article == nil { failed += 1 }
            if json {
                print(try CompactJSON.encode(ExtractOutput(path: path, report: report, blocks: explain)))
            } else {
                if index > 0 { print("") }
                print(ExtractOutput.text(path: path, report: report, blocks: explain), terminator: "")
            }
        }
        if failed > 0 { throw ExitCode.failure }
    }
}
