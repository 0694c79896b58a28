import EventLog
import Foundation
import Store
import Testing
@testable import Ingest

/// The example story taken in several arrival orders: no claim is lost, the wire story's own
/// claims are recorded whichever version comes first, and the figures ledger's reports and
/// sources come out the same.
@Suite struct ArrivalOrderTests {
    /// Name order, reverse, and four shuffles with a fixed seed: trimmed first, wire first,
    /// syndicated first all among them.
    static let orders: [[String]] = {
        let names = Examples.names
        var orders = [names, Array(names.reversed())]
        var state: UInt64 = 2031
        for _ in 0..<4 {
            var order = names
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                order.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
            }
            orders.append(order)
        }
        return orders
    }()

    @Test("every claim an example yields alone is in the log, in every arrival order (claims kept / expected = 1.0)")
    func noClaimLost() throws {
        for order in Self.orders {
            let state = try TemporaryState("kept")
            let result = try ClaimsKept.measure(folder: Examples.folder, order: order, state: state.path)
            #expect(result.expected > 90)
            #expect(result.kept == result.expected, "lost in \(order): \(result.lost)")
        }
    }

    /// One line per figure of the ledger: its topic, text, value, claimant, reports, sources
    /// and conflicts, in a stable order.
    private func ledger(after order: [String]) throws -> [String] {
        let state = try TemporaryState("order")
        _ = try ClaimsKept.measure(folder: Examples.folder, order: order, state: state.path)
        let store = try ClaimStore(path: state.layout.claimStore, log: state.layout.log)
        // Every topic, those of one figure too: each is found by its own label.
        let labels = try store.database.prepare("SELECT DISTINCT label FROM topics").rows([]) { $0.text(0) ?? "" }
        var topics: [String: TopicReport] = [:]
        for label in labels {
            for topic in try store.figures(FigureFilter(about: label)) { topics[topic.id] = topic }
        }
        return topics.values.flatMap { topic in
            topic.figures.map { line in
                "\(topic.key)|\(line.text)|\(line.low ?? -1)|\(line.high ?? -1)|\(line.claimant ?? "-")|\(line.copies)|\(line.sources)|\(line.conflicting)"
            }
        }.sorted()
    }

    @Test("the figures ledger's reports, sources and conflicts do not depend on the arrival order")
    func ledgerIndependentOfOrder() throws {
        let first = try ledger(after: Self.orders[0])
        #expect(first.count > 12)
        // The official toll: the wire story and its three other versions carry it, one source.
        // The service's 19 the next day says it rose "up from 14": the 14 is its history and
        // conflicts with nothing (before histories it conflicted with the 19, 26 and 31).
        #expect(first.contains { $0.hasPrefix("count||person|dead|14 people|") && $0.hasSuffix("|Marrow Emergency Service|3|1|0") })
        #expect(first.contains { $0.hasPrefix("count||person|dead|19|") && $0.hasSuffix("|Marrow Emergency Service|1|1|2") })
        for order in Self.orders.dropFirst() {
            #expect(try ledger(after: order) == first, "\(order)")
        }
        // In every order: whichever version of the wire story holds the 14 (the syndicated
        // one, published the day before the 19, or the wire itself, known only by the day it
        // was recorded), the 19 updates it; the 19 is current and conflicts with the
        // volunteers' at least 26 and River Watch's at least 31, each of which conflicts with it alone.
        for order in Self.orders {
            #expect(try toll(after: order) == [
                "14 people|updated by 19|0", "19|current|2", "at least 26 bodies|current|1", "at least 31 people|current|1",
            ], "\(order)")
        }
    }

    /// The death toll's figures: text, whether history (and of what) or current, conflicts.
    private func toll(after order: [String]) throws -> [String] {
        let state = try TemporaryState("toll")
        _ = try ClaimsKept.measure(folder: Examples.folder, order: order, state: state.path)
        let store = try ClaimStore(path: state.layout.claimStore, log: state.layout.log)
        let topic = try #require(try store.figures(FigureFilter(about: "dead")).first)
        return topic.figures.map { line in
            let newer = line.updatedBy.flatMap { name in topic.figures.first { $0.figure == name }?.text }
            return "\(line.text)|\(newer.map { "updated by " + $0 } ?? "current")|\(line.conflicting)"
        }.sorted()
    }

    @Test("the wire story's own claims are recorded whichever version arrives first")
    func wireClaimsRecorded() throws {
        for order in Self.orders {
            let state = try TemporaryState("wire")
            _ = try ClaimsKept.measure(folder: Examples.folder, order: order, state: state.path)
            let store = try ClaimStore(path: state.layout.claimStore, log: state.layout.log)
            // Paragraphs the trimmed copy cut: the treasury's estimate and the inquiry.
            let treasury = try store.claims(ClaimFilter(contains: "preliminary estimate treasury"))
            #expect(treasury.contains { $0.repeats == nil && $0.figures.contains("around $3.5bn") }, "\(order)")
            #expect(try !store.claims(ClaimFilter(contains: "independent inquiry")).isEmpty, "\(order)")
        }
    }
}
