public import EventLog
public import Stories

/// One figure as the ledger sees it: its value and bound, what it counts, the sentence it
/// stands in (whose words around the figure help say what is counted), and, when known, the
/// story its article belongs to, the day it speaks for, who gives it, and the earlier value
/// it says it changed from.
public struct LedgerFigure: Sendable, Hashable {
    public var ref: FigureRef
    /// The figure's surface form, as `claim.extracted` gives it.
    public var text: String
    public var low: Double?
    public var high: Double?
    public var bound: FigureBound
    /// An ISO currency code, `percent`, or nil for a count.
    public var unit: String?
    /// The counted noun phrase, when the extractor found one.
    public var counted: String?
    /// The whole sentence of the claim.
    public var sentence: String
    /// The story of the figure's article: figures are compared only within one story. Nil
    /// where stories are not known (every figure then shares one scope, as before stories).
    public var story: String?
    /// The day the figure speaks for: its article's published date, else the recorded one.
    public var date: StoryDate?
    /// Who gives the figure, as `SourceCounter.source` names it: a source's newer figure
    /// updates its older ones instead of conflicting with them.
    public var source: String?
    /// The value the figure says it changed from ("rose to 19, up from 14"): one update.
    public var earlier: FigureRange?
    /// The figure's article: figures of one article never update each other. Nil where it
    /// is not known; the figure's claim then stands for it.
    public var article: String?

    public init(ref: FigureRef, text: String, low: Double?, high: Double?, bound: FigureBound, unit: String?,
                counted: String?, sentence: String, story: String? = nil, date: StoryDate? = nil, source: String? = nil,
                earlier: FigureRange? = nil, article: String? = nil) {
        self.ref = ref
        self.text = text
        self.low = low
        self.high = high
        self.bound = bound
        self.unit = unit
        self.counted = counted
        self.sentence = sentence
        self.story = story
        self.date = date
        self.source = source
        self.earlier = earlier
        self.article = article
    }

    /// The values it allows, or nil when it has no number.
    public var range: FigureRange? { FigureRange(low: low, high: high, bound: bound, unit: unit) }
}
