public import Stories

/// The topics figures fall into, kept in memory as figures arrive (in log order): the
/// live side of the figures ledger. Adding a figure says where it landed and how it
/// compares with the figures already there.
///
/// Grouping is by `TopicKey` equality, story included, so a figure's topic never depends on
/// what came before it, and figures of two stories never meet. Within a topic:
/// - a source's newer figure **updates** its older one (a history, 14 → 19 → 22), and the
///   older one is compared with nothing from then on; a figure that says what it changed
///   from ("up from 14") updates the figures of that earlier value too;
/// - figures of **different sources** agree or conflict, and only when the days they speak
///   for are comparable (`comparableDays` apart at most; a figure known only by the day it
///   was recorded may speak for any day before it, within `StoryMatcher`'s lookback).
public struct Ledger: Sendable {
    public struct Entry: Sendable, Equatable {
        public var ref: FigureRef
        public var range: FigureRange
        public var source: String?
        public var date: StoryDate?
        /// The figure said to have been changed from.
        public var earlier: FigureRange?
        /// Set when a newer figure of the same source updates this one.
        public var updatedBy: FigureRef?
    }

    public struct Topic: Sendable {
        public var key: TopicKey
        public var entries: [Entry] = []
        /// How often each counted phrase names it; the most common goes into its label.
        var phrases = Tally<String>()
        /// How often each context is found beside its figures (see `TopicLabel`).
        var contexts = Tally<TopicLabel.Context>()
        /// Each source's newest figure, by position in `entries`.
        var history = SourceHistory<String>()

        public var label: String {
            guard let phrase = phrases.mostCommon else { return key.description }
            return TopicLabel.label(phrase: phrase, state: key.state, context: contexts.mostCommon)
        }

        /// A source's figures in the topic, oldest first: its history.
        public func history(of source: String) -> [FigureRef] {
            entries.enumerated().filter { $0.element.source == source }
                .sorted { Ledger.isNewer(($1.element.date, $1.offset), than: ($0.element.date, $0.offset)) }
                .map(\.element.ref)
        }
    }

    /// How many days apart two sources' figures may speak for and still be compared.
    public static let comparableDays: Int32 = FigureDays.comparableDays

    public internal(set) var topics: [String: Topic] = [:]
    private var known: Set<FigureRef> = []

    public init() {}

    /// How many figures the ledger holds.
    public var count: Int { known.count }

    /// Files a figure under its topic. Returns the comparison when the topic already held
    /// other figures; nil when it has no topic, no range, starts a topic, or was seen before.
    ///
    /// A figure of a claim that updates another (`superseding`, that claim's id) updates the
    /// older claim's figures in its topic whoever gave them: they become history, compared
    /// with nothing, and the newer figure is not said to conflict with them.
    @discardableResult
    public mutating func add(_ figure: LedgerFigure, superseding: String? = nil) -> Comparison? {
        guard !known.contains(figure.ref), let range = figure.range, let (key, context) = TopicKeyMaker.read(figure) else {
            return nil
        }
        known.insert(figure.ref)
        let id = key.topicID
        var topic = topics[id] ?? Topic(key: key)
        let position = topic.entries.count
        var entry = Entry(ref: figure.ref, range: range, source: figure.source, date: figure.date, earlier: figure.earlier)
        var comparison = Comparison(figure: figure.ref, topic: id, label: "", agrees: [], conflicts: [], story: figure.story)

        if let superseding {
            // The claim this one updates says what this figure replaces, whoever gave it.
            for index in topic.entries.indices
            where topic.entries[index].ref.claim == superseding && topic.entries[index].updatedBy == nil {
                topic.entries[index].updatedBy = figure.ref
                comparison.updates.append(topic.entries[index].ref)
            }
        }
        if let source = figure.source {
            let entries = topic.entries
            switch topic.history.file(source, at: position, date: { $0 == position ? figure.date : entries[$0].date }) {
            case .first:
                break
            case .updates(let previous):
                if topic.entries[previous].updatedBy == nil {
                    topic.entries[previous].updatedBy = figure.ref
                    comparison.updates.append(topic.entries[previous].ref)
                }
            case .updatedBy(let previous):
                // An older figure of the source, arriving late: history, compared with nothing.
                entry.updatedBy = topic.entries[previous].ref
                comparison.updatedBy = topic.entries[previous].ref
            }
        }

        if entry.updatedBy == nil {
            for index in topic.entries.indices where topic.entries[index].updatedBy == nil {
                let other = topic.entries[index]
                if let source = figure.source, other.source == source { continue }
                guard FigureDays.comparable(figure.date, other.date) else { continue }
                if let earlier = figure.earlier, earlier.overlaps(other.range), !other.range.overlaps(range),
                   !Self.isNewer((other.date, index), than: (figure.date, position)) {
                    // "Up from 14": the 14 given before is this change's starting point.
                    comparison.updates.append(other.ref)
                    continue
                }
                if other.range.overlaps(range) { comparison.agrees.append(other.ref) } else { comparison.conflicts.append(other.ref) }
            }
        }

        let hadFigures = !topic.entries.isEmpty
        topic.entries.append(entry)
        topic.phrases.add(Self.phrase(of: figure))
        if let context { topic.contexts.add(context) }
        topics[id] = topic
        guard hadFigures else { return nil }
        comparison.label = topic.label
        return comparison
    }

    /// Whether a figure (its date and place in the topic) is newer than another (see
    /// `SourceHistory.isNewer`).
    public static func isNewer(_ figure: (date: StoryDate?, position: Int), than other: (date: StoryDate?, position: Int)) -> Bool {
        SourceHistory<String>.isNewer(figure, than: other)
    }

    /// The phrase a figure gives its topic's label: its counted phrase as written.
    static func phrase(of figure: LedgerFigure) -> String {
        figure.counted ?? figure.text
    }
}
