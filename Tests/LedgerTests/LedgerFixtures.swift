@testable import Ledger

/// Builds figures from invented sentences, the way `claim.extracted` carries them.
enum LedgerFixtures {
    static func figure(_ text: String, counted: String?, low: Double?, high: Double? = nil, bound: String = "exact",
                       unit: String? = nil, in sentence: String, claim: String = "c", index: Int = 0) -> LedgerFigure {
        LedgerFigure(ref: FigureRef(claim: claim, index: index), text: text, low: low,
                     high: high ?? (bound == "exact" ? low : nil), bound: bound, unit: unit, counted: counted,
                     sentence: sentence)
    }

    static func key(_ figure: LedgerFigure) -> String? {
        TopicKeyMaker.key(for: figure)?.description
    }
}
