import EventLog
import Foundation
import Ledger
import Store
import Testing
@testable import Ingest

/// One source's figures through the pipeline: several counts of one thing in one article
/// are separate figures (here a fire service's homes destroyed, district by district), while
/// the same source's count in a later article updates its earlier one (its death toll,
/// 3 → 5), and only the newer is compared with another source's.
@Suite struct SourceFiguresTests {
    static let dayOne = """
        {"url": "https://gazette.example/halden/fire-day-one", "title": "Halden wildfire destroys homes in three districts", \
        "site": "Ridgeline Gazette", "author": "Oda Brekstad", "published": "2026-08-03T18:00:00+02:00", \
        "text": "HALDEN — A wildfire driven by strong winds swept across the Halden hills on Monday, burning through the \
        districts of Brekke, Osvik and Tarnvik before crews from the Halden Fire Service slowed it at the river.\\n\\n\
        The Halden Fire Service said 12 homes had been destroyed in Brekke. The Halden Fire Service said 7 homes had been \
        destroyed in Osvik. The Halden Fire Service said 4 homes had been destroyed in Tarnvik.\\n\\n\
        The Halden Fire Service said 3 people had been killed by the fire, and that crews from Osvik and Tarnvik were still \
        searching the burned hillsides above Brekke.\\n\\n\
        Mayor Ingrid Solvang said shelters in Halden had opened for families from the three districts."}
        """
    static let dayTwo = """
        {"url": "https://courier.example/halden/fire-toll-rises", "title": "Halden wildfire toll rises as crews search Brekke and Osvik", \
        "site": "Osvik Courier", "author": "Per Lunde", "published": "2026-08-04T09:30:00+02:00", \
        "text": "HALDEN — Crews from the Halden Fire Service searched the burned hillsides above Brekke and Osvik on Tuesday, \
        a day after the wildfire swept across the Halden hills and through Tarnvik.\\n\\n\
        The Halden Fire Service said 5 people had been killed by the fire. Volunteers from the Tarnvik rescue team said at \
        least 8 people had been killed.\\n\\n\
        Mayor Ingrid Solvang said shelters in Halden were full, and families from Brekke, Osvik and Tarnvik would be housed in schools."}
        """

    /// Each figure of a topic: its text, what updated it (or current), and its conflicts.
    private func lines(_ topic: TopicReport) -> [String] {
        topic.figures.map { line in
            let newer = line.updatedBy.flatMap { name in topic.figures.first { $0.figure == name }?.text }
            return "\(line.text)|\(newer.map { "updated by " + $0 } ?? "current")|\(line.conflicting)"
        }.sorted()
    }

    @Test("one source's counts in one article never update each other; its count in a later article does, in either order")
    func districtsAndHistory() throws {
        for order in [["day-one.json", "day-two.json"], ["day-two.json", "day-one.json"]] {
            let run = try PipelineRun("source-figures")
            for name in order { try run.take(name, name == "day-one.json" ? Self.dayOne : Self.dayTwo) }
            try run.close()
            let ingested = try run.ingested()
            #expect(ingested.count == 2 && Set(ingested.compactMap(\.story)).count == 1, "\(order)")

            let store = try ClaimStore(path: run.state.layout.claimStore, log: run.state.layout.log)
            let homes = try #require(try store.figures(FigureFilter(about: "homes")).first)
            // Three districts, one source, one article: three current figures, none the
            // others' history and none compared with the others.
            #expect(lines(homes) == ["12 homes|current|0", "4 homes|current|0", "7 homes|current|0"], "\(order)")
            #expect(homes.figures.allSatisfy { $0.agreeing == 0 && $0.updates == nil })
            let killed = try #require(try store.figures(FigureFilter(about: "killed")).first)
            #expect(lines(killed) == ["3 people|updated by 5 people|0", "5 people|current|1", "at least 8 people|current|1"], "\(order)")
            #expect(killed.conflictingPairs == 1)

            // The live ledger, replayed from the log, makes the same histories.
            let replay = try LogReplay.read(log: run.state.layout.log)
            let live = try #require(replay.ledger.topics[homes.id])
            #expect(live.entries.allSatisfy { $0.updatedBy == nil })
            let toll = try #require(replay.ledger.topics[killed.id])
            #expect(toll.entries.filter { $0.updatedBy != nil }.map(\.range.low) == [3])
            // Its comparisons: the district counts were compared with nothing.
            let compared = try run.events().compactMap { event -> FigureCompared? in
                if case let .figureCompared(compared) = event { compared } else { nil }
            }
            #expect(compared.filter { $0.topic == homes.id }.allSatisfy { $0.agreeing == 0 && $0.conflicting == 0 })
            // `stories` and `stats` count the toll's conflict alone.
            #expect(try store.stories().map(\.conflicts) == [1])
            #expect(try store.stats().conflicts == 1)
            // The store keeps each topic's count from its catch-up; one not yet compared
            // (a store caught up by an older build) is compared when asked.
            let kept = try store.database.prepare("SELECT id, conflicts FROM topics WHERE figures > 1")
                .rows { ($0.text(0) ?? "", $0.real(1)) }
            #expect(Dictionary(uniqueKeysWithValues: kept)[killed.id] == 1 && Dictionary(uniqueKeysWithValues: kept)[homes.id] == 0)
            try store.database.execute("UPDATE topics SET conflicts = NULL")
            #expect(try store.stats().conflicts == 1 && store.stories().map(\.conflicts) == [1])
            // And so do the web face's overview and story page.
            let story = try #require(ingested.first?.story)
            #expect(try store.conflictingStories(limit: 5).map(\.conflicts) == [1])
            let topics = try store.topics(inStory: story)
            #expect(topics.first?.id == killed.id && topics.first?.conflicting == true)
            #expect(topics.first { $0.id == homes.id }?.conflicting == false && topics.filter(\.conflicting).count == 1)
        }
    }
}
