public import Stories

/// What the ledger's rules about time and sources look at in a figure, whoever holds it:
/// the live ledger names sources and articles by strings, the query store by the numbers
/// it interns them to.
public struct TimedFigure<Key: Hashable & Sendable>: Sendable {
    /// Who gives it (`SourceCounter.source`); nil when unknown: then it is nobody's history.
    public var source: Key?
    public var article: Key
    /// The day it speaks for: its article's published day, else the day the log recorded it.
    public var date: StoryDate?
    public var range: FigureRange
    /// The value it says it changed from ("rose to 19, up from 14").
    public var earlier: FigureRange?
    /// `claim#index`: only breaks ties between figures the rules leave equal, so that the
    /// answer never rests on the order figures arrived in.
    public var name: String

    public init(source: Key?, article: Key, date: StoryDate?, range: FigureRange, earlier: FigureRange?, name: String) {
        self.source = source
        self.article = article
        self.date = date
        self.range = range
        self.earlier = earlier
        self.name = name
    }

    /// Whether it says it changed from the other's value: the other is its starting point.
    func startsFrom(_ other: TimedFigure) -> Bool {
        guard let earlier else { return false }
        return earlier.overlaps(other.range) && !range.overlaps(other.range)
    }
}
