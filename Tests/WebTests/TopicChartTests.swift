import EventLog
import Foundation
@testable import Store
import Stories
import Testing
@testable import WebDrawing

@Suite struct TopicChartTests {
    static func line(_ text: String, low: Double?, high: Double?, bound: FigureBound, claimant: String?, outlet: String = "Courier",
                     published: String? = "2026-11-12", conflicting: Int = 0) -> TopicReport.Line {
        TopicReport.Line(figure: "c#0", text: text, low: low, high: high, bound: bound, unit: nil, counted: "people",
                         claimant: claimant, cue: "said", stance: "asserts", article: "a1", path: "a.txt", outlet: outlet,
                         published: published, time: "2026-11-20T08:00:00.000Z", copies: 0, sources: 1, reports: 1,
                         conflicting: conflicting, conflicts: [])
    }

    static func topic(_ lines: [TopicReport.Line]) -> TopicReport {
        TopicReport(topic: "people killed", id: "t1", key: "count||person|dead", figures: lines, conflictingPairs: 0, conflicts: [])
    }

    static func svg(_ lines: [TopicReport.Line]) -> String {
        let chart = TopicChart(figures: ChartFigure.figures(of: topic(lines)))
        return String(decoding: chart.svg(title: "t").bytes, as: UTF8.self)
    }

    @Test("each bound has its shape: dot, floor with an open end, ceiling, interval, approximate band")
    func shapes() {
        let figures = ChartFigure.figures(of: Self.topic([
            Self.line("14", low: 14, high: 14, bound: "exact", claimant: "A"),
            Self.line("at least 26", low: 26, high: nil, bound: "atLeast", claimant: "B"),
            Self.line("at most 40", low: nil, high: 40, bound: "atMost", claimant: "C"),
            Self.line("20 to 30", low: 20, high: 30, bound: "range", claimant: "D"),
            Self.line("some 12,000", low: 12_000, high: nil, bound: "approximately", claimant: "E"),
            Self.line("some 300", low: 300, high: 300, bound: "approximately", claimant: "F"),  // half a hundred either way, as the ledger reads it
            Self.line("many", low: nil, high: nil, bound: "exact", claimant: "G"),
        ]))
        #expect(figures.map(\.shape) == [
            .exact(14), .floor(26), .ceiling(40), .interval(20, 30), .floor(12_000), .approximate(value: 300, low: 250, high: 350),
        ])
        #expect(figures.map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    @Test("one mark per source and value: the same figure from one source on one day in two reports is drawn once")
    func oneMarkPerSource() {
        let svg = Self.svg([
            Self.line("19", low: 19, high: 19, bound: "exact", claimant: "Service"),
            Self.line("19", low: 19, high: 19, bound: "exact", claimant: "Service", outlet: "Post"),
            Self.line("19", low: 19, high: 19, bound: "exact", claimant: "Rescue"),
        ])
        #expect(svg.components(separatedBy: "<g class=\"mark ").count - 1 == 2)
        #expect(svg.contains("<title>#1, #2 19 — Service"))
    }

    @Test("a source's updates are joined in date order; a source with one mark has no line")
    func histories() throws {
        let svg = Self.svg([
            Self.line("19", low: 19, high: 19, bound: "exact", claimant: "Service", published: "2026-11-14"),
            Self.line("14", low: 14, high: 14, bound: "exact", claimant: "Service", published: "2026-11-12"),
            Self.line("26", low: 26, high: nil, bound: "atLeast", claimant: "Rescue", published: "2026-11-13"),
        ])
        #expect(svg.components(separatedBy: "<polyline class=\"history").count - 1 == 1)
        let points = try #require(svg.firstMatch(of: /data-source="Service" points="([^"]+)"/)).1
        let xs = points.split(separator: " ").compactMap { Double($0.split(separator: ",")[0]) }
        let ys = points.split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
        #expect(xs.count == 2 && xs[0] < xs[1], "in date order")
        #expect(ys[0] > ys[1], "14 first, lower on the chart, then 19")
    }

    @Test("a figure dated only by the day it was recorded is ordered by the log against an earlier published one")
    func recordedDays() throws {
        // The emergency service's 14 came in a copy with no published date, recorded later
        // than the 19 it published; the log has the 14 first, so the line runs 14 → 19.
        var first = Self.line("14", low: 14, high: 14, bound: "exact", claimant: "Service", published: nil)
        first.time = "2026-12-05T08:00:00.000Z"
        let svg = Self.svg([first, Self.line("19", low: 19, high: 19, bound: "exact", claimant: "Service", published: "2026-11-12")])
        let points = try #require(svg.firstMatch(of: /data-source="Service" points="([^"]+)"/)).1
        let ys = points.split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
        #expect(ys.count == 2 && ys[0] > ys[1], "14 (lower on the chart) first, then 19")
    }

    @Test("conflicting figures are ringed and their ranges drawn apart; agreeing ones are not ringed")
    func conflictsApart() throws {
        let svg = Self.svg([
            Self.line("some 12,000", low: 12_000, high: 12_000, bound: "approximately", claimant: "Ministry", conflicting: 1),
            Self.line("11,000", low: 11_000, high: 11_000, bound: "exact", claimant: "Agency", conflicting: 1),
            Self.line("12,100", low: 12_100, high: 12_100, bound: "exact", claimant: "Monitor"),
        ])
        #expect(svg.components(separatedBy: "class=\"halo\"").count - 1 == 2)
        #expect(svg.components(separatedBy: " conflict\" data-figure").count - 1 == 2)
        // The band of "some 12,000" (11,500–12,500) lies wholly above the dot at 11,000.
        let band = try #require(svg.firstMatch(of: /<rect x="[^"]+" y="([^"]+)" width="10" height="([^"]+)"/))
        let bandBottom = try #require(Double(band.1)) + (try #require(Double(band.2)))
        let dot = try #require(svg.firstMatch(of: /data-figure="2"[^>]*><title>[^<]*<\/title><circle class="halo"[^>]*\/><circle cx="[^"]+" cy="([^"]+)"/))
        #expect(try #require(Double(dot.1)) > bandBottom)
    }

    @Test("values spanning more than three orders of magnitude get a logarithmic axis")
    func logarithmic() {
        #expect(ValueScale(values: [3, 40_000]).logarithmic)
        #expect(!ValueScale(values: [14, 31]).logarithmic)
        let scale = ValueScale(values: [14, 19, 26, 31])
        #expect(scale.low == 0 && scale.high >= 31)
        #expect(scale.position(scale.high, top: 10, bottom: 110) == 10)
        #expect(scale.position(0, top: 10, bottom: 110) == 110)
    }

    @Test("day labels read back the day a date is")
    func days() {
        for text in ["1970-01-01", "2024-02-29", "2026-11-12", "1999-12-31"] {
            let day = Stories.StoryDate.day(of: text)
            #expect(day.map(DayScale.label) == text)
        }
    }

    @Test("values at the ends of Double's range give an axis of a few ticks, not an endless one (found by fuzz-web)")
    func extremeValues() {
        let extremes: [[Double]] = [
            [-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude],
            [Double.leastNonzeroMagnitude, 19], [Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude],
            [1e20, 1e20 + 1], [-1e300, 0],
        ]
        for values in extremes {
            let scale = ValueScale(values: values)
            #expect(scale.low.isFinite && scale.high.isFinite && scale.low < scale.high, "\(values)")
            #expect((2...ValueScale.maximumTicks).contains(scale.ticks.count), "\(values): \(scale.ticks.count) ticks")
            let figures = values.enumerated().map { index, value in
                ChartFigure(number: index + 1, day: 20_400, published: true, shape: .exact(value), source: "S", conflicting: true, value: "v")
            }
            let svg = String(decoding: TopicChart(figures: figures).svg(title: "t").bytes, as: UTF8.self)
            #expect(svg.hasSuffix("</svg>") && !svg.contains("nan") && !svg.contains("inf"), "\(values)")
        }
    }
}
