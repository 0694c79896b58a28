import ConsoleOutput
import EventLog
import Ledger
public import Store
import Stories

/// One figure as the chart draws it: where it stands in the topic's table, the day it
/// speaks for, the shape of its range, whose it is, and whether it conflicts.
public struct ChartFigure: Sendable, Equatable {
    /// The shape a figure's range takes on the chart.
    public enum Shape: Sendable, Hashable {
        /// One value: a dot.
        case exact(Double)
        /// A floor with an open end ("at least 26"): a stem rising off the top.
        case floor(Double)
        /// A ceiling ("at most 40", down to zero): a stem falling to the axis.
        case ceiling(Double)
        /// A closed interval ("between 20 and 30"): a bar with caps.
        case interval(Double, Double)
        /// An approximate value ("some 12,000"): a band as wide as rounding hides, around it.
        case approximate(value: Double, low: Double, high: Double)
    }

    /// The figure's number in the topic's table, from 1.
    public var number: Int
    public var day: Int32
    /// The day is the article's published date, not the day the log recorded it.
    public var published: Bool
    public var shape: Shape
    /// Who gives it: a claimant's canonical name, or the outlet (or file) for a figure it
    /// states as fact, as the ledger counts sources.
    public var source: String
    public var conflicting: Bool
    /// The value as the table writes it ("≥ 26").
    public var value: String

    public init(number: Int, day: Int32, published: Bool, shape: Shape, source: String, conflicting: Bool, value: String) {
        self.number = number
        self.day = day
        self.published = published
        self.shape = shape
        self.source = source
        self.conflicting = conflicting
        self.value = value
    }

    /// The topic's figures that carry a number and a readable day, in table order.
    public static func figures(of topic: TopicReport) -> [ChartFigure] {
        topic.figures.enumerated().compactMap { position, line in
            guard let date = StoryDate(published: line.published, recorded: line.time),
                  let shape = Shape(low: line.low, high: line.high, bound: line.bound, unit: line.unit) else { return nil }
            return ChartFigure(number: position + 1, day: date.day, published: date.kind == .published, shape: shape,
                               source: source(of: line), conflicting: line.conflicting > 0,
                               value: FigureText.value(low: line.low, high: line.high, bound: line.bound, unit: line.unit))
        }
    }

    /// The ledger's source of a figure: its claimant, else the outlet that states it.
    public static func source(of line: TopicReport.Line) -> String {
        line.claimant ?? line.outlet ?? line.path ?? line.article
    }
}

extension ChartFigure.Shape {
    /// The shape of a figure's bound, from the same reading the ledger compares by
    /// (`FigureRange`); nil when it carries no number.
    init?(low: Double?, high: Double?, bound: FigureBound, unit: String?) {
        guard let range = FigureRange(low: low, high: high, bound: bound, unit: unit) else { return nil }
        switch bound {
        case .atLeast:
            self = .floor(range.low)
        case .atMost:
            self = .ceiling(range.high)
        case .approximately:
            guard range.high.isFinite else {
                // "thousands of": a floor, as the ledger reads it.
                self = .floor(range.low)
                return
            }
            let value = low ?? high ?? (range.low + range.high) / 2
            self = .approximate(value: value, low: range.low, high: range.high)
        case .range, .exact, .unknown:
            self = range.low == range.high ? .exact(range.low) : .interval(range.low, range.high)
        }
    }

    /// The finite values the shape reaches, for the scale.
    var extent: [Double] {
        switch self {
        case let .exact(value), let .floor(value), let .ceiling(value): [value]
        case let .interval(low, high): [low, high]
        case let .approximate(_, low, high): [low, high]
        }
    }

    /// The value a source's history is drawn through.
    var centre: Double {
        switch self {
        case let .exact(value), let .floor(value), let .ceiling(value): value
        case let .interval(low, high): (low + high) / 2
        case let .approximate(value, _, _): value
        }
    }
}
