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
    /// Takes in another topic's figures after its own, and links each source's figures
    /// across the two by `SourceHistory`, as if they had been filed here all along.
    mutating func absorb(_ other: Ledger.Topic) {
        let offset = entries.count
        entries.append(contentsOf: other.entries.map { entry in
            var moved = entry
            moved.updater = entry.updater.map { $0 + offset }
            return moved
        })
        phrases.merge(other.phrases)
        contexts.merge(other.contexts)
        for (source, positions) in other.bySource.sorted(by: { $0.key < $1.key }) {
            let moved = positions.map { $0 + offset }
            let own = bySource[source] ?? []
            bySource[source] = own + moved
            for first in own {
                for second in moved where entries[first].article != entries[second].article {
                    switch SourceHistory.precedence(entries[second].timed, over: entries[first].timed) {
                    case .newer: _ = link(second, updates: first)
                    case .older: _ = link(first, updates: second)
                    case .unknown: break
                    }
                }
            }
        }
    }
}
