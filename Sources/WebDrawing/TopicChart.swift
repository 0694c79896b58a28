import ConsoleOutput
import Ledger
import Stories

/// A topic's figures drawn as inline SVG by the server: each figure's range against the
/// day it speaks for, so who said what, when, and how far apart reads at a glance.
///
/// - Shapes follow the bound: a dot for an exact value, a stem with an open arrow for a
///   floor ("at least"), a stem down to the axis for a ceiling, a capped bar for an
///   interval, a band for an approximate value (as wide as the ledger's tolerance).
/// - One mark per source and value: the same source giving the same range on the same day
///   in several reports is drawn once, its title listing every figure it stands for.
/// - A source's marks are joined oldest first, in the ledger's order (`Ledger.isNewer`), so
///   its updates read as a line.
/// - Marks of one day are spread across the day's width, and ranges are drawn at their
///   true values: disjoint ranges never touch, and every figure in conflict carries the
///   `conflict` class and a red ring.
///
/// No style attributes: the page's CSP allows style sheets from this site only, so the
/// look comes from classes (`mark`, `exact`, `floor`, …, `s0`–`s7` for a source's colour).
public struct TopicChart: Sendable {
    static let width = 880.0, height = 360.0
    static let left = 76.0, right = 830.0, top = 20.0, bottom = 316.0
    /// Room between the axis and the first or last day's marks.
    static let inset = 24.0
    static var firstX: Double { left + inset }
    static var lastX: Double { right - inset }
    /// Source colours the style sheet defines; sources beyond them reuse them in turn.
    package static let palette = 8

    public let figures: [ChartFigure]

    public init(figures: [ChartFigure]) {
        self.figures = figures
    }

    /// A mark: one or more figures of one source with the same range on the same day.
    struct Mark {
        var numbers: [Int]
        var figure: ChartFigure
        var x = 0.0
    }

    /// The sources in order of their first figure, each with its colour class.
    package var sources: [String] {
        var seen = Set<String>()
        return figures.compactMap { seen.insert($0.source).inserted ? $0.source : nil }
    }

    /// What makes two figures one mark.
    private struct MarkKey: Hashable {
        var source: String
        var day: Int32
        var shape: ChartFigure.Shape
    }

    func marks() -> [Mark] {
        var marks: [Mark] = []
        var position: [MarkKey: Int] = [:]
        for figure in figures {
            let key = MarkKey(source: figure.source, day: figure.day, shape: figure.shape)
            if let existing = position[key] {
                marks[existing].numbers.append(figure.number)
                marks[existing].figure.conflicting = marks[existing].figure.conflicting || figure.conflicting
            } else {
                position[key] = marks.count
                marks.append(Mark(numbers: [figure.number], figure: figure))
            }
        }
        return marks
    }

    public func svg(title: String) -> HTML {
        let days = DayScale(days: figures.map(\.day))
        let values = ValueScale(values: figures.flatMap(\.shape.extent))
        var marks = marks()
        // Marks of one day side by side across most of the day's width, in table order.
        let dayWidth = days.dayWidth(left: Self.firstX, right: Self.lastX)
        var byDay: [Int32: [Int]] = [:]
        for (index, mark) in marks.enumerated() { byDay[mark.figure.day, default: []].append(index) }
        for (day, indices) in byDay {
            let centre = days.position(day, left: Self.firstX, right: Self.lastX)
            let step = min(12, min(dayWidth * 0.7, Self.inset * 1.6) / Double(max(1, indices.count)))
            for (slot, index) in indices.enumerated() {
                marks[index].x = centre + (Double(slot) - Double(indices.count - 1) / 2) * step
            }
        }
        let sources = sources
        var colour: [String: Int] = [:]
        for (index, source) in sources.enumerated() { colour[source] = index % Self.palette }

        var svg: HTML = """
            <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 880 360" role="img" aria-labelledby="chart-title">\
            <title id="chart-title">\(title)</title>
            """
        svg.append(axes(days: days, values: values))
        svg.append("<g class=\"histories\">")
        var bySource: [String: [Mark]] = [:]
        for mark in marks { bySource[mark.figure.source, default: []].append(mark) }
        for source in sources {
            // Older first: what the ledger knows of their days (a day known only as the day
            // recorded bounds the publication from above), else the log's order, for drawing only.
            let own = (bySource[source] ?? []).sorted { first, second in
                Ledger.isNewer((StoryDate(day: second.figure.day, kind: second.figure.published ? .published : .recorded), second.numbers[0]),
                               than: (StoryDate(day: first.figure.day, kind: first.figure.published ? .published : .recorded), first.numbers[0]))
            }
            guard own.count > 1 else { continue }
            let points = own.map { mark -> String in
                let y = values.position(mark.figure.shape.centre, top: Self.top, bottom: Self.bottom)
                return SVGNumber.text(mark.x) + "," + SVGNumber.text(y)
            }.joined(separator: " ")
            svg.append("<polyline class=\"history s\(colour[source] ?? 0)\" data-source=\"\(source)\" points=\"\(points)\"/>")
        }
        svg.append("</g><g class=\"marks\">")
        for mark in marks {
            svg.append(draw(mark, colour: colour[mark.figure.source] ?? 0, values: values))
        }
        svg.append("</g></svg>")
        return svg
    }

    private func axes(days: DayScale, values: ValueScale) -> HTML {
        var axes: HTML = "<g class=\"axes\">"
        for tick in values.ticks {
            let y = values.position(tick, top: Self.top, bottom: Self.bottom)
            axes.append("""
                <line class="grid" x1="\(Self.left)" x2="\(Self.right)" y1="\(y)" y2="\(y)"/>\
                <text class="tick value" x="\(Self.left - 8)" y="\(y + 4)" text-anchor="end">\(FigureText.number(tick))</text>
                """)
        }
        for day in days.ticks {
            let x = days.position(day, left: Self.firstX, right: Self.lastX)
            axes.append("""
                <line class="grid day" x1="\(x)" x2="\(x)" y1="\(Self.top)" y2="\(Self.bottom)"/>\
                <text class="tick date" x="\(x)" y="\(Self.bottom + 20)" text-anchor="middle">\(DayScale.label(day))</text>
                """)
        }
        let scale: HTML = values.logarithmic ? "value (logarithmic)" : "value"
        axes.append("""
            <line class="axis" x1="\(Self.left)" x2="\(Self.right)" y1="\(Self.bottom)" y2="\(Self.bottom)"/>\
            <line class="axis" x1="\(Self.left)" x2="\(Self.left)" y1="\(Self.top)" y2="\(Self.bottom)"/>\
            <text class="label" x="14" y="\(Self.top + 4)">\(scale)</text>\
            <text class="label" x="\(Self.right)" y="\(Self.bottom + 38)" text-anchor="end">date (published, else recorded)</text></g>
            """)
        return axes
    }

    private func draw(_ mark: Mark, colour: Int, values: ValueScale) -> HTML {
        let figure = mark.figure
        let x = mark.x
        func y(_ value: Double) -> Double { values.position(value, top: Self.top, bottom: Self.bottom) }
        let kind: HTML
        let body: HTML
        switch figure.shape {
        case let .exact(value):
            kind = "exact"
            body = "<circle cx=\"\(x)\" cy=\"\(y(value))\" r=\"4.5\"/>"
        case let .floor(value):
            kind = "floor"
            body = """
                <line x1="\(x)" x2="\(x)" y1="\(y(value))" y2="\(Self.top + 7)"/>\
                <line x1="\(x - 5)" x2="\(x + 5)" y1="\(y(value))" y2="\(y(value))"/>\
                <polygon points="\(x - 4),\(Self.top + 8) \(x + 4),\(Self.top + 8) \(x),\(Self.top)"/>
                """
        case let .ceiling(value):
            kind = "ceiling"
            body = """
                <line x1="\(x)" x2="\(x)" y1="\(y(value))" y2="\(Self.bottom)"/>\
                <line x1="\(x - 5)" x2="\(x + 5)" y1="\(y(value))" y2="\(y(value))"/>
                """
        case let .interval(low, high):
            kind = "interval"
            body = """
                <line x1="\(x)" x2="\(x)" y1="\(y(low))" y2="\(y(high))"/>\
                <line x1="\(x - 5)" x2="\(x + 5)" y1="\(y(low))" y2="\(y(low))"/>\
                <line x1="\(x - 5)" x2="\(x + 5)" y1="\(y(high))" y2="\(y(high))"/>
                """
        case let .approximate(value, low, high):
            kind = "approximate"
            let upper = y(high), lower = y(low)
            body = """
                <rect x="\(x - 5)" y="\(upper)" width="10" height="\(max(1, lower - upper))"/>\
                <line x1="\(x - 5)" x2="\(x + 5)" y1="\(y(value))" y2="\(y(value))"/>
                """
        }
        // A conflict is ringed in red around where the figure starts, and the shape keeps its
        // source's colour.
        let anchor: Double = switch figure.shape {
        case let .exact(value), let .floor(value), let .ceiling(value): value
        case let .interval(low, _): low
        case let .approximate(value, _, _): value
        }
        let halo: HTML = figure.conflicting ? "<circle class=\"halo\" cx=\"\(x)\" cy=\"\(y(anchor))\" r=\"8\"/>" : ""
        let numbers = mark.numbers.map { "#\($0)" }.joined(separator: ", ")
        let day = DayScale.label(figure.day) + (figure.published ? "" : " (recorded)")
        let conflict: HTML = figure.conflicting ? " conflict" : ""
        let verdict = figure.conflicting ? ", in conflict" : ""
        return """
            <g class="mark \(kind) s\(colour)\(conflict)" data-figure="\(mark.numbers[0])" data-source="\(figure.source)">\
            <title>\(numbers) \(figure.value) — \(figure.source), \(day)\(verdict)</title>\(halo)\(body)</g>
            """
    }
}
