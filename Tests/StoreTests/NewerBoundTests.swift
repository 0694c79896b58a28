import ConsoleOutput
import EventLog
import Testing
@testable import Store

/// A bound this build does not know (a newer writer's) is kept in the store and comes out
/// as it was logged.
@Suite struct NewerBoundTests {
    @Test("a figure whose bound is unknown here is stored, compared as a plain value, and written out with its bound's words")
    func passesThrough() throws {
        let folder = TemporaryFolder()
        var events = StoreFixtures.story
        events.append(StoreFixtures.claim("bbbb2222-3", article: "bbbb2222", claimant: "River Watch",
                                          text: "River Watch said roughly 9 people were confirmed dead.",
                                          figures: [StoreFixtures.dead("roughly 9 people", low: 9, bound: .unknown("roughly"))]))
        try StoreFixtures.write(events, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        let topic = try #require(try store.figures(about: "people").first)
        let line = try #require(topic.figures.first { $0.figure.hasPrefix("bbbb2222-3") })
        #expect(line.bound == .unknown("roughly"))
        #expect(FigureText.value(low: line.low, high: line.high, bound: line.bound, unit: line.unit) == "9")
        #expect(AnswerCSV.figureRows(topic).contains { $0.contains("roughly") })
    }
}
