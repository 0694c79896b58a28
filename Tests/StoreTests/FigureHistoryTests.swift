import EventLog
import Ledger
import Stories
import Testing
@testable import Store

/// The store's topic answer applies the live ledger's rules about time (`SourceHistory`,
/// `FigureDays`): a source's newer figure updates its older one, and two sources' figures
/// are compared only for comparable days. Articles' published days follow their ids'
/// lengths (see `StoreFixtures.article`).
@Suite struct FigureHistoryTests {
    static let events: [any EventPayload] = [
        // The 12th, the 13th and the 15th: only the first two are a day apart.
        StoreFixtures.article("d1", outlet: "Wire"),
        StoreFixtures.claim("d1-1", article: "d1", claimant: "Mara Ilić", text: "Mara Ilić said 10 people died.",
                            figures: [StoreFixtures.dead("10 people", low: 10)]),
        StoreFixtures.article("d12", outlet: "Courier"),
        StoreFixtures.claim("d12-1", article: "d12", claimant: "Tom Reyes", text: "Tom Reyes said 20 people died.",
                            figures: [StoreFixtures.dead("20 people", low: 20)]),
        StoreFixtures.article("d1234", outlet: "Evening Post"),
        StoreFixtures.claim("d1234-1", article: "d1234", claimant: "Ada Lund", text: "Ada Lund said 30 people died.",
                            figures: [StoreFixtures.dead("30 people", low: 30)]),
        // Reyes again, on the 15th: his 20 becomes history, and his 35 conflicts with Lund's
        // 30 of the same day, not with Ilić's 10 of three days before.
        StoreFixtures.article("d1235", outlet: "Courier"),
        StoreFixtures.claim("d1235-1", article: "d1235", claimant: "Tom Reyes", text: "Tom Reyes said 35 people died.",
                            figures: [StoreFixtures.dead("35 people", low: 35)]),
        // An older figure of Lund's, arriving late (the 13th): history at once.
        StoreFixtures.article("d99", outlet: "Evening Post"),
        StoreFixtures.claim("d99-1", article: "d99", claimant: "Ada Lund", text: "Ada Lund said 25 people died.",
                            figures: [StoreFixtures.dead("25 people", low: 25)]),
    ]

    @Test("a source's newer figure updates its older one, a late older one is history, and days too far apart are not compared")
    func historiesAndDays() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(Self.events, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        let topic = try #require(try store.figures().first)
        #expect(topic.figures.map(\.figure) == ["d1-1#0", "d12-1#0", "d1234-1#0", "d1235-1#0", "d99-1#0"])
        #expect(topic.figures.map(\.updatedBy) == [nil, "d1235-1#0", nil, nil, "d1234-1#0"])
        #expect(topic.figures[3].updates == "d12-1")
        #expect(topic.conflicts.map { $0.map(topic.nameOf) } == [["d1234-1#0", "d1235-1#0"]])
        #expect(topic.conflictingPairs == 1)
        #expect(topic.figures.map(\.conflicting) == [0, 0, 1, 1, 0])
        #expect(topic.figures.map(\.agreeing) == [0, 0, 0, 0, 0])
    }

    @Test("the live ledger, given the same sources and days, makes the same histories and its last word the same conflicts")
    func sameAsLive() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(Self.events, to: folder)
        let topic = try #require(try ClaimStore(path: folder.database, log: folder.log).figures().first)
        var ledger = Ledger()
        var articles: [String: ArticleIngested] = [:]
        var last: [String: [String]] = [:]
        for event in Self.events {
            if let article = event as? ArticleIngested { articles[article.article] = article }
            guard let claim = event as? ClaimExtracted, let article = articles[claim.article] else { continue }
            for var figure in claim.ledgerFigures {
                figure.source = SourceCounter.source(claimant: claim.claimant?.canonical, outlet: article.outlet, article: article.article)
                figure.date = StoryDate(published: article.published, recorded: "")
                if let comparison = ledger.add(figure) {
                    last[figure.ref.description] = comparison.conflicts.map(\.description)
                }
            }
        }
        let entries = try #require(ledger.topics[topic.id]?.entries)
        #expect(entries.map { $0.updatedBy?.description } == topic.figures.map(\.updatedBy))
        // The newest figure's comparison is the topic as it now stands.
        #expect(last["d1235-1#0"] == ["d1234-1#0"])
        #expect(last["d99-1#0"] == [])
    }
}
