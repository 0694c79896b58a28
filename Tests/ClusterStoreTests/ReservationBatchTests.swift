import ClusterStore
import Ingest
import PostgresTestSupport
import Testing

/// Reservations and look-ups a batch at a time (a host reconciling after an outage) on a
/// real PostgreSQL, against another host reserving one at a time from its own thread.
@Suite struct ReservationBatchTests {
    @Test("a batch of reservations against one-at-a-time reservations of the same stories at once: one original per story")
    func batchAgainstSingles() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "reservebatch")
        let configuration = try database.configuration
        let stories = 60
        async let batched = onThread { () -> [OriginalReserver.Outcome] in
            let alpha = OriginalReserver(database: configuration, host: "alpha", logger: TestHost.quiet,
                                         timeout: ReservationTests.patience)
            defer { alpha.close() }
            // Two batches, the second while beta is still at work.
            let requests = (0..<stories).map { ReservationTests.request(story: $0, host: "alpha", article: "a\($0)") }
            return alpha.reserve(Array(requests[..<(stories / 2)]), known: []) + alpha.reserve(Array(requests[(stories / 2)...]), known: [])
        }
        async let singles = onThread { () -> [OriginalReserver.Outcome] in
            let beta = OriginalReserver(database: configuration, host: "beta", logger: TestHost.quiet, timeout: ReservationTests.patience)
            defer { beta.close() }
            return (0..<stories).reversed().map {
                beta.reserve(ReservationTests.request(story: $0, host: "beta", article: "b\($0)"), known: [])
            }.reversed()
        }
        let alpha = await batched, beta = await singles
        #expect(alpha.count == stories && beta.count == stories)
        for story in 0..<min(alpha.count, beta.count) {
            #expect([alpha[story], beta[story]].filter { $0 == .reserved }.count == 1, "story \(story): \(alpha[story]) / \(beta[story])")
            for (outcome, other) in [(alpha[story], "beta"), (beta[story], "alpha")] {
                guard case let .earlier(held) = outcome else { continue }
                #expect(held.map(\.host) == [other], "story \(story)")
                #expect(held.first?.text.hasPrefix("text of ") == true)
            }
        }
        let originals = try database.server.psql("SELECT count(*) FROM claimwatch.originals", database: database.name)
        #expect(originals == "\(stories)")
        // Every reserved article's 24 keys counted once, whichever way it was reserved.
        let counted = try database.server.psql("SELECT sum(originals) FROM claimwatch.band_counts", database: database.name)
        #expect(counted == "\(stories * 24)")
    }

    @Test("a batch reservation told thousands of known articles: only originals it does not know hold an article up")
    func knownAmongThousands() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "reserveknownbatch")
        let configuration = try database.configuration
        let stories = 10
        typealias Outcomes = (first: [OriginalReserver.Outcome], second: [OriginalReserver.Outcome])
        let outcomes = await Self.withAlphaAndBeta(configuration) { alpha, beta -> Outcomes in
            _ = alpha.reserve((0..<stories).map { ReservationTests.request(story: $0, host: "alpha", article: "a\($0)") }, known: [])
            // beta knows alpha's first five, among as many articles as a host learns in a busy hour.
            var known = Set((0..<20_000).map { "elsewhere\($0)" })
            known.formUnion((0..<5).map { "a\($0)" })
            let copies = (0..<stories).map { ReservationTests.request(story: $0, host: "beta", article: "b\($0)") }
            let first = beta.reserve(copies, known: known)
            // Once it has learned the others, every copy goes through.
            known.formUnion((0..<stories).map { "a\($0)" })
            return (first, beta.reserve(copies, known: known))
        }
        for story in 0..<stories {
            let outcome = outcomes.first[story]
            if story < 5 {
                #expect(outcome == .reserved, "story \(story): \(outcome)")
            } else {
                guard case let .earlier(held) = outcome else {
                    Issue.record("story \(story): \(outcome), not held by alpha's")
                    continue
                }
                #expect(held.map(\.article) == ["a\(story)"])
                #expect(held.first?.text == "text of a\(story)")
            }
        }
        #expect(outcomes.second == Array(repeating: .reserved, count: stories))
        let beta = try database.server.psql("SELECT count(*) FROM claimwatch.originals WHERE host = 'beta'", database: database.name)
        #expect(beta == "\(stories)")
        let counted = try database.server.psql("SELECT sum(originals) FROM claimwatch.band_counts", database: database.name)
        #expect(counted == "\(2 * stories * 24)")
    }

    @Test("a batch look-up answers each request with the other hosts' earlier originals only, in the requests' order")
    func earlierInBatches() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "earlierbatch")
        let configuration = try database.configuration
        let answers = await Self.withAlphaAndBeta(configuration) { alpha, beta -> (earlier: [[String]]?, withdrawn: Bool) in
            // alpha holds stories 0 and 2.
            _ = alpha.reserve([0, 2].map { ReservationTests.request(story: $0, host: "alpha", article: "a\($0)") }, known: [])
            var later = (0..<3).map { ReservationTests.request(story: $0, host: "beta", article: "b\($0)") }
            for index in later.indices { later[index].recorded = "2026-12-06T03:00:01.000Z" }
            // Story 2's copy on beta recorded before alpha's: alpha's is not earlier.
            later[2].recorded = "2026-12-06T02:59:59.000Z"
            let earlier = beta.earlier(than: later).map { $0.map { $0.map { "\($0.host)/\($0.article)/\($0.text)" } } }
            return (earlier, alpha.withdraw(["a0", "a2"]))
        }
        #expect(answers.earlier == [["alpha/a0/text of a0"], [], []])
        #expect(answers.withdrawn)
        let left = try database.server.psql("SELECT count(*) FROM claimwatch.originals", database: database.name)
        #expect(left == "0")
        let counted = try database.server.psql("SELECT coalesce(sum(originals), 0) FROM claimwatch.band_counts", database: database.name)
        #expect(counted == "0")
    }

    /// Runs `body` on a thread of its own with a reserver for host alpha and one for beta,
    /// closed after.
    private static func withAlphaAndBeta<Value: Sendable>(
        _ configuration: DatabaseConfiguration,
        _ body: @escaping @Sendable (OriginalReserver, OriginalReserver) -> Value
    ) async -> Value {
        await onThread {
            let alpha = OriginalReserver(database: configuration, host: "alpha", logger: TestHost.quiet,
                                         timeout: ReservationTests.patience)
            let beta = OriginalReserver(database: configuration, host: "beta", logger: TestHost.quiet, timeout: ReservationTests.patience)
            defer {
                alpha.close()
                beta.close()
            }
            return body(alpha, beta)
        }
    }
}
