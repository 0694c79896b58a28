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
        let all = current.count == report.figures.count
        let compared = compareCurrent(all ? timed : current.map { timed[$0] }, byLow: all ? byLow : nil)
        for index in report.figures.indices where report.figures[index].updatedBy != nil {
            report.figures[index].conflicting = 0
            report.figures[index].agreeing = 0
            report.figures[index].conflicts = []
        }
        compared.fill(&report, at: all ? nil : current)
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

    /// Conflicts among figures that are all current: one sweep when every two of them speak
    /// for comparable days, else one for each day (`compareByDay`).
    static func compareCurrent(_ timed: [TimedFigure<Int64>], byLow: [Int]?) -> Compared {
        if FigureDays.allComparable(timed.map(\.date)) {
            return sweep(timed.map(\.range), byLow: byLow, leftOut: LeftOutPairs(timed))
        }
        return compareByDay(timed)
    }

    /// For the figures of each day they speak for, a sweep over them and every figure of a
    /// day comparable with theirs: all any of them is compared with, so their counts and
    /// lists are what the sweep finds there. A topic spread over many days costs a few
    /// sweeps of its neighbourhood per figure, not a comparison of every pair.
    static func compareByDay(_ timed: [TimedFigure<Int64>]) -> Compared {
        var byDate: [StoryDate?: [Int]] = [:]
        for (position, figure) in timed.enumerated() { byDate[figure.date, default: []].append(position) }
        let dates = Array(byDate.keys)
        var result = Compared(count: timed.count)
        var total = 0
        var place = [Int](repeating: 0, count: timed.count)
        for date in dates {
            guard let own = byDate[date] else { continue }
            let window = dates.filter { FigureDays.comparable(date, $0) }.flatMap { byDate[$0] ?? [] }.sorted()
            let local = sweep(window.map { timed[$0].range }, leftOut: LeftOutPairs(window.map { timed[$0] }))
            for (offset, position) in window.enumerated() { place[position] = offset }
            for position in own {
                let offset = place[position]
                result.conflicting[position] = local.conflicting[offset]
                result.agreeing[position] = local.agreeing[offset]
                result.lists[position] = local.lists[offset].map { window[$0] }
                total += local.conflicting[offset]
            }
        }
        result.pairs = total / 2
        return result
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
