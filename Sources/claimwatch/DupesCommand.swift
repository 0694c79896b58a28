import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Ingest
import Store

struct DupesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dupes",
        abstract: "List each article that has copies, with its copies and how similar they are."
    )

    @OptionGroup var state: StateOptions

    @Option(help: ArgumentHelp("Only originals of this outlet (whole words of its name, ignoring case and accents).", valueName: "name"))
    var outlet: String?

    @OptionGroup var time: TimeOptions

    @Flag(help: "Apply --since and --until to the original's published date instead of the time each copy was recorded.")
    var published = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try SearchOption.validate("--outlet", outlet)
    }

    func run() throws {
        let catalog = try Catalog.load(state)
        try Catalog.requireOutlet(outlet, in: catalog)
        let bounds = time.bounds
        // Each original with the copies that pass the time filter.
        let originals = catalog.articles.compactMap { entry -> ArticleCatalog.Entry? in
            guard Catalog.outlet(outlet, matches: entry.ingested) else { return nil }
            var kept = entry
            if published {
                guard bounds.contains(PublishedOption.stamp(entry.ingested.published)) else { return nil }
            } else {
                kept.copies = entry.copies.filter { bounds.contains($0.time) }
            }
            return kept.copies.isEmpty ? nil : kept
        }
        try StandardOutput.write { out in
            switch output.format {
            case .json:
                for entry in originals {
                    try out.line(AnswerJSON.article(entry.record, copies: entry.copies.map(\.record)).build())
                }
            case .csv:
                var csv = CSV(header: AnswerCSV.copiesHeader)
                for entry in originals {
                    for copy in entry.copies {
                        csv.append(AnswerCSV.copyRow(copy.duplicate, seq: copy.seq, time: copy.time, of: entry.ingested))
                    }
                }
                try out.text(csv.text)
            case .table:
                guard !originals.isEmpty else {
                    return try out.line(time.isSet || outlet != nil ? "no copies match" : "no copies in the record")
                }
                for entry in originals {
                    try out.line("\(entry.ingested.article)  \(entry.ingested.title ?? entry.ingested.path)  (\(entry.ingested.path))")
                    for copy in entry.copies { try out.line("  └ " + CopySummary.line(copy)) }
                }
                let copies = originals.reduce(0) { $0 + $1.copies.count }
                try out.line("\n\(Wording.count(originals.count, "article")) with \(Wording.count(copies, "copy"))")
            }
        }
        try Partial.check(catalog.damage)
    }
}

/// A copy in one line, as `show` and `dupes` print it.
enum CopySummary {
    static func line(_ copy: ArticleCatalog.Copy) -> String {
        let duplicate = copy.duplicate
        let contained = duplicate.containment.map { String(format: ", containment %.2f", $0) } ?? ""
        return "\(duplicate.article)  \(duplicate.kind.rawValue)  similarity \(String(format: "%.2f", duplicate.similarity))"
            + "\(contained)  \(duplicate.path)"
    }
}
