/// The topics figures fall into, kept in memory as figures arrive (in log order): the
/// live side of the figures ledger. Adding a figure says where it landed and how it
/// compares with the figures already there.
///
/// Grouping is by `TopicKey` equality, so a figure's topic never depends on what came
/// before it; the comparisons name the figures that came before, as the log orders them.
public struct Ledger: Sendable {
    public struct Entry: Sendable, Equatable {
        public var ref: FigureRef
        public var range: FigureRange
    }

    public struct Topic: Sendable {
        public var key: TopicKey
        public var entries: [Entry] = []
        /// How often each counted phrase names it; the most common is its label.
        var phrases: [String: Int] = [:]

        public var label: String {
            phrases.max { left, right in left.value == right.value ? left.key > right.key : left.value < right.value }?.key
                ?? key.description
        }
    }

    public private(set) var topics: [String: Topic] = [:]
    private var known: Set<FigureRef> = []

    public init() {}

    /// How many figures the ledger holds.
    public var count: Int { known.count }

    /// Files a figure under its topic. Returns the comparison when the topic already held
    /// other figures; nil when it has no topic, no range, starts a topic, or was seen before.
    ///
    /// A figure of a claim that updates another (`superseding`, that claim's id) replaces the
    /// older claim's figures in its topic: they become history, compared with nothing, and
    /// the newer figure is not said to conflict with them.
    @discardableResult
    public mutating func add(_ figure: LedgerFigure, superseding: String? = nil) -> Comparison? {
        guard !known.contains(figure.ref), let range = figure.range, let key = TopicKeyMaker.key(for: figure) else {
            return nil
        }
        known.insert(figure.ref)
        let id = key.topicID
        var topic = topics[id] ?? Topic(key: key)
        if let superseding { topic.entries.removeAll { $0.ref.claim == superseding } }
        var agrees: [FigureRef] = []
        var conflicts: [FigureRef] = []
        for entry in topic.entries {
            if entry.range.overlaps(range) { agrees.append(entry.ref) } else { conflicts.append(entry.ref) }
        }
        let hadFigures = !topic.entries.isEmpty
        topic.entries.append(Entry(ref: figure.ref, range: range))
        topic.phrases[Self.phrase(of: figure), default: 0] += 1
        topics[id] = topic
        guard hadFigures else { return nil }
        return Comparison(figure: figure.ref, topic: id, label: topic.label, agrees: agrees, conflicts: conflicts)
    }

    /// The phrase a figure gives its topic's label: its counted phrase as written.
    static func phrase(of figure: LedgerFigure) -> String {
        figure.counted ?? figure.text
    }
}
