/// The same-story test: symmetric, and a function of the two articles alone (no counts
/// over the articles seen so far), so that which pairs are the same story, and with them
/// the stories, do not depend on the order articles arrive in.
///
/// Two articles are one story when all three hold:
/// - **time**: the days they speak for are at most `window` apart. An article without a
///   published date was published on or before the day it was recorded, within `lookback`.
/// - **names**: they share at least `minimumSharedNames` names. One name ("Trump",
///   "Ukraine") is never enough, so a name every story mentions joins nothing on its own.
/// - **wording**: the cosine of their keyword vectors is at least `minimumSimilarity`, or
///   `similarityWithManyNames` when they share `manySharedNames` names or more (the more
///   people and places two articles have in common, the less their wording must say).
public struct StoryMatcher: Sendable {
    public struct Configuration: Sendable, Hashable {
        public var window: Int32 = 7
        public var lookback: Int32 = 60
        public var minimumSharedNames = 2
        public var minimumSimilarity: Float = 0.35
        public var manySharedNames = 6
        public var similarityWithManyNames: Float = 0.2

        public init() {}
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Whether two articles are the same story. Names in `common` (see `StoryGrouper`) are
    /// not counted: they name no one story.
    public func sameStory(_ first: StoryFeatures, _ second: StoryFeatures, common: Set<UInt64> = []) -> Bool {
        guard closeInTime(first.date, second.date) else { return false }
        let names = Self.shared(first.names, second.names, except: common)
        guard names >= configuration.minimumSharedNames else { return false }
        let similarity = Self.similarity(first, second)
        return similarity >= configuration.minimumSimilarity
            || (names >= configuration.manySharedNames && similarity >= configuration.similarityWithManyNames)
    }

    /// Whether the two days can be within `window` of each other. Without a date at all,
    /// time says nothing against it.
    public func closeInTime(_ first: StoryDate?, _ second: StoryDate?) -> Bool {
        guard let first, let second else { return true }
        let (firstLow, firstHigh) = span(first)
        let (secondLow, secondHigh) = span(second)
        return firstLow - secondHigh <= configuration.window && secondLow - firstHigh <= configuration.window
    }

    /// The days an article of this date may speak for: its published day, or the days
    /// before its recorded one, within `lookback`.
    public func span(_ date: StoryDate) -> (Int32, Int32) {
        date.kind == .published ? (date.day, date.day) : (date.day - configuration.lookback, date.day)
    }

    /// How many values two ascending arrays have in common, those in `except` left out.
    public static func shared(_ first: [UInt64], _ second: [UInt64], except: Set<UInt64> = []) -> Int {
        var left = 0, right = 0, common = 0
        while left < first.count, right < second.count {
            if first[left] == second[right] {
                if except.isEmpty || !except.contains(first[left]) { common += 1 }
                left += 1
                right += 1
            } else if first[left] < second[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return common
    }

    /// The cosine of the two keyword vectors (both unit length).
    public static func similarity(_ first: StoryFeatures, _ second: StoryFeatures) -> Float {
        var left = 0, right = 0
        var sum: Float = 0
        while left < first.keywords.count, right < second.keywords.count {
            if first.keywords[left] == second.keywords[right] {
                sum += first.weights[left] * second.weights[right]
                left += 1
                right += 1
            } else if first.keywords[left] < second.keywords[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return sum
    }
}
