import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Ingest
import Store

struct FiguresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "The figures ledger: figures that count the same thing, side by side, conflicts marked.",
        discussion: """
            Figures are grouped into topics by what they count ("Chinese citizens" = "Chinese nationals"). \
            REPORTS is how many articles carry the figure's claim: its article, the articles that repeat the \
            sentence, and their copies. SRC is how many independent sources give the same value: a repeated \
            or copied report counts once, and one claimant quoted by two outlets is one source. A ✗ marks a \
            figure whose range is disjoint from another source's current figure of a comparable day; a figure its \
            source updated in a later article is history, compared with nothing, and one source's figures are \
            never compared with each other.
            """
    )

    @OptionGroup var state: StateOptions
    @OptionGroup(title: "Cluster") var cluster: DatabaseOptions

    @Option(help: ArgumentHelp("Only topics whose counted phrase or key holds all these words.", valueName: "words"))
    var about: String?

    @Option(help: ArgumentHelp("Only figures this claimant gives (whole words of the canonical name, ignoring case and accents).", valueName: "name"))
    var claimant: String?

    @Option(help: ArgumentHelp("Only figures from articles of this outlet.", valueName: "name"))
    var outlet: String?

    @OptionGroup var story: StoryOption
    @OptionGroup var time: TimeOptions
    @OptionGroup var published: PublishedOption

    @Option(name: .short, help: "Show at most this many topics.")
    var n: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try SearchOption.validate("--about", about)
        try SearchOption.validate("--claimant", claimant)
        try SearchOption.validate("--outlet", outlet)
    }

    func run() async throws {
        let store = try await QueryStore.open(state, cluster, command: "figures")
        try QueryStore.requireMatches(claimant: claimant, outlet: outlet, in: store)
        let bounds = time.bounds
        let (since, until) = (bounds.since, bounds.until)
        let filter = FigureFilter(about: about, claimant: claimant, outlet: outlet, since: since, until: until,
                                  published: published.published, limit: n, story: try story.resolve(in: store))
        let topics = try QueryStore.answer { () throws(StoreError) in try store.figures(filter) }
        var damage = try QueryStore.damage(store)
        let width = output.width
        try StandardOutput.write { out in
            switch output.format {
            case .json:
                let reader = store.recordReader()
                for topic in topics {
                    let (line, missing) = try QueryStore.answer { () throws(StoreError) in try store.json(topic, reader: reader) }
                    damage += missing
                    try out.line(line)
                }
            case .csv:
                var csv = CSV(header: AnswerCSV.figuresHeader)
                for topic in topics {
                    for fields in AnswerCSV.figureRows(topic) { csv.append(fields) }
                }
                try out.text(csv.text)
            case .table:
                guard !topics.isEmpty else {
                    let narrowed = claimant != nil || outlet != nil || time.isSet
                    let what = about.map { "no figures about \"\($0)\"" } ?? "no topic has two figures"
                    return try out.line(what + (narrowed ? " that match" : about == nil ? " yet" : ""))
                }
                for (number, topic) in topics.enumerated() {
                    if number > 0 { try out.line("") }
                    let pairs = topic.conflictingPairs
                    // Figures that were never weighed against each other (one source's district
                    // counts, a source's history) neither agree nor conflict.
                    let compared = topic.figures.contains { $0.agreeing > 0 }
                    let conflicts = pairs > 0 ? "✗ \(Wording.count(pairs, "conflicting pair"))" : compared ? "agree" : "nothing compared"
                    try out.line("\(topic.topic)  (topic \(topic.id.prefix(8)), \(Wording.count(topic.figures.count, "figure")), \(conflicts))")
                    try out.line(Self.table(topic, width: width))
                }
            }
        }
        try Partial.check(damage)
    }

    /// "updated by #3 — " on a figure its source later changed, "updates #1 — " on the change.
    static func history(_ line: TopicReport.Line, in topic: TopicReport) -> String {
        func number(_ figure: String) -> String? { topic.figures.firstIndex { $0.figure == figure }.map { "#\($0 + 1)" } }
        if let newer = line.updatedBy { return "updated by \(number(newer) ?? newer) — " }
        if let older = line.updates {
            let numbers = topic.figures.indices.filter { topic.figures[$0].figure.hasPrefix(older + "#") }.map { "#\($0 + 1)" }
            return "updates \(numbers.isEmpty ? older : numbers.joined(separator: ", ")) — "
        }
        return ""
    }

    static func table(_ topic: TopicReport, width: Int?) -> String {
        let rows = topic.figures.enumerated().map { index, line -> [String] in
            var conflicts = line.conflicts.map { "#\($0 + 1)" }
            if line.conflicting > conflicts.count { conflicts.append("… \(line.conflicting) in all") }
            // The day the figure speaks for: published, else recorded (marked so).
            let (day, dated) = ClaimStore.day(published: line.published, recorded: line.time)
            let date = dated == "recorded" ? day + " rec" : day
            // What a bare count counts may stand before it ("put the toll at 19"): shown after it.
            let figure = line.counted.map { line.text.contains($0) ? line.text : "\(line.text) (\($0))" } ?? line.text
            return ["\(line.conflicts.isEmpty ? " " : "✗") \(index + 1)",
                    FigureText.value(low: line.low, high: line.high, bound: line.bound, unit: line.unit),
                    line.claimant ?? "(unattributed)", line.stance == "denies" ? "denies" : (line.cue ?? ""),
                    line.outlet ?? line.path ?? line.article, date, "\(line.copies + 1)", "\(line.sources)",
                    history(line, in: topic) + (conflicts.isEmpty ? figure : "conflicts with \(conflicts.joined(separator: ", ")) — \(figure)")]
        }
        return Table.render(header: ["  #", "VALUE", "CLAIMANT", "CUE", "OUTLET (OR FILE)", "DATE", "REPORTS", "SRC", "FIGURE"],
                            rows: rows, width: width)
    }
}
