import Testing
@testable import Stories

@Suite struct StoryGrouperTests {
    typealias F = StoryFixtures

    @Test("articles of one story told by several outlets are the same story; another story sharing a president is not")
    func sameStory() {
        let matcher = StoryMatcher()
        let wire = F.features(F.bridgeWire), courier = F.features(F.bridgeCourier), chess = F.features(F.chessFinal)
        #expect(matcher.sameStory(wire, courier))
        #expect(matcher.sameStory(courier, wire))
        #expect(!matcher.sameStory(wire, chess))
        #expect(matcher.sameStory(chess, F.features(F.chessReport)))
    }

    @Test("one shared name is not enough, however alike the wording")
    func oneName() {
        let first = F.features("The river rose and the river flooded the valley roads near Tovara while crews worked.")
        let second = F.features("The river rose and the river flooded the valley roads near Tovara while crews slept.")
        #expect(StoryMatcher.similarity(first, second) > 0.8)
        #expect(!StoryMatcher().sameStory(first, second))
    }

    @Test("articles far apart in time are not the same story; an undated one may have been published before it was recorded")
    func time() {
        let matcher = StoryMatcher()
        let now = F.features(F.bridgeWire, published: "2026-11-18")
        #expect(!matcher.sameStory(now, F.features(F.bridgeCourier, published: "2026-09-01")))
        #expect(matcher.sameStory(now, F.features(F.bridgeCourier, published: "2026-11-24")))
        #expect(matcher.sameStory(now, F.features(F.bridgeCourier, published: nil)))
    }

    @Test("the grouping is the same in every arrival order")
    func orderIndependent() {
        let articles = [("w", F.bridgeWire), ("c", F.bridgeCourier), ("f", F.bridgeFollowUp), ("k", F.chessFinal),
                        ("r", F.chessReport)].map { ($0.0, F.features($0.1)) }
        var groupings: Set<Set<Set<String>>> = []
        for order in permutations(Array(articles.indices)) {
            var grouper = StoryGrouper()
            for index in order { _ = grouper.assign(articles[index].0, features: articles[index].1) }
            groupings.insert(Set(grouper.stories.map { Set($0.articles) }))
        }
        #expect(groupings == [[["w", "c", "f"], ["k", "r"]]])
    }

    @Test("an article that is the same story as two stories merges them, under the oldest name")
    func merge() throws {
        let wire = F.features(F.bridgeWire), followUp = F.features(F.bridgeFollowUp)
        // A text made of both is closer to each than they are to each other; the threshold
        // goes between.
        let both = F.features(F.bridgeWire + "\n\n" + F.bridgeFollowUp)
        let apart = StoryMatcher.similarity(wire, followUp)
        let joined = min(StoryMatcher.similarity(both, wire), StoryMatcher.similarity(both, followUp))
        try #require(apart < joined)
        var matcher = StoryMatcher()
        matcher.configuration.minimumSimilarity = (apart + joined) / 2
        matcher.configuration.manySharedNames = 99
        #expect(!matcher.sameStory(wire, followUp))
        #expect(matcher.sameStory(both, wire) && matcher.sameStory(both, followUp))
        var grouper = StoryGrouper(matcher: matcher)
        #expect(grouper.assign("w", features: wire) == StoryAssignment(article: "w", story: "w"))
        #expect(grouper.assign("f", features: followUp) == StoryAssignment(article: "f", story: "f"))
        #expect(grouper.assign("b", features: both) == StoryAssignment(article: "b", story: "w", merged: ["f"]))
        #expect(grouper.story(of: "f") == "w")
        #expect(grouper.assign("b", features: both) == StoryAssignment(article: "b", story: "w"))
    }

    @Test("replaying the log's assignments and merges rebuilds the same stories without testing anything")
    func restore() {
        var grouper = StoryGrouper()
        grouper.restore("w", features: F.features(F.bridgeWire), story: "w")
        grouper.restore("k", features: F.features(F.chessFinal), story: "k")
        grouper.restore("r", features: F.features(F.chessReport), story: "k")
        grouper.restore("x", features: F.features(F.bridgeCourier), story: "x")
        grouper.restoreMerge("x", into: "w")
        #expect(grouper.stories.map(\.story) == ["w", "k"])
        #expect(grouper.story(of: "x") == "w")
        // A new article finds the restored ones.
        #expect(grouper.assign("f", features: F.features(F.bridgeFollowUp)).story == "w")
    }

    @Test("a story or merge the records name before its first article is known holds its place, and once it comes it names the story and the renames lead the ledger there")
    func restoreBeforeTheStory() {
        // This host's log first: "r", its report of alpha's story "w", and its own story "x",
        // which a late verdict merged into "w"; alpha's record of "w", made before either,
        // comes after them (a cluster host's start applies the other hosts' records last).
        let alpha = StoryOrigin(recorded: "2026-11-18T08:00:00.000Z", host: "alpha")
        let report = StoryOrigin(recorded: "2026-11-18T08:05:00.000Z"), own = StoryOrigin(recorded: "2026-11-18T08:06:00.000Z")
        var grouper = StoryGrouper()
        // The story a ledger filed each article's figures under, following the renames.
        var filed: [String: String] = [:]
        func follow(_ renames: [StoryRename]) {
            for rename in renames {
                for (article, story) in filed where story == rename.story { filed[article] = rename.into }
            }
        }
        follow(grouper.restore("r", features: F.features(F.bridgeCourier), story: "w", origin: report))
        filed["r"] = grouper.story(of: "r")
        follow(grouper.restore("x", features: F.features(F.chessFinal), story: "x", origin: own))
        filed["x"] = grouper.story(of: "x")
        // The records already say "r" and "x" are one story: named after the older known.
        let merge = grouper.restoreMerge("x", into: "w")
        #expect(merge == StoryRename(story: "x", into: "r"))
        follow(merge.map { [$0] } ?? [])
        #expect(grouper.story(of: "r") == "r" && grouper.story(of: "x") == "r" && grouper.story(of: "w") == nil)
        #expect(grouper.count == 2)
        let renames = grouper.restore("w", features: F.features(F.bridgeWire), story: "w", origin: alpha)
        #expect(renames == [StoryRename(story: "r", into: "w")])
        follow(renames)
        filed["w"] = grouper.story(of: "w")
        #expect(grouper.story(of: "r") == "w" && grouper.story(of: "x") == "w")
        #expect(grouper.stories.map(\.story) == ["w"])
        #expect(filed == ["r": "w", "x": "w", "w": "w"])

        // Alpha's record first (as live) gives the same stories, the late merge naming "w".
        var live = StoryGrouper()
        live.restore("w", features: F.features(F.bridgeWire), story: "w", origin: alpha)
        #expect(live.restore("r", features: F.features(F.bridgeCourier), story: "w", origin: report).isEmpty)
        live.restore("x", features: F.features(F.chessFinal), story: "x", origin: own)
        #expect(live.restoreMerge("x", into: "w") == StoryRename(story: "x", into: "w"))
        #expect(live.stories.map(\.story) == grouper.stories.map(\.story))
        #expect(["r", "x", "w"].map { live.story(of: $0) } == ["r", "x", "w"].map { grouper.story(of: $0) })
    }

    @Test("a name found in more articles than the limit stops counting as shared")
    func commonNames() {
        var grouper = StoryGrouper(commonNameLimit: 3)
        _ = grouper.assign("a", features: F.features(F.bridgeWire))
        _ = grouper.assign("b", features: F.features(F.chessFinal))
        _ = grouper.assign("c", features: F.features(F.chessReport))
        // "Lund" is in three articles now, and common.
        #expect(grouper.commonNames.contains(F.hash("lund")))
        #expect(grouper.assign("d", features: F.features(F.bridgeCourier)).story == "a")
    }

    private func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }
}

@Suite struct StoryCopyTests {
    typealias F = StoryFixtures

    @Test("a copy joins its original's story, and its fuller text links the articles its original alone does not")
    func copies() {
        var matcher = StoryMatcher()
        let trimmed = F.features(String(F.bridgeWire.prefix(180)))
        let full = F.features(F.bridgeWire)
        let courier = F.features(F.bridgeCourier)
        matcher.configuration.minimumSimilarity = min(0.99, StoryMatcher.similarity(full, courier) - 0.01)
        matcher.configuration.manySharedNames = 99
        #expect(!matcher.sameStory(trimmed, courier))
        var grouper = StoryGrouper(matcher: matcher)
        _ = grouper.assign("trimmed", features: trimmed)
        _ = grouper.assign("courier", features: courier)
        #expect(grouper.stories.count == 2)
        let copy = grouper.assign("full", features: full, copyOf: "trimmed")
        #expect(copy == StoryAssignment(article: "full", story: "trimmed", merged: ["courier"]))
        #expect(grouper.stories.count == 1)
    }
}
