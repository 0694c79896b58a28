import ClusterStore
import Ingest
import Foundation
import PostgresTestSupport
import Testing

/// Reservations of originals on a real PostgreSQL, from real threads at once: of two hosts
/// reserving articles that share band keys, exactly one gets its reservation, and the
/// other is told of it, with its text.
@Suite struct ReservationTests {
    /// How long a reservation may wait for its answer here (its work runs on the driver's
    /// event loop, the server shares two cores with every other suite under make test): a
    /// hang is bounded, no speed is asserted.
    static let patience: Duration = .seconds(240)

    /// A story's article as host `host` would reserve it: copies of one story share most
    /// band keys (here, all but the one that differs per host).
    static func request(story: Int, host: String, article: String) -> OriginalReserver.Request {
        var bands = (0..<24).map { Int64($0) << 32 | Int64(story * 1_000 + $0) }
        bands[23] = Int64(23) << 32 | Int64(host == "alpha" ? 900_000 + story : 800_000 + story)
        return OriginalReserver.Request(article: article, content: article + String(repeating: "0", count: 48),
                                        text: "text of \(article)", bands: bands, recorded: "2026-12-06T03:00:00.000Z")
    }

    @Test("two hosts reserving copies of the same stories from two threads at once: one original per story")
    func oneOriginalPerStory() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "reserve")
        let configuration = try database.configuration
        let stories = 40
        // Each host on a thread of its own, as the daemon's pipeline is: the reservers block theirs.
        async let alphaOutcomes = onThread { Self.reserveAll(stories, host: "alpha", configuration: configuration) }
        async let betaOutcomes = onThread { Self.reserveAll(stories, host: "beta", configuration: configuration) }
        let all = ["alpha": await alphaOutcomes, "beta": await betaOutcomes]
        for story in 0..<stories {
            let alpha = all["alpha"]?[story], beta = all["beta"]?[story]
            let reserved = [alpha, beta].filter { $0 == .reserved }.count
            #expect(reserved == 1, "story \(story): \(String(describing: alpha)) / \(String(describing: beta))")
            // The host that came second learns the first one's original, text and all.
            for (outcome, other) in [(alpha, "beta"), (beta, "alpha")] {
                guard case let .earlier(held)? = outcome else { continue }
                #expect(held.map(\.host) == [other], "story \(story)")
                #expect(held.first?.text.hasPrefix("text of ") == true)
            }
        }
        let count = try database.server.psql("SELECT count(*) FROM claimwatch.originals", database: database.name)
        #expect(count == "\(stories)")
    }

    @Test("an original the host already knows does not hold its reservation up; stale reservations are released")
    func knownOriginalsAndRelease() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "reserveknown")
        let configuration = try database.configuration
        let steps = await onThread { Self.knownAndRelease(configuration) }
        #expect(steps == [.reserved, .reserved, .reserved])
        let left = try database.server.psql("SELECT article FROM claimwatch.originals ORDER BY article", database: database.name)
        #expect(left == "a1\nb1")
        let bands = try database.server.psql("SELECT count(*) FROM claimwatch.bands WHERE article = 'a2'", database: database.name)
        #expect(bands == "0")
    }

    @Test("the articles a host says it knows are passed over from the first call, and only when it does know them")
    func passingKnownNeighbours() async throws {
        let database = try TestDatabase(try PostgresServer.forTest(), "reservepassing")
        let configuration = try database.configuration
        let steps = await onThread { Self.passing(configuration) }
        #expect(steps.count == 3)
        // A hint naming an article the host does not know hides nothing: it is handed back.
        #expect(steps.first == .earlier([OriginalReserver.Held(article: "a1", content: "a1" + String(repeating: "0", count: 48),
                                                                host: "alpha", text: "text of a1", recorded: "2026-12-06T03:00:00.000Z")]))
        #expect(Array(steps.dropFirst()) == [.reserved, .reserved])
        let reserved = try database.server.psql("SELECT article FROM claimwatch.originals ORDER BY article", database: database.name)
        #expect(reserved == "a1\nb1\nb2")
    }

    private static func passing(_ configuration: DatabaseConfiguration) -> [OriginalReserver.Outcome] {
        withHosts(configuration) { alpha, beta in passing(alpha, beta) }
    }

    private static func passing(_ alpha: OriginalReserver, _ beta: OriginalReserver) -> [OriginalReserver.Outcome] {
        let first = alpha.reserve(request(story: 1, host: "alpha", article: "a1"), known: [])
        guard first == .reserved else { return [first] }
        var steps: [OriginalReserver.Outcome] = []
        var b1 = request(story: 1, host: "beta", article: "b1")
        b1.passing = ["a1"]
        steps.append(beta.reserve(b1, known: []))
        steps.append(beta.reserve(b1, known: ["a1"]))
        // Passing over an article that holds none of the keys changes nothing.
        var b2 = request(story: 2, host: "beta", article: "b2")
        b2.passing = ["a1", "nowhere"]
        steps.append(beta.reserve(b2, known: ["a1", "nowhere"]))
        return steps
    }

    private static func reserveAll(_ stories: Int, host: String, configuration: DatabaseConfiguration) -> [Int: OriginalReserver.Outcome] {
        let reserver = OriginalReserver(database: configuration, host: host, logger: TestHost.quiet, timeout: Self.patience)
        defer { reserver.close() }
        var outcomes: [Int: OriginalReserver.Outcome] = [:]
        for story in 0..<stories {
            let article = String(format: "%@%04d", host == "alpha" ? "aaaaaaaaaaaa" : "bbbbbbbbbbbb", story)
            outcomes[story] = reserver.reserve(request(story: story, host: host, article: article), known: [])
        }
        return outcomes
    }

    private static func knownAndRelease(_ configuration: DatabaseConfiguration) -> [OriginalReserver.Outcome] {
        withHosts(configuration) { alpha, beta in knownAndRelease(alpha, beta) }
    }

    /// Reservers for hosts alpha and beta on one database, closed after `body`.
    private static func withHosts<Value>(_ configuration: DatabaseConfiguration,
                                         _ body: (OriginalReserver, OriginalReserver) -> Value) -> Value {
        let alpha = OriginalReserver(database: configuration, host: "alpha", logger: TestHost.quiet, timeout: patience)
        let beta = OriginalReserver(database: configuration, host: "beta", logger: TestHost.quiet, timeout: patience)
        defer {
            alpha.close()
            beta.close()
        }
        return body(alpha, beta)
    }

    private static func knownAndRelease(_ alpha: OriginalReserver, _ beta: OriginalReserver) -> [OriginalReserver.Outcome] {
        var steps: [OriginalReserver.Outcome] = []
        steps.append(alpha.reserve(request(story: 1, host: "alpha", article: "a1"), known: []))
        // beta knows a1 (it learned it) and judged its own article new all the same: reserved.
        steps.append(beta.reserve(request(story: 1, host: "beta", article: "b1"), known: ["a1"]))
        steps.append(alpha.reserve(request(story: 2, host: "alpha", article: "a2"), known: []))
        // alpha's log holds a1 only: a2 was reserved before a crash and never recorded.
        if alpha.release(except: ["a1"]) != 1 { steps.append(.unavailable("release")) }
        return steps
    }
}

/// Runs `body` on a thread of its own, as the daemon runs its pipeline: a reserver blocks
/// the thread that calls it, which must not be one of the cooperative pool's two (the other
/// suites' async work needs them).
func onThread<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: body()) }
    }
}
