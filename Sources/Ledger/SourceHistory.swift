public import Stories

/// The ledger's two rules about time, in one place for the live comparison (`Ledger.add`)
/// and the query store's topic answer, so that `figure.compared` and `claimwatch figures`
/// say the same: a source's newer figure updates its older one (a history, 14 → 19 → 22),
/// and two sources' figures are compared only when the days they speak for are comparable.
///
/// Filing is in topic order (the log's); `Source` is whatever the caller names sources by.
public struct SourceHistory<Source: Hashable & Sendable>: Sendable {
    /// What filing a figure made of it.
    public enum Filing: Sendable, Equatable {
        /// The source's first figure in the topic.
        case first
        /// It is the source's newest and updates the figure at this position.
        case updates(Int)
        /// The source's figure at this position is newer: this one, arriving late, is history.
        case updatedBy(Int)
    }

    /// Each source's newest figure, by position in the topic.
    public private(set) var newest: [Source: Int] = [:]

    public init() {}

    /// Files the figure at `position` (after every earlier one), `date(p)` giving the day
    /// the figure at position `p` speaks for.
    public mutating func file(_ source: Source, at position: Int, date: (Int) -> StoryDate?) -> Filing {
        guard let previous = newest[source] else {
            newest[source] = position
            return .first
        }
        guard Self.isNewer((date(position), position), than: (date(previous), previous)) else { return .updatedBy(previous) }
        newest[source] = position
        return .updates(previous)
    }

    /// Makes the figure at `position` the source's newest without comparing (a merge that
    /// has already decided).
    public mutating func setNewest(_ source: Source, _ position: Int) {
        newest[source] = position
    }

    /// Whether a figure (its date and place in the topic) is newer than another: a later
    /// day, else later in the log. A day known only as the day the log recorded the article
    /// bounds its publication from above: it tells against a published day only when that
    /// day falls after it; otherwise the log's order decides.
    public static func isNewer(_ figure: (date: StoryDate?, position: Int), than other: (date: StoryDate?, position: Int)) -> Bool {
        if let date = figure.date, let otherDate = other.date, date.day != otherDate.day {
            switch (date.kind, otherDate.kind) {
            case (.published, .published), (.recorded, .recorded): return date.day > otherDate.day
            // Published after the other was even recorded: newer.
            case (.published, .recorded): if date.day > otherDate.day { return true }
            // Recorded before the other was published: older.
            case (.recorded, .published): if date.day < otherDate.day { return false }
            }
        }
        return figure.position > other.position
    }
}

/// Whether two sources' figures speak for comparable days (see `SourceHistory`).
public enum FigureDays {
    /// How many days apart two sources' figures may speak for and still be compared.
    public static let comparableDays: Int32 = 1

    private static let matcher: StoryMatcher = {
        var configuration = StoryMatcher.Configuration()
        configuration.window = comparableDays
        return StoryMatcher(configuration: configuration)
    }()

    /// Whether figures of these two days are compared: at most `comparableDays` apart, a
    /// day known only as recorded standing for any of the days before it within
    /// `StoryMatcher`'s lookback; without a day, time says nothing against it.
    public static func comparable(_ first: StoryDate?, _ second: StoryDate?) -> Bool {
        matcher.closeInTime(first, second)
    }

    /// Whether every two of these days are comparable: then a comparison may ignore days.
    public static func allComparable(_ dates: [StoryDate?]) -> Bool {
        var latestStart = Int32.min, earliestEnd = Int32.max
        for date in dates {
            guard let date else { continue }
            let (low, high) = matcher.span(date)
            latestStart = max(latestStart, low)
            earliestEnd = min(earliestEnd, high)
        }
        // Two spans are comparable when neither starts more than the window after the
        // other ends; all pairs are when the latest start and the earliest end are.
        return latestStart == .min || Int64(latestStart) - Int64(earliestEnd) <= Int64(comparableDays)
    }
}
