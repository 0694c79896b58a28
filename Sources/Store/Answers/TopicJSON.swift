public import EventLog

extension ClaimStore {
    /// A topic of the figures ledger as `figures --json` prints it:
    ///
    /// `{"topic": id, "label", "key", "figures": [...], "conflictingPairs", "pairs": [[ref, ref], ...]}`
    ///
    /// `topic` is the id, as in `figure.compared`. Each figure is `claim` and `index` (as
    /// `figure.compared` names a figure), the claim's `article`, the figure's own object
    /// from its `claim.extracted` record (`text`, `low`, `high`, `bound`, `unit`,
    /// `counted`, and whatever else the log holds), the claim's `claimant`, `cue`,
    /// `stance`, `seq` and `time`, then the ledger's reading: the article's `outlet`,
    /// `path`, `published` and `copies`, `sources` and `reports` giving the same value,
    /// how many figures it is `agreeing` and `conflicting` with, and `conflicts` (up to 20
    /// refs). Figures whose record cannot be read are printed from the store's copy and
    /// their damage returned, so the command can say the answer is partial.
    public func json(_ topic: TopicReport, reader: LogRecordReader) throws(StoreError) -> (line: [UInt8], damage: [LogDamage]) {
        let records = try records(ofClaims: Array(Set(topic.figures.map(\.claim))))
        var damage: [LogDamage] = []
        var lines: [[UInt8]] = []
        lines.reserveCapacity(topic.figures.count)
        // A claim's record is read once, however many of its figures the topic holds.
        var members: [String: [(key: String, value: ArraySlice<UInt8>)]] = [:]
        do {
            for line in topic.figures {
                let claim = line.claim
                if members[claim] == nil, let known = records[claim] {
                    do {
                        let record = try reader.record(at: known.location, seq: known.seq)
                        members[claim] = EventFieldReader.members(record.line) ?? []
                    } catch {
                        if let damaged = LogDamage(error) { damage.append(damaged) }
                        members[claim] = []
                    }
                }
                lines.append(try Self.figureJSON(line, in: topic, claim: members[claim] ?? []))
            }
            var object = JSONObjectBuilder()
            try object.field("topic", topic.id)
            try object.field("label", topic.topic)
            try object.field("key", topic.key)
            object.objects("figures", lines)
            try object.field("conflictingPairs", topic.conflictingPairs)
            var pairs = JSONObjectBuilder.Array()
            for pair in topic.conflicts {
                var refs = JSONObjectBuilder.Array()
                for position in pair { refs.append(try AnswerJSON.reference(topic.nameOf(position))) }
                pairs.append(refs.build())
            }
            object.raw("pairs", pairs.build())
            return (object.build(), damage)
        } catch {
            throw .damaged("a figure of topic \(topic.id) cannot be written as JSON: \(error)")
        }
    }

    /// One figure: from its claim's record where it could be read (`claim` holds the
    /// record's members), else from the store's copy of its fields.
    private static func figureJSON(_ line: TopicReport.Line, in topic: TopicReport,
                                   claim: [(key: String, value: ArraySlice<UInt8>)]) throws(EventLogError) -> [UInt8] {
        var object = JSONObjectBuilder()
        try object.field("claim", line.claim)
        try object.field("index", line.index)
        try object.field("article", line.article)
        let recorded = Dictionary(claim.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let figure = recorded["figures"].flatMap { EventFieldReader.elements(Array($0)) }.flatMap { figures in
            line.index < figures.count ? EventFieldReader.members(Array(figures[line.index])) : nil
        }
        if let figure {
            for member in figure { object.raw(member.key, member.value) }
            for key in ["claimant", "cue", "stance", "seq", "time"] {
                if let value = recorded[key] { object.raw(key, value) }
            }
        } else {
            try object.field("text", line.text)
            try object.field("low", line.low)
            try object.field("high", line.high)
            try object.field("bound", line.bound)
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
        try object.field("copies", line.copies)
        try object.field("sources", line.sources)
        try object.field("reports", line.reports)
        try object.field("agreeing", topic.figures.count - 1 - line.conflicting)
        try object.field("conflicting", line.conflicting)
        var conflicts = JSONObjectBuilder.Array()
        for position in line.conflicts { conflicts.append(try AnswerJSON.reference(topic.nameOf(position))) }
        object.raw("conflicts", conflicts.build())
        return object.build()
    }
}
