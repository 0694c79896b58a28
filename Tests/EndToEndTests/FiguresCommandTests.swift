import EventLog
import Foundation
import Testing

/// The figures ledger on the project's example story, through the built executable:
/// `ingest`, then `figures`, `claims`, `claimants`, `stats` and `reindex`.
@Suite struct FiguresCommandTests {
    let claimwatch = Executable("claimwatch")

    /// A topic as `figures --json` prints it: the figures in the log's own shapes.
    struct Topic: Decodable {
        struct Ref: Decodable, Hashable {
            var claim: String
            var index: Int
        }
        struct Claimant: Decodable {
            var name: String?
            var canonical: String
        }
        struct Line: Decodable {
            var claim: String
            var index: Int
            var text: String
            var low: Double?
            var high: Double?
            var bound: String
            var counted: String?
            var claimant: Claimant?
            var article: String
            var copies: Int
            var sources: Int
            var conflicts: [Ref]
            var updates: String?
            var updatedBy: String?

            var figure: Ref { Ref(claim: claim, index: index) }
        }
        var topic: String
        var label: String
        var key: String
        var figures: [Line]
        var pairs: [[Ref]]
    }

    private func topics(_ arguments: [String], state: String) throws -> [Topic] {
        let result = try claimwatch.run(["figures", "--state", state, "--json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Topic.self, from: Data($0.utf8)) }
    }

    private func ingest() throws -> TemporaryFolder {
        let state = TemporaryFolder("figures")
        let result = try claimwatch.run(["ingest", "--state", state.path, ArticleCommandTests.examples])
        #expect(result.status == 0, "\(result.stderr)")
        return state
    }

    @Test("the death toll: official, volunteers and watchdog side by side, the conflict marked, the syndicated copies one source")
    func deathToll() throws {
        let state = try ingest()
        let dead = try topics(["--about", "dead"], state: state.path)
        let topic = try #require(dead.first)
        #expect(dead.count == 1)
        #expect(topic.key == "count||person|dead")
        #expect(topic.figures.map(\.text) == ["14 people", "19", "at least 26 bodies", "at least 31 people"])
        let official = topic.figures[0]
        #expect(official.claimant?.canonical == "Marrow Emergency Service")
        // The wire story came in four times: one report carried by four articles, one source.
        #expect(official.copies == 3)
        #expect(official.sources == 1)
        #expect(topic.figures.filter { $0.text == "14 people" }.count == 1)
        // A day later the Courier reports that the service "put the toll at 19": an estimate
        // given by the same claimant, and a toll counts the dead.
        let update = topic.figures[1]
        #expect(update.counted == "toll")
        #expect(update.claimant?.canonical == "Marrow Emergency Service")
        #expect(update.article != official.article)
        // The service's 19 updates its 14: a history, 14 → 19, not a conflict (as the live
        // figure.compared has it); the 14 is compared with nothing.
        #expect(official.updatedBy == "\(update.figure.claim)#\(update.figure.index)")
        #expect(update.updates == official.figure.claim)
        #expect(official.conflicts.isEmpty)
        #expect(Set(update.conflicts) == Set([topic.figures[2].figure, topic.figures[3].figure]))
        // The volunteers' and the watchdog's lower bounds agree with each other, and conflict with the current official count.
        for bound in topic.figures[2...] { #expect(Set(bound.conflicts) == [update.figure]) }
        #expect(topic.pairs.count == 2)

        // The table says what the bare 19 counts, and that it updated the 14.
        let table = try claimwatch.run(["figures", "--state", state.path, "--about", "dead"])
        #expect(table.stdout.contains("conflicts with #3, #4 — 19 (toll)"))
        #expect(table.stdout.contains("updated by #2 — 14 people"))
    }

    @Test("the evacuated: about 12,000 conflicts with more than 15,000, up to 20,000 agrees with both")
    func evacuated() throws {
        let state = try ingest()
        let displaced = try topics(["--about", "displaced"], state: state.path)
        let topic = try #require(displaced.first)
        #expect(topic.figures.map(\.text) == ["about 12,000 residents", "more than 15,000 residents", "up to 20,000 people"])
        #expect(topic.pairs == [[topic.figures[0].figure, topic.figures[1].figure]])
        #expect(topic.figures[2].conflicts.isEmpty)

        let table = try claimwatch.run(["figures", "--state", state.path, "--about", "displaced"])
        #expect(table.stdout.contains("✗ 1  ≈ 12,000"))
        #expect(table.stdout.contains("  3  ≤ 20,000"))
    }

    @Test("the log carries the comparison: figure.compared names the conflicting figure as the article lands")
    func comparedEvents() throws {
        let state = try ingest()
        let cursor = try EventLogReader(directory: state.path + "/log").cursor()
        var compared: [FigureCompared] = []
        while case let .record(record)? = try cursor.next() {
            if record.type == FigureCompared.eventType { compared.append(try record.decode(FigureCompared.self)) }
        }
        let watchdog = try #require(compared.first { $0.text == "at least 31 people" })
        // It lands after both official counts (14, then 19) and the volunteers' "at least 26".
        // The emergency service's 19 updated its 14: the 14 is its history, compared with
        // nothing, so the watchdog conflicts with the service's current count alone.
        #expect(watchdog.conflicts.count == 1)
        #expect(watchdog.agrees.count == 1)
        #expect(watchdog.label == "people killed")
        let byTopic = try topics(["--about", "dead"], state: state.path)
        let officials = try #require(byTopic.first).figures.prefix(2).map(\.figure)
        #expect(watchdog.conflicts.map { Topic.Ref(claim: $0.claim, index: $0.index) } == [officials[1]])
        #expect(compared.allSatisfy { $0.story != nil })
    }

    @Test("claims by claimant name, claimants, stats; reindex rebuilds the same ledger")
    func queriesAndReindex() throws {
        let state = try ingest()
        let brandt = try claimwatch.run(["claims", "--state", state.path, "--claimant", "Brandt", "--json"])
        #expect(brandt.status == 0, "\(brandt.stderr)")
        #expect(brandt.stdout.split(separator: "\n").count >= 2)
        #expect(brandt.stdout.contains("\"canonical\":\"Anna Brandt\""))
        let contains = try claimwatch.run(["claims", "--state", state.path, "--contains", "evacuated"])
        #expect(contains.stdout.contains("15,000"))
        let claimants = try claimwatch.run(["claimants", "--state", state.path])
        #expect(claimants.stdout.contains("Anna Brandt"))
        let before = try claimwatch.run(["stats", "--state", state.path, "--json"])
        #expect(before.stdout.contains("\"articles\":5"))
        #expect(before.stdout.contains("\"copies\":3"))
        let figuresBefore = try claimwatch.run(["figures", "--state", state.path, "--json"]).stdout

        let reindex = try claimwatch.run(["reindex", "--state", state.path])
        #expect(reindex.status == 0, "\(reindex.stderr)")
        #expect(try claimwatch.run(["stats", "--state", state.path, "--json"]).stdout == before.stdout)
        #expect(try claimwatch.run(["figures", "--state", state.path, "--json"]).stdout == figuresBefore)
        let bad = try claimwatch.run(["claims", "--state", state.path, "--since", "last tuesday"])
        #expect(bad.status != 0)
    }
}
