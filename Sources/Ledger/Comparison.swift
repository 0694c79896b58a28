/// What happened when a figure joined a topic that already had figures: which of them
/// it agrees with (ranges overlap) and which it conflicts with (ranges disjoint), among
/// other sources' current figures for comparable days, and which figures it updates (its
/// source's older figure, or the value it says it changed from) or is updated by (its
/// source's newer figure, when it arrives late: it is history then, compared with nothing).
public struct Comparison: Sendable, Equatable {
    public var figure: FigureRef
    public var topic: String
    /// The topic's label at that moment (see `TopicLabel`).
    public var label: String
    public var agrees: [FigureRef]
    public var conflicts: [FigureRef]
    /// The story the topic belongs to, when stories are known.
    public var story: String?
    public var updates: [FigureRef]
    public var updatedBy: FigureRef?

    public init(figure: FigureRef, topic: String, label: String, agrees: [FigureRef], conflicts: [FigureRef],
                story: String? = nil, updates: [FigureRef] = [], updatedBy: FigureRef? = nil) {
        self.figure = figure
        self.topic = topic
        self.label = label
        self.agrees = agrees
        self.conflicts = conflicts
        self.story = story
        self.updates = updates
        self.updatedBy = updatedBy
    }
}
