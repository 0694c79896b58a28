extension TopicReport.Line {
    /// A figure row as the store reads it, before sources and conflicts are counted.
    init(figure: String, text: String, article: String, copies: Int, display: FigureDisplay) {
        self.init(figure: figure, text: text, low: display.low, high: display.high, bound: display.bound, unit: display.unit,
                  counted: display.counted, claimant: display.claimant, cue: display.cue, stance: display.stance,
                  article: article, path: display.path, outlet: display.outlet, published: display.published,
                  time: display.time, copies: copies, sources: 0, reports: 0, conflicting: 0, conflicts: [])
    }
}
