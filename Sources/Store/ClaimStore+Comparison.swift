import Ledger
import Stories

/// How the topic answer compares a topic's figures: the live ledger's own rules
/// (`SourceHistory`, `FigurePair`), so `figure.compared`, `claimwatch figures`, `stories`,
/// `stats` and the web face say the same. Histories first (a figure its source's newer one
/// updates, or a later claim updated, conflicts with nothing); then the current figures,
/// by a sweep over sorted ends when every two of them speak for comparable days (the pairs
/// the rules leave out taken back out), else pair by pair.
extension ClaimStore {
    /// Fills in sources, reports, histories and conflicts of a topic's figures.
    static func compare(_ report: inout TopicReport, keyed: [SourceCounter.Keyed]) {
        let ranges = keyed.map(\.range)
        let byLow = StableOrder.positions(by: ranges.map { StableOrder.key($0.low) })
        // The figures in order of low are grouped by value with one more sort, by high.
        for (index, backing) in SourceCounter.backing(keyed, byLow: byLow).enumerated() {
            report.figures[index].sources = backing.sources
            report.figures[index].reports = backing.reports
        }
        let timed = keyed.indices.map { index in
            TimedFigure(source: keyed[index].source, article: keyed[index].article,
                        date: StoryDate(published: report.figures[index].published, recorded: report.figures[index].time),
                        range: ranges[index], earlier: keyed[index].earlier, name: report.figures[index].figure)
        }
        markHistories(&report, timed: timed)
        let current = report.figures.indices.filter { report.figures[$0].updatedBy == nil }
        guard current.count < report.figures.count else {
            compareCurrent(&report, timed: timed, byLow: byLow)
            return
        }
        // Conflicts among the current figures alone, their positions mapped back.
        var subset = report
        subset.figures = current.map { report.figures[$0] }
        compareCurrent(&subset, timed: current.map { timed[$0] }, byLow: nil)
        for (position, index) in current.enumerated() {
            report.figures[index].conflicting = subset.figures[position].conflicting
            report.figures[index].agreeing = subset.figures[position].agreeing
            report.figures[index].conflicts = subset.figures[position].conflicts.map { current[$0] }
        }
        for index in report.figures.indices where report.figures[index].updatedBy != nil {
            report.figures[index].conflicting = 0
            report.figures[index].agreeing = 0
            report.figures[index].conflicts = []
        }
        report.conflictingPairs = subset.conflictingPairs
        report.conflicts = subset.conflicts.map { $0.map { current[$0] } }
    }

    /// Each figure a newer one of its source updates (`SourceHistory`, from the whole topic
    /// at once) names it; the newer names the claim it updates (of several, the first by
    /// name). A figure the store already marks (a later version's claim updated it) keeps
    /// that mark.
    private static func markHistories(_ report: inout TopicReport, timed: [TimedFigure<Int64>]) {
        var named: [Int: Int] = [:]
        for (index, updater) in SourceHistory.updaters(timed).enumerated() {
            guard let updater, report.figures[index].updatedBy == nil else { continue }
            report.figures[index].updatedBy = report.figures[updater].figure
            if let older = named[updater], timed[older].name < timed[index].name { continue }
            named[updater] = index
        }
        for (newer, older) in named where report.figures[newer].updates == nil {
            report.figures[newer].updates = claim(of: report.figures[older].figure)
        }
    }

    /// The claim of a `claim#index` figure name.
    private static func claim(of figure: String) -> String {
        figure.lastIndex(of: "#").map { String(figure[..<$0]) } ?? figure
    }

    /// Conflicts among figures that are all current.
    static func compareCurrent(_ report: inout TopicReport, timed: [TimedFigure<Int64>], byLow: [Int]?) {
        if FigureDays.allComparable(timed.map(\.date)) {
            compare(&report, ranges: timed.map(\.range), byLow: byLow, leftOut: LeftOutPairs(timed))
        } else {
            compare(&report, pairwise: timed)
        }
    }

    /// Fills in each figure's conflicts and the topic's conflicting pairs pair by pair, by
    /// `FigurePair.verdict`. Conflicts are listed by position, the first `TopicReport.listed`.
    static func compare(_ report: inout TopicReport, pairwise timed: [TimedFigure<Int64>]) {
        var total = 0
        for index in timed.indices {
            report.figures[index].conflicting = 0
            report.figures[index].agreeing = 0
            report.figures[index].conflicts = []
        }
        report.conflicts = []
        for first in timed.indices {
            for second in (first + 1)..<timed.count {
                switch FigurePair.verdict(timed[first], timed[second]) {
                case .apart, .update:
                    continue
                case .agrees:
                    report.figures[first].agreeing += 1
                    report.figures[second].agreeing += 1
                case .conflicts:
                    total += 1
                    for (one, other) in [(first, second), (second, first)] {
                        report.figures[one].conflicting += 1
                        if report.figures[one].conflicts.count < TopicReport.listed { report.figures[one].conflicts.append(other) }
                    }
                    if report.conflicts.count < TopicReport.pairsListed { report.conflicts.append([first, second]) }
                }
            }
        }
        report.conflictingPairs = total
    }
}
