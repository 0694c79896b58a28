import Testing
@testable import Stories

/// Restoring recorded stories in another order than they were made, as a cluster host does
/// at a start (its own log first, the other hosts' records after).
@Suite struct StoryRestoreOrderTests {
    typealias F = StoryFixtures

    /// One record as the grouper takes it back.
    enum Record {
        case article(String, story: String, origin: StoryOrigin)
        case merge(String, into: String)
    }

    /// Alpha's records and this host's own, made live in one interleaving: alpha's bridge
    /// report starts a story, this host's courier joins it, alpha's chess final starts
    /// another, this host's chess report joins that, and a later report of this host's
    /// shows the two one story.
    static let alpha: [Record] = [
        .article("w", story: "w", origin: StoryOrigin(recorded: "2026-11-18T08:00:00.000Z", host: "alpha")),
        .article("k", story: "k", origin: StoryOrigin(recorded: "2026-11-18T08:02:00.000Z", host: "alpha")),
        .article("f", story: "w", origin: StoryOrigin(recorded: "2026-11-18T08:06:00.000Z", host: "alpha")),
    ]
    static let own: [Record] = [
        .article("c", story: "w", origin: StoryOrigin(recorded: "2026-11-18T08:01:00.000Z")),
        .article("r", story: "k", origin: StoryOrigin(recorded: "2026-11-18T08:03:00.000Z")),
        .article("b", story: "w", origin: StoryOrigin(recorded: "2026-11-18T08:04:00.000Z")),
        .merge("k", into: "w"),
    ]

    /// Every order of the two hosts' records that keeps each host's own order.
    private func interleavings(_ first: [Record], _ second: [Record]) -> [[Record]] {
        guard let head = first.first else { return [second] }
        guard let other = second.first else { return [first] }
        return interleavings(Array(first.dropFirst()), second).map { [head] + $0 }
            + interleavings(first, Array(second.dropFirst())).map { [other] + $0 }
    }

    private func features(_ article: String) -> StoryFeatures {
        let texts = ["w": F.bridgeWire, "c": F.bridgeCourier, "f": F.bridgeFollowUp, "k": F.chessFinal,
                     "r": F.chessReport, "b": F.bridgeWire + "\n\n" + F.chessFinal]
        return F.features(texts[article] ?? "")
    }

    @Test("every order of the two hosts' records restores the same stories under the same name, and the renames on the way lead each story there")
    func anyOrder() {
        let orders = interleavings(Self.alpha, Self.own)
        #expect(orders.count == 35)
        var answers: Set<[String]> = []
        for order in orders {
            var grouper = StoryGrouper()
            // What a ledger filed each article's figures under, followed through the renames.
            var filed: [String: String] = [:]
            for record in order {
                let renames: [StoryRename]
                switch record {
                case let .article(article, story, origin):
                    renames = grouper.restore(article, features: features(article), story: story, origin: origin)
                case let .merge(story, into):
                    renames = grouper.restoreMerge(story, into: into).map { [$0] } ?? []
                }
                for rename in renames {
                    for (article, story) in filed where story == rename.story { filed[article] = rename.into }
                }
                if case let .article(article, _, _) = record { filed[article] = grouper.story(of: article) }
            }
            let articles = ["b", "c", "f", "k", "r", "w"]
            #expect(articles.map { filed[$0] } == articles.map { grouper.story(of: $0) })
            answers.insert(articles.map { "\($0) in \(grouper.story(of: $0) ?? "none")" })
            #expect(grouper.count == 6)
            #expect(grouper.stories.map(\.story) == ["w"])
        }
        #expect(answers == [["b in w", "c in w", "f in w", "k in w", "r in w", "w in w"]])
    }

    @Test("a new article joins and merges stories by the records' age, not by the order they were restored in")
    func newArticleAfterEitherOrder() {
        let bridge = StoryOrigin(recorded: "2026-11-18T08:00:00.000Z", host: "alpha")
        let chess = StoryOrigin(recorded: "2026-11-18T08:05:00.000Z")
        var ownFirst = StoryGrouper(), othersFirst = StoryGrouper()
        ownFirst.restore("k", features: features("k"), story: "k", origin: chess)
        ownFirst.restore("w", features: features("w"), story: "w", origin: bridge)
        othersFirst.restore("w", features: features("w"), story: "w", origin: bridge)
        othersFirst.restore("k", features: features("k"), story: "k", origin: chess)
        let now = StoryOrigin(recorded: "2026-11-18T09:00:00.000Z")
        let one = ownFirst.assign("b", features: features("b"), origin: now)
        let other = othersFirst.assign("b", features: features("b"), origin: now)
        #expect(one == other)
        #expect(one == StoryAssignment(article: "b", story: "w", merged: ["k"]))
    }

    @Test("recorded times order as the log writes them, to the millisecond; a shorter time counts its missing digits as zeros")
    func times() {
        let times = ["", "2026-11-18T08:00:00Z", "2026-11-18T08:00:00.001Z", "2026-11-18T08:00:00.010Z",
                     "2026-11-18T08:00:01.000Z", "2026-11-19T00:00:00.000Z", "2027-01-01T00:00:00.000Z"]
        let keys = times.map(StoryOrigin.time)
        #expect(keys == keys.sorted() && Set(keys).count == times.count)
        #expect(StoryOrigin.time("2026-11-18T08:00:00.000Z") == 20_261_118_080_000_000)
        #expect(StoryOrigin.time("2026-11-18T08:00:00Z") == StoryOrigin.time("2026-11-18T08:00:00.000Z"))
    }

    @Test("a single host names its stories after their first article even when its clock went back")
    func ownClockGoesBack() {
        var grouper = StoryGrouper()
        grouper.restore("w", features: features("w"), story: "w", origin: StoryOrigin(recorded: "2026-11-18T09:00:00.000Z"))
        grouper.restore("k", features: features("k"), story: "k", origin: StoryOrigin(recorded: "2026-11-18T08:00:00.000Z"))
        let assignment = grouper.assign("b", features: features("b"), origin: StoryOrigin(recorded: "2026-11-18T07:00:00.000Z"))
        #expect(assignment == StoryAssignment(article: "b", story: "w", merged: ["k"]))
    }
}
