/// What happened when a figure joined a topic that already had figures: which of them
/// it agrees with (ranges overlap) and which it conflicts with (ranges disjoint).
public struct Comparison: Sendable, Equatable {
    public var figure: FigureRef
    public var topic: String
    /// The topic's label at that moment: its most common counted phrase.
    public var label: String
    public var agrees: [FigureRef]
    public var conflicts: [FigureRef]

    public init(figure: FigureRef, topic: String, label: String, agrees: [FigureRef], conflicts: [FigureRef]) {
        self.figure = figure
        self.topic = topic
        self.label = label
        self.agrees = agrees
        self.conflicts = conflicts
    }
}
