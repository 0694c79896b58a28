import EventLog
import Ledger
import Stories
import Testing
@testable import Store

/// The store counts sources, reports and conflicts from numbers it interned at write time;
/// these tests hold it to the ledger's rules, worked out from the log by brute force, on a
/// generated topic with claimants and outlets that differ only in case, unattributed
/// figures, articles with no outlet, and copies that arrive after the claims.
@Suite struct SourceCountTests {
    /// One generated death toll, reported by many articles: values repeat so most values
    /// are given by several figures.
    static func events(seed: UInt64) -> [any EventPayload] {
        var state = seed
        func below(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let claimants: [String?] = ["Anna Brandt", "anna brandt", "River Watch", "Pieter Holm", nil, nil]
        let outlets: [String?] = ["Wire", "WIRE", "Courier", nil, "", "Evening Post"]
        let bounds: [FigureBound] = [.exact, .atLeast, .atMost, .approximately]
        var events: [any EventPayload] = []
        var late: [any EventPayload] = []
        for number in 0..<40 {
            let article = "art\(number)"
            events.append(StoreFixtures.article(article, outlet: outlets[below(outlets.count)]))
            for claim in 0..<(1 + below(3)) {
                let value = Double([9, 12, 15, 20][below(4)])
                let bound = bounds[below(bounds.count)]
                let prefix = bound == "atLeast" ? "at least " : bound == "atMost" ? "up to " : bound == "approximately" ? "about " : ""
                let figure = ClaimExtracted.Figure(text: "\(prefix)\(Int(value)) people", low: bound == "atMost" ? nil : value,
                                                   high: bound == "atLeast" ? nil : value, bound: bound, unit: nil, counted: "people")
                let who = claimants[below(claimants.count)]
                events.append(StoreFixtures.claim("\(article)-\(claim)", article: article, claimant: who,
                                                  text: "\(who ?? "The agency") said \(figure.text) were confirmed dead.",
                                                  figures: [figure]))
            }
            // Copies: some before the article's claims are all in, some long after.
            for copy in 0..<below(3) {
                let event = StoreFixtures.copy("\(article)c\(copy)", of: article)
                if below(2) == 0 { events.append(event) } else { late.append(event) }
            }
        }
        return events + late
    }

    /// What the ledger's rules say of each figure, worked out pair by pair from the log: a
    /// figure is history when the same source gives one in another article of a later day
    /// (the same day says nothing of which came first, whatever the log's order); current
    /// figures of different sources conflict when disjoint (all days here are comparable).
    struct Expected {
        var figure: String
        var range: FigureRange
        var sources: Int
        var reports: Int
        var conflicting: Int
        var current: Bool
        var source: String
    }

    static func expected(_ events: [any EventPayload]) -> [Expected] {
        var outlets: [String: String?] = [:]
        var days: [String: String] = [:]
        var copies: [String: Int] = [:]
        var figures: [(figure: String, range: FigureRange, source: String, article: String, day: String)] = []
        for event in events {
            if let article = event as? ArticleIngested {
                outlets[article.article] = article.outlet
                days[article.article] = article.published ?? ""
            }
            if let copy = event as? ArticleDuplicate { copies[copy.of, default: 0] += 1 }
            if let claim = event as? ClaimExtracted {
                for figure in claim.ledgerFigures {
                    guard let range = figure.range else { continue }
                    let claimant = claim.claimant?.canonical.lowercased()
                    let outlet = (outlets[claim.article] ?? nil)?.lowercased()
                    let source = claimant.map { "claimant \($0)" } ?? outlet.flatMap { $0.isEmpty ? nil : "outlet \($0)" }
                        ?? "article \(claim.article)"
                    figures.append((figure.ref.description, range, source, claim.article, days[claim.article] ?? ""))
                }
            }
        }
        let current = Set(figures.indices.filter { position in
            !figures.contains { other in
                other.source == figures[position].source && other.article != figures[position].article && other.day > figures[position].day
            }
        })
        return figures.enumerated().map { position, figure in
            let same = figures.filter { $0.range == figure.range }
            let articles = Set(same.map(\.article))
            let conflicting = current.contains(position)
                ? current.filter { figures[$0].source != figure.source && !figures[$0].range.overlaps(figure.range) }.count : 0
            return Expected(figure: figure.figure, range: figure.range, sources: Set(same.map(\.source)).count,
                            reports: articles.count + articles.reduce(0) { $0 + copies[$1, default: 0] },
                            conflicting: conflicting, current: current.contains(position), source: figure.source)
        }
    }

    @Test("sources, reports, histories and conflicts on a generated topic equal the ledger's rules, counted pair by pair")
    func generatedTopic() throws {
        for seed: UInt64 in [1, 2, 3] {
            let folder = TemporaryFolder()
            let events = Self.events(seed: seed)
            try StoreFixtures.write(events, to: folder)
            let store = try ClaimStore(path: folder.database, log: folder.log)
            let topics = try store.figures()
            let topic = try #require(topics.first)
            #expect(topics.count == 1)
            let expected = Self.expected(events)
            #expect(topic.figures.map(\.figure) == expected.map(\.figure))
            #expect(topic.figures.map(\.sources) == expected.map(\.sources))
            #expect(topic.figures.map(\.reports) == expected.map(\.reports))
            #expect(topic.figures.map { $0.updatedBy == nil } == expected.map(\.current))
            #expect(topic.figures.map(\.conflicting) == expected.map(\.conflicting))
            #expect(topic.conflictingPairs == expected.map(\.conflicting).reduce(0, +) / 2)
            #expect(expected.contains { !$0.current } && topic.conflictingPairs > 0)
            for (position, line) in topic.figures.enumerated() {
                let all = expected.indices.filter {
                    expected[position].current && expected[$0].current && expected[$0].source != expected[position].source
                        && !expected[$0].range.overlaps(expected[position].range)
                }
                #expect(Set(line.conflicts).isSubset(of: all))
                #expect(line.conflicts.count == min(all.count, TopicReport.listed))
            }

            // The live ledger, given each figure's source and day as the pipeline gives
            // them, files the same figures in the same order and makes the same histories.
            var ledger = Ledger()
            var published: [String: String] = [:]
            var outlets: [String: String?] = [:]
            for event in events {
                if let article = event as? ArticleIngested {
                    published[article.article] = article.published
                    outlets[article.article] = article.outlet
                }
                guard let claim = event as? ClaimExtracted else { continue }
                for var figure in claim.ledgerFigures {
                    figure.source = SourceCounter.source(claimant: claim.claimant?.canonical, outlet: outlets[claim.article] ?? nil,
                                                         article: claim.article)
                    figure.date = StoryDate(published: published[claim.article], recorded: "")
                    ledger.add(figure)
                }
            }
            let entries = try #require(ledger.topics[topic.id]?.entries)
            #expect(entries.map(\.ref.description) == topic.figures.map(\.figure))
            #expect(entries.map { $0.updatedBy?.description } == topic.figures.map(\.updatedBy))
        }
    }

    @Test("catching up in small batches interns sources and articles as a rebuild does")
    func batchesEqualRebuild() throws {
        let folder = TemporaryFolder()
        let live = try ClaimStore(path: folder.database, log: folder.log)
        live.batchSize = 3
        let events = Self.events(seed: 7)
        for chunk in stride(from: 0, to: events.count, by: 5) {
            try StoreFixtures.write(Array(events[chunk..<min(chunk + 5, events.count)]), to: folder)
            try live.catchUp()
        }
        let rebuiltFolder = TemporaryFolder()
        let rebuilt = try ClaimStore(path: rebuiltFolder.database, log: folder.log)
        #expect(try live.figures() == rebuilt.figures())
        #expect(try live.figures().first?.figures.map(\.sources) == Self.expected(events).map(\.sources))
    }
}
