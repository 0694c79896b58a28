import EventLog
import Foundation
import Ledger
import Testing
@testable import Ingest

/// A recorded `story.merged` replayed: the ledger files figures by story, so it must follow
/// the stories the replay makes, which on a cluster host need not be the record's own merge
/// (its own log comes first at a start, and a story another host named may not be known yet).
/// Two real pipelines with their own logs; the other host's records are handed over as the
/// daemon's follower hands them over (`ClusterStoryOrderTests.Feed`).
@Suite struct StoryMergeReplayTests {
    /// The two sides of one flood, each with figures of its own, and a report naming both
    /// sides and repeating a figure of each.
    static let governor = StoryPipelineTests.governor
        + "\n\nTolland said 2,300 residents of 14 villages slept in the Arlburg shelters on Tuesday night.\n"
    static let operatorSide = StoryPipelineTests.operatorSide
        + "\n\nKessen Hydro said 3 of the dam's 5 spillway gates failed and 900 cubic metres of water a second reached the valley.\n"
    static let both = StoryPipelineTests.both
        + "\n\nTolland said 2,300 residents had left their homes, and Kessen Hydro said 3 spillway gates had failed.\n"

    /// The ledger's topics, each with its story and the figures filed in it (claim and place),
    /// in an order that does not depend on the order they were filed in.
    static func topics(_ ledger: Ledger) -> [String] {
        ledger.topics.values.map { topic in
            "\(topic.key.story) \(topic.key.description): " + topic.entries.map { "\($0.ref.claim)#\($0.ref.index)" }.sorted().joined(separator: ", ")
        }.sorted()
    }

    @Test("a replayed merge moves the ledger's figures where the replayed stories put them, before and after the other host's records come, as live")
    func replayedMergeKeepsTheLedger() throws {
        let alpha = try PipelineRun("merge-replay-alpha", keep: true)
        let beta = try PipelineRun("merge-replay-beta", keep: true)
        let feed = ClusterStoryOrderTests.Feed(from: alpha, host: "alpha")
        try alpha.take("governor.txt", Self.governor)
        try feed.deliver(to: beta)
        try beta.take("operator.txt", Self.operatorSide)
        try beta.take("both.txt", Self.both)
        try beta.drain()
        let governor = try #require(try alpha.ingested().first?.article)
        let operatorSide = try #require(try beta.ingested().first?.article)
        let merged = try beta.events().compactMap { if case let .storyMerged(merged) = $0 { merged } else { nil } }
        #expect(merged.map { "\($0.story) into \($0.into)" } == ["\(operatorSide) into \(governor)"])
        let live = Self.topics(beta.pipeline.ledger)
        #expect(live.contains { $0.hasPrefix(governor) && $0.contains(operatorSide) }, "the operator's figures are in the merged story: \(live)")
        #expect(!live.contains { $0.hasPrefix(operatorSide) })

        // Beta's log alone, as a start has it before the other host's records (or with the
        // database away): the merge names a story not known yet, and every figure is filed
        // under the story its article is in now, not under the record's name for it.
        let own = try LogReplay.read(log: beta.state.layout.log, texts: beta.pipeline.texts)
        #expect(own.ledger.count > 0)
        for topic in own.ledger.topics.values {
            for entry in topic.entries {
                #expect(topic.key.story == own.stories.story(of: entry.article), "\(topic.key.story) \(topic.key.description) holds \(entry.ref.claim)")
            }
        }
        #expect(Set(own.ledger.topics.values.map(\.key.story)) == [operatorSide])

        // With alpha's records after it, as the daemon starts: the ledger the live merge made.
        try beta.restart()
        try feed.redeliver(to: beta)
        #expect(Self.topics(beta.pipeline.ledger) == live)
        #expect(beta.pipeline.stories.story(of: operatorSide) == governor)
        try alpha.close()
        try beta.close()
    }
}
