import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Ingest
import Store

struct DupesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dupes",
        abstract: "List each article that has more than one version: its fullest version, with its other versions and copies."
    )

    @OptionGroup var state: StateOptions
    @OptionGroup(title: "Cluster") var cluster: DatabaseOptions

    @Option(help: ArgumentHelp("Only articles whose fullest version is of this outlet (whole words of its name, ignoring case and accents).", valueName: "name"))
    var outlet: String?

    @OptionGroup var story: StoryOption
    @OptionGroup var time: TimeOptions

    @Flag(help: "Apply --since and --until to the fullest version's published date instead of the time each copy or version was recorded.")
    var published = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try SearchOption.validate("--outlet", outlet)
    }

    func run() async throws {
        let (catalog, store) = try await Catalog.load(state, cluster, command: "dupes")
        try Catalog.requireOutlet(outlet, in: catalog)
        let bounds = time.bounds
        let members = try story.story == nil ? nil : story.articles(in: store ?? QueryStore.open(state))
        // Each story with the other versions and copies that pass the time filter.
        let stories = catalog.stories.compactMap { story -> ArticleCatalog.Story? in
            let entry = story.representative
            guard Catalog.outlet(outlet, matches: entry.ingested),
                  members.map({ $0.contains(entry.ingested.article) }) ?? true else { return nil }
            var kept = story
            if published {
                guard bounds.contains(PublishedOption.stamp(entry.ingested.published)) else { return nil }
            } else {
                kept.copies = story.copies.filter { bounds.contains($0.time) }
                kept.versions = story.versions.filter { bounds.contains($0.time) }
            }
            return kept.others == 0 ? nil : kept
        }
        try StandardOutput.write { out in
            switch output.format {
            case .json:
                for story in stories { try out.line(Catalog.json(story).build()) }
            case .csv:
                var csv = CSV(header: AnswerCSV.copiesHeader)
                for story in stories {
                    let entry = story.representative.ingested
                    for version in story.versions {
                        csv.append(AnswerCSV.versionRow(version.ingested, seq: version.seq, time: version.time,
                                                        within: version.within, of: entry))
                    }
                    for copy in story.copies {
                        csv.append(AnswerCSV.copyRow(copy.duplicate, seq: copy.seq, time: copy.time, of: entry))
                    }
                }
                try out.text(csv.text)
            case .table:
                guard !stories.isEmpty else {
                    return try out.line(time.isSet || outlet != nil ? "no copies match" : "no copies in the record")
                }
                for story in stories {
                    let article = story.representative.ingested
                    try out.line("\(article.article)  \(article.title ?? article.path)  (\(article.path))")
                    for version in story.versions { try out.line("  └ " + StorySummary.version(version)) }
                    for copy in story.copies { try out.line("  └ " + CopySummary.line(copy, shown: article.article)) }
                }
                let copies = stories.reduce(0) { $0 + $1.copies.count }
                let versions = stories.reduce(0) { $0 + $1.versions.count }
                try out.line("\n\(Wording.count(stories.count, "article")) with \(Wording.count(copies, "copy"))"
                             + (versions == 0 ? "" : " and \(Wording.count(versions, "other version"))"))
            }
        }
        try Partial.check(catalog.damage)
    }
}

/// A copy in one line, as `show` and `dupes` print it; a copy of another version of the
/// story than the one shown says which.
enum CopySummary {
    static func line(_ copy: ArticleCatalog.Copy, shown: String? = nil) -> String {
        let duplicate = copy.duplicate
        let contained = duplicate.containment.map { String(format: ", containment %.2f", $0) } ?? ""
        let of = shown == nil || shown == duplicate.of ? "" : " of \(duplicate.of)"
        return "\(duplicate.article)  \(duplicate.kind.rawValue)\(of)  similarity \(String(format: "%.2f", duplicate.similarity))"
            + "\(contained)  \(duplicate.path)"
    }
}

/// The other versions of a story (not copies: each added something), as `show` and `dupes`
/// print them.
enum StorySummary {
    /// How the version joined the story: the fuller article it lies inside, or the one it updates.
    static func relation(_ entry: ArticleCatalog.Entry) -> String {
        entry.within.map { "contained in \($0.within)" } ?? entry.ingested.updates.map { "updates \($0)" } ?? "version"
    }

    static func version(_ entry: ArticleCatalog.Entry) -> String {
        "\(entry.ingested.article)  \(relation(entry))  \(Wording.count(entry.ingested.words, "word"))  \(entry.ingested.path)"
    }
}
