import EventLog
@testable import Ledger
import Stories

/// Builds figures from invented sentences, the way `claim.extracted` carries them.
enum LedgerFixtures {
    static func figure(_ text: String, counted: String?, low: Double?, high: Double? = nil, bound: FigureBound = .exact,
                       unit: String? = nil, in sentence: String, claim: String = "c", index: Int = 0, story: String? = nil,
                       day: String? = nil, source: String? = nil, earlier: Double? = nil) -> LedgerFigure {
        LedgerFigure(ref: FigureRef(claim: claim, index: index), text: text, low: low,
                     high: high ?? (bound == .exact ? low : nil), bound: bound, unit: unit, counted: counted,
                     sentence: sentence, story: story,
                     date: day.flatMap { StoryDate(published: $0, recorded: "2026-12-01T00:00:00Z") }, source: source,
                     earlier: earlier.flatMap { FigureRange(low: $0, high: $0, bound: "exact", unit: unit) })
    }

    static func key(_ figure: LedgerFigure) -> String? {
        TopicKeyMaker.key(for: figure)?.description
    }
}
