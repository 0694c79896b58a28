import WebDrawing
import ConsoleOutput
import Store

/// One topic of the figures ledger: the chart, then every figure with its claimant, cue,
/// outlet, date, copies and independent sources, each conflict marked and linked to the
/// figures it conflicts with. The CSV and JSON of the same topic are a link away.
enum TopicPage {
    /// Conflicting figures named in a row; the rest are counted.
    static let namedConflicts = 5
    /// Sources named in the chart's legend; the rest are counted.
    static let namedSources = 40

    static func render(_ reading: LedgerReading, id: String) throws(WebError) -> HTML {
        guard let topic = try reading.query({ store throws(StoreError) in try store.topic(id: id) }) else {
            throw .notFound("no topic has the id '\(id)'")
        }
        let pairs = topic.conflictingPairs
        let verdict: HTML = pairs == 0
            ? "<span class=\"verdict agree\">all agree</span>"
            : "<span class=\"verdict conflict\">✗ \(pairs) conflicting \(pairs == 1 ? "pair" : "pairs")</span>"
        let figures = topic.figures.count
        var body: HTML = """
            <section data-topic="\(topic.id)"><h1>\(topic.topic)</h1>\
            <p class="muted">topic <code>\(topic.id)</code> · counts <code>\(topic.key)</code> · \
            \(figures) \(figures == 1 ? "figure" : "figures") · \(verdict) · \
            <a href="\(SiteLink.topicCSV(topic.id))">CSV</a> · <a href="\(SiteLink(["api", "topics", topic.id]))">JSON</a></p>
            """
        if let story = topic.story {
            let name = try reading.query { store throws(StoreError) in try store.storyName(id: story) }
            body.append("<p class=\"story\">in the story <a href=\"\(SiteLink.story(story))\">\(name?.title ?? story)</a></p>")
        }
        let chart = TopicChart(figures: ChartFigure.figures(of: topic))
        if !chart.figures.isEmpty {
            body.append(chart.svg(title: "\(topic.topic): each figure's range against its date"))
            body.append(legend(chart))
        }
        body.append(table(topic))
        body.append("</section>")
        return PageFrame.page(title: topic.topic, live: true, body: body)
    }

    private static func legend(_ chart: TopicChart) -> HTML {
        let sources = chart.sources
        var legend: HTML = "<ul class=\"legend\">"
        for (index, source) in sources.prefix(namedSources).enumerated() {
            legend.append("<li><span class=\"swatch s\(index % TopicChart.palette)\"></span>\(source)</li>")
        }
        if sources.count > namedSources { legend.append("<li class=\"muted\">and \(sources.count - namedSources) more sources</li>") }
        legend.append("""
            <li class="muted">dot: exact · stem up with an arrow: at least · stem down: at most · bar: between · \
            band: about · dashed line: one source's figures, oldest first · red ring: in conflict</li></ul>
            """)
        return legend
    }

    private static func table(_ topic: TopicReport) -> HTML {
        var table: HTML = """
            <table class="figures"><thead><tr><th>#</th><th>value</th><th>claimant</th><th>cue</th><th>outlet</th>\
            <th>date</th><th class="number" title="articles that carry the figure's claim: its own, its copies and those that repeat it">reports</th>\
            <th class="number" title="independent sources giving this value">sources</th><th>verdict</th><th>figure</th></tr></thead><tbody>
            """
        for (position, line) in topic.figures.enumerated() {
            let number = position + 1
            let value = FigureText.value(low: line.low, high: line.high, bound: line.bound, unit: line.unit)
            let claimant: HTML = line.claimant.map { "<a href=\"\(SiteLink.claimant($0))\">\($0)</a>" }
                ?? "<span class=\"muted\">(unattributed)</span>"
            let cue: HTML = line.stance == "denies" ? "<strong>denies</strong>" : PageFrame.optional(line.cue)
            let date = PageFrame.day(line.published).map { HTML(text: $0) }
                ?? "\(PageFrame.day(line.time) ?? "") <span class=\"muted\">(recorded)</span>"
            let row: HTML = line.conflicting > 0 ? "<tr class=\"conflict\" id=\"f\(number)\">" : "<tr id=\"f\(number)\">"
            table.append("""
                \(row)<td>\(number)</td><td>\(value)</td><td>\(claimant)</td><td>\(cue)</td>\
                <td><a href="\(SiteLink.article(line.article))">\(line.outlet ?? line.path ?? line.article)</a></td>\
                <td>\(date)</td><td class="number">\(line.copies + 1)</td><td class="number">\(line.sources)</td>\
                <td class="verdict">\(verdict(line, in: topic))</td><td>\(figureText(line))</td></tr>
                """)
        }
        table.append("</tbody></table>")
        return table
    }

    private static func verdict(_ line: TopicReport.Line, in topic: TopicReport) -> HTML {
        let history = history(line, in: topic)
        guard line.conflicting > 0 else { return history + (line.updatedBy == nil ? "<span class=\"verdict agree\">agrees</span>" : "") }
        var verdict: HTML = history + "✗ conflicts with "
        let named = line.conflicts.prefix(namedConflicts)
        for (index, other) in named.enumerated() {
            if index > 0 { verdict.append(", ") }
            verdict.append("<a href=\"#f\(other + 1)\">#\(other + 1)</a>")
        }
        if line.conflicting > named.count { verdict.append(" … \(line.conflicting) in all") }
        return verdict
    }

    /// "updated by #3" on a figure its source later changed (history, compared with
    /// nothing), "updates #1" on the change, as `figures` prints them.
    private static func history(_ line: TopicReport.Line, in topic: TopicReport) -> HTML {
        func links(_ positions: [Int]) -> HTML {
            HTML.join(positions.enumerated().map { index, position in
                (index > 0 ? ", " : "") + "<a href=\"#f\(position + 1)\">#\(position + 1)</a>"
            })
        }
        if let newer = line.updatedBy {
            let positions = topic.figures.indices.filter { topic.figures[$0].figure == newer }
            return "<span class=\"history\">updated by \(positions.isEmpty ? HTML(text: newer) : links(positions))</span> "
        }
        if let older = line.updates {
            let positions = topic.figures.indices.filter { topic.figures[$0].figure.hasPrefix(older + "#") }
            return "<span class=\"history\">updates \(positions.isEmpty ? HTML(text: older) : links(positions))</span> "
        }
        return ""
    }

    /// The figure as written; what a bare count counts may stand before it ("put the toll
    /// at 19"), so it is added after it.
    private static func figureText(_ line: TopicReport.Line) -> String {
        guard let counted = line.counted, !holds(line.text, counted) else { return line.text }
        return "\(line.text) (\(counted))"
    }

    /// Whether `part`'s bytes stand in `text`'s; a byte comparison, since String's own
    /// `contains` (by characters) cost a fifth of a large topic's page.
    private static func holds(_ text: String, _ part: String) -> Bool {
        let text = Array(text.utf8), part = Array(part.utf8)
        guard let first = part.first else { return true }
        guard part.count <= text.count else { return false }
        for start in 0...(text.count - part.count) where text[start] == first {
            if text[start..<start + part.count].elementsEqual(part) { return true }
        }
        return false
    }
}
