public import EventLog

extension ClaimStore {
    /// A topic of the figures ledger as `figures --json` prints it:
    ///
    /// `{"topic": id, "label", "story", "key", "figures": [...], "conflictingPairs", "pairs": [[ref, ref], ...]}`
    ///
    /// `topic` is the id, as in `figure.compared`. Each figure is `claim` and `index` (as
    /// `figure.compared` names a figure), the claim's `article`, the figure's own object
    /// from its `claim.extracted` record (`text`, `low`, `high`, `bound`, `unit`,
    /// `counted`, and whatever else the log holds), the claim's `claimant`, `cue`,
    /// `stance`, `seq` and `time`, then the ledger's reading: the article's `outlet`,
    /// `path`, `published`, the `day` the figure speaks for and whether it `dayIs` `published`
    /// or `recorded`, and `copies`, `sources` and `reports` giving the same value,
    /// how many figures it is `agreeing` and `conflicting` with, `conflicts` (up to 20
    /// refs), and, for a figure of an update, `updates` (the claim it updates) or, for one
    /// a later claim updated, `updatedBy` (`claim#index`; it is history, compared with nothing). Figures whose record cannot be read are printed from the store's copy and
    /// their damage returned, so the command can say the answer is partial.
    public func json(_ topic: TopicReport, reader: some RecordReading) throws(StoreError) -> (line: [UInt8], damage: [LogDamage]) {
        let names = topic.figures.map { TopicReport.Line.split($0.figure) }
        var seen = Set<String>()
        let records = try records(ofClaims: names.map(\.claim).filter { seen.insert($0).inserted })
        var damage: [LogDamage] = []
        do {
            // Each figure's `{claim, index}` once: a large topic lists up to 20 of them for
            // each of its thousands of figures.
            var references: [[UInt8]] = []
            references.reserveCapacity(topic.figures.count)
            for name in names { references.append(try AnswerJSON.reference(claim: name.claim, index: name.index)) }
            // A claim's record is read once, however many of its figures the topic holds.
            var claims: [String: RecordedClaim] = [:]
            var figures = JSONObjectBuilder.Array()
            for (line, name) in zip(topic.figures, names) {
                let claim = name.claim
                if claims[claim] == nil {
                    var recorded = RecordedClaim()
                    if let known = records[claim] {
                        do {
                            recorded = RecordedClaim(try reader.record(at: known.location, seq: known.seq))
                        } catch {
                            if let damaged = LogDamage(error) { damage.append(damaged) }
                        }
                    }
                    claims[claim] = recorded
                }
                figures.append(try Self.figureJSON(line, name: name, in: topic, claim: claims[claim] ?? RecordedClaim(),
                                                   references: references))
            }
            var object = JSONObjectBuilder()
            try object.field("topic", topic.id)
            try object.field("label", topic.topic)
            if let story = topic.story { try object.field("story", story) }
            try object.field("key", topic.key)
            object.raw("figures", figures.build())
            try object.field("conflictingPairs", topic.conflictingPairs)
            var pairs = JSONObjectBuilder.Array()
            for pair in topic.conflicts {
                var refs = JSONObjectBuilder.Array()
                for position in pair { refs.append(references[position]) }
                pairs.append(refs.build())
            }
            object.raw("pairs", pairs.build())
            return (object.build(), damage)
        } catch {
            throw .damaged("a figure of topic \(topic.id) cannot be written as JSON: \(error)")
        }
    }

    /// What the figures view takes from a claim's record, as raw JSON: its figures' objects
    /// and the claim's members each figure repeats.
    private struct RecordedClaim {
        var figures: [ArraySlice<UInt8>] = []
        /// `claimant`, `cue`, `stance`, `seq`, `time`, in this order, where the record has them.
        var members: [(key: String, value: ArraySlice<UInt8>)] = []

        init() {}

        private static let sharedKeys = ["claimant", "cue", "stance", "seq", "time"]
        private static let sharedBytes = sharedKeys.map { Array($0.utf8) }
        private static let figuresKey = Array("figures".utf8)

        init(_ record: LogRecord) {
            var shared: [ArraySlice<UInt8>?] = [nil, nil, nil, nil, nil]
            var figuresValue: ArraySlice<UInt8>?
            // Keys compared as bytes: a claim has a dozen members, and only six are wanted.
            _ = EventFieldReader.forEachMember(record.line) { key, value in
                if key.elementsEqual(Self.figuresKey) {
                    figuresValue = value
                } else if let position = Self.sharedBytes.firstIndex(where: { key.elementsEqual($0) }) {
                    shared[position] = value
                }
            }
            figures = figuresValue.flatMap { EventFieldReader.elements(Array($0)) } ?? []
            members = zip(Self.sharedKeys, shared).compactMap { key, value in value.map { (key, $0) } }
        }
    }

    /// One figure: from its claim's record where it could be read, else from the store's
    /// copy of its fields.
    private static func figureJSON(_ line: TopicReport.Line, name: (claim: String, index: Int), in topic: TopicReport,
                                   claim: RecordedClaim, references: [[UInt8]]) throws(EventLogError) -> [UInt8] {
        var object = JSONObjectBuilder()
        try object.field("claim", name.claim)
        try object.field("index", name.index)
        try object.field("article", line.article)
        if name.index < claim.figures.count, object.members(ofObject: claim.figures[name.index]) {
            for member in claim.members { object.raw(member.key, member.value) }
        } else {
            try object.field("text", line.text)
            try object.field("low", line.low)
            try object.field("high", line.high)
            try object.field("bound", line.bound.rawValue)
            try object.field("unit", line.unit)
            try object.field("counted", line.counted)
            if let canonical = line.claimant {
                var claimant = JSONObjectBuilder()
                try claimant.field("canonical", canonical)
                object.raw("claimant", claimant.build())
            }
            try object.field("cue", line.cue)
            try object.field("stance", line.stance)
            try object.field("time", line.time)
        }
        try object.field("outlet", line.outlet)
        try object.field("path", line.path)
        try object.field("published", line.published)
        // The day the figure speaks for, and whether it is the published or the recorded one.
        let (day, dated) = ClaimStore.day(published: line.published, recorded: line.time)
        try object.field("day", day)
        try object.field("dayIs", dated)
        try object.field("copies", line.copies)
        try object.field("sources", line.sources)
        try object.field("reports", line.reports)
        try object.field("agreeing", line.agreeing)
        try object.field("conflicting", line.conflicting)
        var conflicts = JSONObjectBuilder.Array()
        for position in line.conflicts { conflicts.append(references[position]) }
        object.raw("conflicts", conflicts.build())
        try object.field("updates", line.updates)
        try object.field("updatedBy", line.updatedBy)
        return object.build()
    }
}
