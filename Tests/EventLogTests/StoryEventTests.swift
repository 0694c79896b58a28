import Foundation
import Testing
@testable import EventLog

/// The events stories add: `story.merged`, and the story on a comparison.
@Suite struct StoryEventTests {
    @Test("story.merged round-trips through the log with its three fields")
    func merged() async throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path))
        let merged = StoryMerged(story: "b2c3", into: "a1f0", article: "d4e5")
        try await writer.append(merged)
        try writer.close()
        let record = try #require(try allRecords(in: directory.path).first)
        #expect(record.type == "story.merged")
        #expect(try record.decode(StoryMerged.self) == merged)
        #expect(record.json.contains(#""story":"b2c3","into":"a1f0","article":"d4e5""#))
    }

    @Test("figure.compared writes its story after the label, reads it back, and reads a record without one as nil")
    func comparedStory() async throws {
        let directory = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: directory.path))
        let scoped = FigureCompared(claim: "k-2", index: 0, article: "a", topic: "00ff", label: "people killed", text: "21",
                                    low: 21, high: 21, bound: "exact", unit: nil, agrees: [],
                                    conflicts: [.init(claim: "k-1", index: 0)], story: "a1f0")
        let unscoped = FigureCompared(claim: "k-3", index: 0, article: "a", topic: "00fe", label: "people", text: "9", low: 9,
                                      high: 9, bound: "exact", unit: nil, agrees: [], conflicts: [])
        try await writer.append([scoped, unscoped] as [any EventPayload])
        try writer.close()
        let records = try allRecords(in: directory.path)
        #expect(records[0].json.contains(#""label":"people killed","story":"a1f0","text":"21""#))
        #expect(try records[0].decode(FigureCompared.self) == scoped)
        #expect(!records[1].json.contains("story"))
        #expect(try records[1].decode(FigureCompared.self).story == nil)
    }
}
