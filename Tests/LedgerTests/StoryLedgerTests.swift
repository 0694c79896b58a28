import Testing
import EventLog
@testable import Ledger
import Stories

@Suite struct StoryLedgerTests {
    typealias F = LedgerFixtures

    static func ref(_ claim: String) -> FigureRef { FigureRef(claim: claim, index: 0) }

    /// Adds a figure that joins a topic with figures already, and returns its comparison.
    func joined(_ ledger: inout Ledger, _ figure: LedgerFigure) throws -> Comparison {
        let comparison = ledger.add(figure)
        return try #require(comparison)
    }

    @Test("two stories counting the same things never meet: their dead and displaced are topics of their own")
    func storiesApart() {
        let dam = [
            F.figure("14 people", counted: "people", low: 14, in: "Officials said 14 people were killed when the dam gave way.",
                     claim: "dam-1", story: "dam"),
            F.figure("about 12,000 residents", counted: "residents", low: 12_000, bound: "approximately",
                     in: "About 12,000 residents were displaced by the flood.", claim: "dam-2", story: "dam"),
        ]
        let fire = [
            F.figure("3 people", counted: "people", low: 3, in: "Three fire crews said 3 people were killed in the blaze.",
                     claim: "fire-1", story: "fire"),
            F.figure("2,500 residents", counted: "residents", low: 2_500, in: "Some 2,500 residents were displaced by the fire.",
                     claim: "fire-2", story: "fire"),
        ]
        var ledger = Ledger()
        for figure in dam + fire { #expect(ledger.add(figure) == nil) }
        #expect(ledger.topics.count == 4)
        // The same figures without stories are two topics with two conflicts.
        var storyless = Ledger()
        var conflicts = 0
        for var figure in dam + fire {
            figure.story = nil
            conflicts += storyless.add(figure)?.conflicts.count ?? 0
        }
        #expect(storyless.topics.count == 2)
        #expect(conflicts == 2)
    }

    @Test("a source's newer figure updates its older one: a history, not a conflict")
    func history() throws {
        var ledger = Ledger()
        let service = "claimant:marrow emergency service"
        func toll(_ value: Double, _ claim: String, _ day: String, source: String) -> LedgerFigure {
            F.figure("\(Int(value)) people", counted: "people", low: value,
                     in: "The service said \(Int(value)) people had died.", claim: claim, day: day, source: source)
        }
        ledger.add(toll(14, "a", "2026-11-10", source: service))
        let second = try joined(&ledger, toll(19, "b", "2026-11-11", source: service))
        #expect(second.updates == [Self.ref("a")] && second.conflicts.isEmpty && second.agrees.isEmpty)
        let third = try joined(&ledger, toll(22, "c", "2026-11-12", source: service))
        #expect(third.updates == [Self.ref("b")] && third.conflicts.isEmpty)
        let topic = try #require(ledger.topics.values.first)
        #expect(topic.history(of: service) == ["a", "b", "c"].map(Self.ref))
        // Another source the same day disagrees with the newest figure only.
        let rival = try joined(&ledger, toll(31, "d", "2026-11-12", source: "claimant:river watch"))
        #expect(rival.conflicts == [Self.ref("c")])
        // A late, older figure of the service is history: updated already, compared with
        // nothing, by the next step of its history (9 → 14 → 19 → 22), whatever the order.
        let late = try joined(&ledger, toll(9, "e", "2026-11-09", source: service))
        #expect(late.updatedBy == Self.ref("a") && late.conflicts.isEmpty && late.agrees.isEmpty)
        #expect(topic.history(of: service).count == 3)
        #expect(ledger.topics.values.first?.history(of: service) == ["e", "a", "b", "c"].map(Self.ref))
    }

    @Test("an explicit change is one update of the value it names, not a conflict with it")
    func explicitChange() throws {
        var ledger = Ledger()
        ledger.add(F.figure("14 people", counted: "people", low: 14, in: "Officials said 14 people had died.",
                            claim: "a", day: "2026-11-10", source: "outlet:coastal post"))
        let change = try joined(&ledger, F.figure("19", counted: "people", low: 19, in: "Officials said 19 people had died, up from 14.",
                                                      claim: "b", day: "2026-11-10", source: "claimant:the service", earlier: 14))
        #expect(change.updates == [Self.ref("a")])
        #expect(change.conflicts.isEmpty)
    }

    @Test("different sources are compared only for comparable days; a recorded day may stand for any day before it")
    func comparableDays() throws {
        var ledger = Ledger()
        ledger.add(F.figure("14 people", counted: "people", low: 14, in: "Officials said 14 people had died.",
                            claim: "a", day: "2026-11-01", source: "claimant:officials"))
        let later = try joined(&ledger, F.figure("30 people", counted: "people", low: 30, in: "Medics said 30 people had died.",
                                                     claim: "b", day: "2026-11-09", source: "claimant:medics"))
        #expect(later.conflicts.isEmpty && later.agrees.isEmpty)
        // Known only by the day it was recorded (2026-12-01): it may speak for 2026-11-01.
        let undated = try joined(&ledger, F.figure("20 people", counted: "people", low: 20,
                                                       in: "Volunteers said 20 people had died.", claim: "c", source: "claimant:volunteers"))
        #expect(Set(undated.conflicts) == [Self.ref("a"), Self.ref("b")])
    }

    @Test("labels say what is counted and in which state, never a bare people")
    func labels() {
        func label(_ figures: [LedgerFigure]) -> String? {
            var ledger = Ledger()
            for figure in figures { ledger.add(figure) }
            return ledger.topics.values.first?.label
        }
        #expect(label([F.figure("14 people", counted: "people", low: 14, in: "Officials said 14 people were killed.")])
            == "people killed")
        #expect(label([F.figure("about 12,000 residents", counted: "residents", low: 12_000, bound: "approximately",
                                in: "About 12,000 residents had been moved to emergency shelters.")]) == "residents displaced")
        #expect(label([F.figure("at least 155 Valdorian citizens", counted: "Valdorian citizens", low: 155, bound: "atLeast",
                                in: "At least 155 Valdorian citizens are fighting for Ostria, the minister said.", claim: "a"),
                       F.figure("more than 150 Valdorian nationals", counted: "Valdorian nationals", low: 150, bound: "atLeast",
                                in: "He said more than 150 Valdorian citizens were fighting for Ostria.", claim: "b")])
            == "Valdorian citizens fighting for Ostria")
        #expect(label([F.figure("40,000 people", counted: "people", low: 40_000, in: "The stadium holds 40,000 people.")])
            == "people (the stadium holds)")
        #expect(label([F.figure("at least 12 bodies", counted: "bodies", low: 12, bound: "atLeast",
                                in: "Volunteers recovered at least 12 bodies.")]) == "bodies")
    }
}

@Suite struct FigureOrderTests {
    typealias F = LedgerFixtures

    static func timed(_ value: Double, article: String, _ date: StoryDate?, earlier: Double? = nil) -> TimedFigure<String> {
        TimedFigure(source: "claimant:service", article: article, date: date, range: FigureRange(low: value, high: value),
                    earlier: earlier.map { FigureRange(low: $0, high: $0) }, name: article + "-1#0")
    }

    @Test("a recorded day bounds the publication from above: only a published day after it tells which is newer")
    func recordedDays() throws {
        let published = try #require(StoryDate(published: "2026-11-12", recorded: "2026-12-05T00:00:00Z"))
        let recorded = try #require(StoryDate(published: nil, recorded: "2026-12-05T00:00:00Z"))
        let earlyRecord = try #require(StoryDate(published: nil, recorded: "2026-11-01T00:00:00Z"))
        let laterRecord = try #require(StoryDate(published: nil, recorded: "2026-12-06T00:00:00Z"))
        // Published before the other was recorded: it may be older or newer.
        #expect(SourceHistory.precedence(published, over: recorded) == .unknown)
        #expect(SourceHistory.precedence(recorded, over: published) == .unknown)
        // Recorded before the other was published: older.
        #expect(SourceHistory.precedence(published, over: earlyRecord) == .newer)
        #expect(SourceHistory.precedence(earlyRecord, over: published) == .older)
        // Two days of one kind: the later is newer; one day tells nothing.
        #expect(SourceHistory.precedence(laterRecord, over: recorded) == .newer)
        #expect(SourceHistory.precedence(recorded, over: recorded) == .unknown)
        #expect(SourceHistory.precedence(published, over: published) == .unknown)
        // Where the days tell nothing, a figure that says it changed from the other's value is newer.
        let fourteen = Self.timed(14, article: "wire", recorded)
        let nineteen = Self.timed(19, article: "courier", published, earlier: 14)
        #expect(SourceHistory.precedence(nineteen, over: fourteen) == .newer)
        #expect(SourceHistory.precedence(fourteen, over: nineteen) == .older)
        // The days, when they tell, come first: a 14 published after the change is a new figure.
        let lateFourteen = Self.timed(14, article: "late", StoryDate(day: published.day + 1, kind: .published))
        #expect(SourceHistory.precedence(nineteen, over: lateFourteen) == .older)
    }

    @Test("histories come from the whole set: every arrival order of one source's figures gives the same ones")
    func anyOrder() throws {
        let recorded = try #require(StoryDate(published: nil, recorded: "2026-12-05T00:00:00Z"))
        let figures = [
            Self.timed(14, article: "wire", recorded),
            Self.timed(19, article: "courier", StoryDate(published: "2026-11-12", recorded: ""), earlier: 14),
            Self.timed(22, article: "post", StoryDate(published: "2026-11-14", recorded: "")),
            Self.timed(25, article: "gazette", StoryDate(published: "2026-11-14", recorded: "")),
            Self.timed(12, article: "early", StoryDate(published: "2026-11-10", recorded: "")),
        ]
        // 12 → 19 → 22 and 25 (one day: both current, the 19's update named by the first by
        // name); the wire's 14, recorded, is older than the 19 that names it, and nothing
        // tells of it against the 12.
        let expected: [String: String?] = ["wire": "courier", "courier": "gazette", "post": nil, "gazette": nil, "early": "courier"]
        func names(_ order: [TimedFigure<String>]) -> [String: String?] {
            let updaters = SourceHistory.updaters(order)
            return Dictionary(uniqueKeysWithValues: order.indices.map { (order[$0].article, updaters[$0].map { order[$0].article }) })
        }
        var order = figures
        for _ in 0..<(5 * 4 * 3 * 2) {
            #expect(names(order) == expected)
            order = Self.nextPermutation(order)
        }
    }

    @Test("histories found from sorted days equal what precedence says pair by pair, the nearest newer figure updating")
    func updatersAsPairwise() {
        var seed: UInt64 = 3
        func below(_ bound: UInt64) -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (seed >> 33) % bound
        }
        for _ in 0..<50 {
            // Each article speaks for one day (or none).
            let dates = (0..<12).map { _ in
                below(10) == 0 ? nil : StoryDate(day: 20_000 + Int32(below(6)), kind: below(3) == 0 ? .recorded : .published)
            }
            let figures = (0..<(10 + Int(below(40)))).map { index -> TimedFigure<String> in
                let number = Int(below(12))
                let article = "a\(number)"
                let date = dates[number]
                let value = Double(below(30))
                return TimedFigure(source: below(6) == 0 ? nil : "s\(below(3))", article: article, date: date,
                                   range: FigureRange(low: value, high: value),
                                   earlier: below(4) == 0 ? FigureRange(low: Double(below(30)), high: Double(below(30)) + 30) : nil,
                                   name: "\(article)-\(index)#0")
            }
            // By the definition: among the same source's figures of other articles known to be newer, the nearest.
            let expected = figures.indices.map { older -> Int? in
                let newer = figures.indices.filter { other in
                    figures[other].source != nil && figures[other].source == figures[older].source
                        && figures[other].article != figures[older].article
                        && SourceHistory.precedence(figures[other], over: figures[older]) == .newer
                }
                return newer.min { SourceHistory.nearer(figures[$0], than: figures[$1]) }
            }
            #expect(SourceHistory.updaters(figures) == expected)
        }
    }

    /// The next arrangement in lexicographic order by article, the first after the last:
    /// a cycle through every arrangement.
    static func nextPermutation(_ figures: [TimedFigure<String>]) -> [TimedFigure<String>] {
        var names = figures.map(\.article)
        var index = names.count - 2
        while index >= 0, names[index] >= names[index + 1] { index -= 1 }
        if index < 0 { return figures.sorted { $0.article < $1.article } }
        var swap = names.count - 1
        while names[swap] <= names[index] { swap -= 1 }
        names.swapAt(index, swap)
        names[(index + 1)...].reverse()
        let byName = Dictionary(uniqueKeysWithValues: figures.map { ($0.article, $0) })
        return names.compactMap { byName[$0] }
    }
}
