public import Stories

/// The ledger's rules about one source's figures in a topic, in one place for the live
/// comparison (`Ledger.add`) and the query store's topic answer, so that `figure.compared`,
/// `claimwatch figures`, `stories`, `stats` and the web face say the same.
///
/// A source's figure is **history** when a figure of the same source *from another
/// article* is known to be newer; the newest it is known to be older than says which
/// figure updated it (the nearest in time, so a history reads 14 → 19 → 22). Figures of
/// one article never update each other: a source giving several values of one count in
/// one article (per-district tolls, a before and an after it names) gives separate figures.
///
/// Which of two articles' figures is newer (`precedence`), from what is known and nothing
/// else, so that every arrival order gives the same histories:
/// - two published days, or two recorded days: the later day; the same day tells nothing;
/// - a published day and a recorded one: the recorded article was published on or before
///   the day it was recorded, so only a published day *after* it is known to be newer;
/// - when the days tell nothing, a figure that says it changed from the other's value
///   ("up from 14") is the newer;
/// - otherwise neither is: both stand, each compared with other sources' figures, neither
///   with the other (`FigurePair`).
public enum SourceHistory {
    public enum Precedence: Sendable, Equatable {
        case newer, older, unknown
    }

    /// Whether `figure` is newer than `other`, older, or neither is known, by their days
    /// and, when those tell nothing, by an explicit change. Meant for figures of one
    /// source from two articles.
    public static func precedence<Key>(_ figure: TimedFigure<Key>, over other: TimedFigure<Key>) -> Precedence {
        let byDays = precedence(figure.date, over: other.date)
        guard byDays == .unknown else { return byDays }
        switch (figure.startsFrom(other), other.startsFrom(figure)) {
        case (true, false): return .newer
        case (false, true): return .older
        default: return .unknown
        }
    }

    /// What the days alone say (see the type's rules).
    public static func precedence(_ day: StoryDate?, over other: StoryDate?) -> Precedence {
        guard let day, let other, day.day != other.day else { return .unknown }
        switch (day.kind, other.kind) {
        case (.published, .published), (.recorded, .recorded): return day.day > other.day ? .newer : .older
        // Published after the other was even recorded: newer.
        case (.published, .recorded): return day.day > other.day ? .newer : .unknown
        // Recorded before the other was published: older.
        case (.recorded, .published): return day.day < other.day ? .older : .unknown
        }
    }

    /// Whether `candidate` is a nearer update of a figure than `current` (both newer than
    /// it): the earlier day, then the name, so the choice is the same in any order.
    public static func nearer<Key>(_ candidate: TimedFigure<Key>, than current: TimedFigure<Key>) -> Bool {
        let (first, second) = (candidate.date?.day ?? .max, current.date?.day ?? .max)
        return first == second ? candidate.name < current.name : first < second
    }

    /// For each figure, the position of the figure that updates it (nil: it is current),
    /// from the whole set at once: the same set in any order gives the same answer.
    ///
    /// What `precedence` says pair by pair, without looking at every pair of a source's
    /// figures (one outlet's unattributed figures in a large topic are thousands): by the
    /// days, a figure is newer than another when its day is later, unless it is only
    /// recorded and the other published, so the nearest newer by days is the first of the
    /// later days in one sorted list; an explicit change is looked for only from the few
    /// figures that name one.
    public static func updaters<Key>(_ figures: [TimedFigure<Key>]) -> [Int?] {
        var groups: [Key: [Int]] = [:]
        for (position, figure) in figures.enumerated() {
            if let source = figure.source { groups[source, default: []].append(position) }
        }
        var result = [Int?](repeating: nil, count: figures.count)
        for group in groups.values where group.count > 1 && !unordered(group.map { figures[$0] }) {
            // The dated figures, and the published among them, by day and then by name.
            let byDay = group.filter { figures[$0].date != nil }.sorted { nearer(figures[$0], than: figures[$1]) }
            let published = byDay.filter { figures[$0].date?.kind == .published }
            let changes = group.filter { figures[$0].earlier != nil }
            for older in group {
                let figure = figures[older]
                if let date = figure.date {
                    // A published day is newer than a recorded one only after it; a recorded
                    // day is never known to be newer than a published one.
                    let candidates = date.kind == .published ? published : byDay
                    result[older] = firstAfter(date.day, in: candidates, figures, otherThan: figure.article)
                }
                for newer in changes where figures[newer].article != figure.article
                    && precedence(figures[newer].date, over: figure.date) == .unknown
                    && precedence(figures[newer], over: figure) == .newer {
                    if let current = result[older], !nearer(figures[newer], than: figures[current]) { continue }
                    result[older] = newer
                }
            }
        }
        return result
    }

    /// The first of `sorted` (by day, then name) whose day is after `day`, of another article.
    private static func firstAfter<Key>(_ day: Int32, in sorted: [Int], _ figures: [TimedFigure<Key>], otherThan article: Key) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if let other = figures[sorted[middle]].date?.day, other <= day { low = middle + 1 } else { high = middle }
        }
        // An article's figures share its day, so this passes over none in practice.
        while low < sorted.count, figures[sorted[low]].article == article { low += 1 }
        return low < sorted.count ? sorted[low] : nil
    }

    /// Figures of one source none of which can be newer than another: all of one day and
    /// kind (a folder taken in at once), none naming a change.
    private static func unordered<Key>(_ figures: [TimedFigure<Key>]) -> Bool {
        guard let first = figures.first?.date else { return false }
        return figures.allSatisfy { $0.date == first && $0.earlier == nil }
    }
}
