/// How two current figures of a topic stand to each other: the one rule the live ledger
/// and the query store's topic answer (and every count made from it) compare by.
public enum FigurePair {
    public enum Verdict: Sendable, Equatable {
        /// Not compared: one source's figures (it never disputes itself: separate figures
        /// of one article, or reports whose order is unknown), or days too far apart.
        case apart
        /// One says it changed from the other's value ("up from 14"): an update, not a rival.
        case update
        case agrees
        case conflicts
    }

    public static func verdict<Key>(_ first: TimedFigure<Key>, _ second: TimedFigure<Key>) -> Verdict {
        if let source = first.source, source == second.source { return .apart }
        guard FigureDays.comparable(first.date, second.date) else { return .apart }
        if first.startsFrom(second), SourceHistory.precedence(second, over: first) != .newer { return .update }
        if second.startsFrom(first), SourceHistory.precedence(first, over: second) != .newer { return .update }
        return first.range.overlaps(second.range) ? .agrees : .conflicts
    }

    /// Whether the pair is left out of the plain comparison of ranges: what the store's
    /// sweep over sorted ends must take back out when the days are all comparable.
    public static func leftOut<Key>(_ first: TimedFigure<Key>, _ second: TimedFigure<Key>) -> Bool {
        switch verdict(first, second) {
        case .apart, .update: return true
        case .agrees, .conflicts: return false
        }
    }
}
