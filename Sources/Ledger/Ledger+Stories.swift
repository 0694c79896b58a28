extension Ledger {
    /// Two stories turned out to be one (`story.merged`): the topics of `story` become topics
    /// of `survivor`, joining the one that counts the same thing where there is one. Nothing
    /// is compared at the merge itself: the figures already filed keep the comparisons they
    /// were recorded with, and the next figure of the merged story is compared with all of
    /// them. Replaying the merge at its place in the log gives the same topics as live.
    public mutating func mergeStory(_ story: String, into survivor: String) {
        guard story != survivor else { return }
        let moving = topics.filter { $0.value.key.story == story }.keys.sorted()
        for id in moving {
            guard var topic = topics.removeValue(forKey: id) else { continue }
            topic.key.story = survivor
            let target = topic.key.topicID
            if var existing = topics[target] {
                existing.absorb(topic)
                topics[target] = existing
            } else {
                topics[target] = topic
            }
        }
    }
}

extension Ledger.Topic {
    /// Takes in another topic's figures after its own: each source keeps one newest figure,
    /// and the other becomes its history, as if the two had been filed here all along.
    mutating func absorb(_ other: Ledger.Topic) {
        let offset = entries.count
        entries.append(contentsOf: other.entries)
        phrases.merge(other.phrases)
        contexts.merge(other.contexts)
        for (source, position) in other.history.newest.sorted(by: { $0.key < $1.key }) {
            let moved = position + offset
            guard let current = history.newest[source] else {
                history.setNewest(source, moved)
                continue
            }
            if Ledger.isNewer((entries[moved].date, moved), than: (entries[current].date, current)) {
                entries[current].updatedBy = entries[moved].ref
                history.setNewest(source, moved)
            } else {
                entries[moved].updatedBy = entries[current].ref
            }
        }
    }
}
