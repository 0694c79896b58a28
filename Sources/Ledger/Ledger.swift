public import Stories

/// The topics figures fall into, kept in memory as figures arrive (in log order): the
/// live side of the figures ledger. Adding a figure says where it landed and how it
/// compares with the figures already there.
///
/// Grouping is by `TopicKey` equality, story included, so a figure's topic never depends on
/// what came before it, and figures of two stories never meet. Within a topic:
/// - a source's figure known to be newer, from another article, updates its older one (a
///   history, 14 → 19 → 22), and the older one is compared with nothing from then on
///   (`SourceHistory`: the same histories in any arrival order);
/// - figures of **different sources** agree or conflict, and only when the days they speak
///   for are comparable; a figure that says what it changed from ("up from 14") is an
///   update of that value, not its rival (`FigurePair`).
public struct Ledger: Sendable {
    public struct Entry: Sendable, Equatable {
        public var ref: FigureRef
        public var range: FigureRange
        public var source: String?
        /// The figure's article: one article's figures never update each other.
        public var article: String
        public var date: StoryDate?
        /// The figure said to have been changed from.
        public var earlier: FigureRange?
        /// Set when a newer figure updates this one: the same source's, or one of the claim
        /// that updates this one's claim.
        public var updatedBy: FigureRef?
        /// The position of the same source's figure that updates it; nil when none does or
        /// an updating claim does (that mark is never moved).
        var updater: Int?

        var timed: TimedFigure<String> {
            TimedFigure(source: source, article: article, date: date, range: range, earlier: earlier, name: ref.description)
        }
    }

    public struct Topic: Sendable {
        public var key: TopicKey
        public var entries: [Entry] = []
        /// How often each counted phrase names it; the most common goes into its label.
        var phrases = Tally<String>()
        /// How often each context is found beside its figures (see `TopicLabel`).
        var contexts = Tally<TopicLabel.Context>()
        /// Each source's figures, by position in `entries`.
        var bySource: [String: [Int]] = [:]

        public var label: String {
            guard let phrase = phrases.mostCommon else { return key.description }
            return TopicLabel.label(phrase: phrase, state: key.state, context: contexts.mostCommon)
        }

        /// A source's figures in the topic, oldest first: its history. By day, then, among
        /// figures of one day, those known to be newer than more of the others later, then
        /// by name: an order that never rests on arrival.
        public func history(of source: String) -> [FigureRef] {
            let own = bySource[source] ?? []
            let ranked = own.map { position in
                let figure = entries[position].timed
                let passed = own.filter { entries[$0].article != figure.article
                    && SourceHistory.precedence(figure, over: entries[$0].timed) == .newer }.count
                return (position: position, day: figure.date?.day ?? .max, passed: passed, name: figure.name)
            }
            return ranked.sorted { first, second in
                if first.day != second.day { return first.day < second.day }
                return first.passed == second.passed ? first.name < second.name : first.passed < second.passed
            }.map { entries[$0.position].ref }
        }

        /// Marks the figure at `older` as updated by the one at `newer` (the same source's,
        /// known to be newer) unless a nearer one already does; true when it was current.
        mutating func link(_ newer: Int, updates older: Int) -> Bool {
            let wasCurrent = entries[older].updatedBy == nil
            if !wasCurrent {
                guard let current = entries[older].updater, SourceHistory.nearer(entries[newer].timed, than: entries[current].timed)
                else { return false }
            }
            entries[older].updatedBy = entries[newer].ref
            entries[older].updater = newer
            return wasCurrent
        }
    }

    /// How many days apart two sources' figures may speak for and still be compared.
    public static let comparableDays: Int32 = FigureDays.comparableDays

    public internal(set) var topics: [String: Topic] = [:]
    private var known: Set<FigureRef> = []
    /// The figures of claims that update another, by the claim they update and topic: a
    /// figure of that claim filed after them (another host's, whose record came later than
    /// this host's update of it) is history from the start, as it is when filed first.
    private var updaters: [String: [FigureRef]] = [:]

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
        topic.entries.append(Entry(ref: figure.ref, range: range, source: figure.source, article: figure.article ?? figure.ref.claim,
                                   date: figure.date, earlier: figure.earlier))
        let timed = topic.entries[position].timed
        var comparison = Comparison(figure: figure.ref, topic: id, label: "", agrees: [], conflicts: [], story: figure.story)

        if let superseding {
            // The claim this one updates says what this figure replaces, whoever gave it.
            for index in topic.entries.indices
            where topic.entries[index].ref.claim == superseding && topic.entries[index].updatedBy == nil {
                topic.entries[index].updatedBy = figure.ref
                comparison.updates.append(topic.entries[index].ref)
            }
            updaters[superseding, default: []].append(figure.ref)
        }
        // The updater's topic may have been another story's when it was filed (merged since).
        if let updater = updaters[figure.ref.claim]?.first(where: { ref in topic.entries.contains { $0.ref == ref } }) {
            topic.entries[position].updatedBy = updater
        }
        if let source = figure.source {
            for index in topic.bySource[source] ?? [] where topic.entries[index].article != timed.article {
                switch SourceHistory.precedence(timed, over: topic.entries[index].timed) {
                case .newer:
                    if topic.link(position, updates: index) { comparison.updates.append(topic.entries[index].ref) }
                case .older:
                    // An older figure of the source, arriving late: history, compared with nothing.
                    _ = topic.link(index, updates: position)
                case .unknown:
                    break
                }
            }
            topic.bySource[source, default: []].append(position)
        }
        comparison.updatedBy = topic.entries[position].updatedBy

        if comparison.updatedBy == nil {
            for index in topic.entries.indices where index != position && topic.entries[index].updatedBy == nil {
                let other = topic.entries[index]
                switch FigurePair.verdict(timed, other.timed) {
                case .apart: continue
                // "Up from 14": the 14 given before is this change's starting point.
                case .update: comparison.updates.append(other.ref)
                case .agrees: comparison.agrees.append(other.ref)
                case .conflicts: comparison.conflicts.append(other.ref)
                }
            }
        }

        let hadFigures = position > 0
        topic.phrases.add(Self.phrase(of: figure))
        if let context { topic.contexts.add(context) }
        topics[id] = topic
        guard hadFigures else { return nil }
        comparison.label = topic.label
        return comparison
    }

    /// An order for drawing a source's figures oldest first: what `SourceHistory` knows,
    /// else the place in the topic. Histories never rest on it.
    public static func isNewer(_ figure: (date: StoryDate?, position: Int), than other: (date: StoryDate?, position: Int)) -> Bool {
        switch SourceHistory.precedence(figure.date, over: other.date) {
        case .newer: return true
        case .older: return false
        case .unknown: return figure.position > other.position
        }
    }

    /// The phrase a figure gives its topic's label: its counted phrase as written.
    static func phrase(of figure: LedgerFigure) -> String {
        figure.counted ?? figure.text
    }
}
