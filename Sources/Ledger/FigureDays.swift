public import Stories

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
