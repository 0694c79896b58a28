public import EventLog
public import Ledger

extension ClaimExtracted {
    /// The claim's figures as the ledger reads them, with the sentence as context, their
    /// article, and the value each says it changed from. The daemon and the store both go
    /// through here, so they file figures alike.
    public var ledgerFigures: [LedgerFigure] {
        figures.enumerated().map { index, figure in
            LedgerFigure(ref: FigureRef(claim: claim, index: index), text: figure.text, low: figure.low, high: figure.high,
                         bound: figure.bound, unit: figure.unit, counted: figure.counted, sentence: text,
                         // "Rose to 19, up from 14": the 14 is what this figure updates, not a rival.
                         earlier: figure.previous.flatMap { previous in
                             FigureRange(low: previous.low, high: previous.high, bound: previous.bound, unit: figure.unit)
                         }, article: article)
        }
    }
}

extension FigureCompared {
    /// The event for a ledger comparison.
    public init(_ comparison: Comparison, figure: LedgerFigure, article: String) {
        self.init(claim: comparison.figure.claim, index: comparison.figure.index, article: article,
                  topic: comparison.topic, label: comparison.label, text: figure.text, low: figure.low,
                  high: figure.high, bound: figure.bound, unit: figure.unit, agreeing: comparison.agrees.count,
                  conflicting: comparison.conflicts.count,
                  agrees: comparison.agrees.map { Ref(claim: $0.claim, index: $0.index) },
                  conflicts: comparison.conflicts.map { Ref(claim: $0.claim, index: $0.index) }, story: comparison.story)
    }
}
