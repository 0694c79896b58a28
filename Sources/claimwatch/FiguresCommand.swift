import ArgumentParser
import Foundation
import Store

struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "The figures ledger: figures that count the same thing, side by side, conflicts marked.",
        discussion: """
            Figures are grouped into topics by what they count ("Chinese citizens" = "Chinese nationals"). \
            REPORTS is how many articles carry the figure's claim: its article, the articles that repeat the \
            sentence, and their copies. SRC is how many independent sources give the same value: a repeated \
            or copied report counts once, and one claimant quoted by two outlets is one source. A ✗ marks a \
            figure whose range is disjoint from another's in the topic; a figure its source updated later is \
            history, compared with nothing.
            """
    )

    @OptionGroup var state: StateOptions

    @Option(help: ArgumentHelp("Only topics whose counted phrase or key holds all these words.", valueName: "words"))
    var about: String?

    @Option(name: .short, help: "Show at most this many topics.")
    var n: Int?

    @Flag(help: "One JSON object per topic: topic, id, key, figures (low, high, bound, unit, counted, claimant, article, sources…), conflicts.")
    var json = false

    func run() throws {
        let store = try QueryStore.open(state.layout)
        let topics = try QueryStore.answer { try store.figures(about: about, limit: n) }
        if json {
            for topic in topics { print(try JSONLine.encode(topic)) }
            return
        }
        if topics.isEmpty {
            print(about.map { "no figures about \"\($0)\"" } ?? "no topic has two figures yet")
            return
        }
        for (number, topic) in topics.enumerated() {
            if number > 0 { print("") }
            let pairs = topic.conflictingPairs
            let conflicts = pairs == 0 ? "agree" : "✗ \(pairs) conflicting pair\(pairs == 1 ? "" : "s")"
            print("\(topic.topic)  (topic \(topic.id.prefix(8)), \(topic.figures.count) figure\(topic.figures.count == 1 ? "" : "s"), \(conflicts))")
            print(Self.table(topic))
        }
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

    static func table(_ topic: TopicReport) -> String {
        let rows = topic.figures.enumerated().map { index, line -> [String] in
            var conflicts = line.conflicts.map { "#\($0 + 1)" }
            if line.conflicting > conflicts.count { conflicts.append("… \(line.conflicting) in all") }
            let date = String((line.published ?? line.time).prefix(10))
            // What a bare count counts may stand before it ("put the toll at 19"): shown after it.
            let figure = line.counted.map { line.text.contains($0) ? line.text : "\(line.text) (\($0))" } ?? line.text
            return ["\(line.conflicts.isEmpty ? " " : "✗") \(index + 1)",
                    FigureText.value(low: line.low, high: line.high, bound: line.bound, unit: line.unit),
                    line.claimant ?? "(unattributed)", line.stance == "denies" ? "denies" : (line.cue ?? ""),
                    line.outlet ?? line.path ?? line.article, date, "\(line.copies + 1)", "\(line.sources)",
                    history(line, in: topic) + (conflicts.isEmpty ? figure : "conflicts with \(conflicts.joined(separator: ", ")) — \(figure)")]
        }
        return Table.render(header: ["  #", "VALUE", "CLAIMANT", "CUE", "OUTLET (OR FILE)", "DATE", "REPORTS", "SRC", "FIGURE"],
                            rows: rows, maxLastColumn: 90)
    }
}
