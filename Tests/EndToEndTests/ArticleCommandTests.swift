import EventLog
import Foundation
import Testing

/// `claimwatch ingest`, `articles`, `show` and `dupes` on the project's example story.
@Suite struct ArticleCommandTests {
    let claimwatch = Executable("claimwatch")

    /// The repository's examples/articles folder.
    static let examples: String = {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("examples/articles").path
    }()

    @Test("ingest reads a folder once: new stories, the wire story's versions as one story, an HTML page and its JSON record as one")
    func ingestExamples() throws {
        let state = TemporaryFolder("ingest")
        let first = try claimwatch.run(["ingest", "--state", state.path, Self.examples])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("8 files"))
        // In name order the trimmed wire copy comes first, then the re-headlined full story,
        // which holds more: both are articles, and the rest of the wire versions copy the fuller.
        #expect(first.stdout.contains("5 new articles, 3 copies, 0 refused"))

        let records = try EventLogReader(directory: state.path + "/log").cursor()
        var ingested: [String: ArticleIngested] = [:]
        var copies: [ArticleDuplicate] = []
        var contained: [ArticleContained] = []
        while case let .record(record)? = try records.next() {
            if record.type == ArticleIngested.eventType {
                let article = try record.decode(ArticleIngested.self)
                ingested[article.path] = article
            } else if record.type == ArticleDuplicate.eventType {
                copies.append(try record.decode(ArticleDuplicate.self))
            } else if record.type == ArticleContained.eventType {
                contained.append(try record.decode(ArticleContained.self))
            }
        }
        let trimmed = try #require(ingested["coastal-post-trimmed.txt"])
        let fuller = try #require(ingested["metro-daily-reheadlined.txt"])
        #expect(contained.map(\.article) == [trimmed.article])
        #expect(contained.map(\.within) == [fuller.article])
        #expect(copies.filter { $0.of == fuller.article }.map(\.path).sorted() == ["npa-wire-kessel-dam.txt", "valley-times-syndicated.txt"])
        // The HTML page and the JSON record of the Courier story have the same clean text.
        let courier = try #require(ingested["halvern-courier-dam.html"])
        let record = try #require(copies.first { $0.path == "halvern-courier-dam.json" })
        #expect(record.of == courier.article)
        #expect(record.kind == .exact)
        #expect(courier.title == "Death toll disputed as Kessel valley counts its losses")
        #expect(courier.outlet == "Halvern Courier")
        // Different articles on the same story are never copies of each other.
        #expect(ingested["river-watch-report.txt"] != nil)
        #expect(ingested["kessel-hydro-statement.md"] != nil)
        // The sources stay where they are, the events say so, and a second run records nothing new.
        #expect(FileManager.default.fileExists(atPath: Self.examples + "/npa-wire-kessel-dam.txt"))
        #expect(ingested.values.allSatisfy { $0.kept == true && $0.archived == nil })
        let second = try claimwatch.run(["ingest", "--state", state.path, Self.examples])
        #expect(second.stdout.contains("0 new articles, 0 copies, 0 refused, 8 already recorded"))
    }

    @Test("articles, show and dupes list stories, each shown by its fullest version with the others under it")
    func listing() throws {
        let state = TemporaryFolder("listing")
        _ = try claimwatch.run(["ingest", "--state", state.path, Self.examples])

        let articles = try claimwatch.run(["articles", "--state", state.path, "--json"])
        let lines = try articles.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.count == 4)
        #expect(lines.map { $0["seq"] as? Int ?? 0 } == lines.map { $0["seq"] as? Int ?? 0 }.sorted(by: >), "newest first")
        #expect(lines.first { $0["path"] as? String == "coastal-post-trimmed.txt" } == nil, "the trimmed copy is not a story")
        let wire = try #require(lines.first { $0["path"] as? String == "metro-daily-reheadlined.txt" })
        // Its two copies' records, and the trimmed version it contains.
        #expect((wire["copies"] as? [[String: Any]])?.count == 2)
        #expect((wire["versions"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["coastal-post-trimmed.txt"])

        // Asked by the trimmed version's id, show shows the article by its fullest version.
        let catalog = try EventLogReader(directory: state.path + "/log").cursor()
        var trimmedID = ""
        while case let .record(record)? = try catalog.next() {
            guard record.type == ArticleIngested.eventType, let article = try? record.decode(ArticleIngested.self) else { continue }
            if article.path == "coastal-post-trimmed.txt" { trimmedID = article.article }
        }
        let show = try claimwatch.run(["show", "--state", state.path, String(trimmedID.prefix(7))])
        #expect(show.status == 0)
        #expect(show.stdout.contains("is an earlier version of this article"))
        #expect(show.stdout.contains("Floodwater from the breached Kessel Dam"))
        #expect(show.stdout.contains("Prime Minister Tomas Reyn"), "the fuller version's text")
        #expect(show.stdout.contains("contained in"))
        #expect(show.stdout.contains("npa-wire-kessel-dam.txt"))
        #expect(!show.stdout.contains("Read more"), "the stored text has no page furniture")

        let dupes = try claimwatch.run(["dupes", "--state", state.path])
        #expect(dupes.stdout.contains("2 articles with 3 copies and 1 other version"))
        let missing = try claimwatch.run(["show", "--state", state.path, "ffffffffffff"])
        #expect(missing.status != 0)
    }

    @Test("ingest refuses politely while claimwatchd holds the log")
    func ingestWhileDaemonRuns() throws {
        let harness = DaemonHarness("ingest-locked")
        try harness.start()
        defer { harness.stop() }
        let result = try claimwatch.run(["ingest", "--state", harness.state.path, Self.examples])
        #expect(result.status != 0)
        #expect(result.stderr.contains("copy the files into its drop folder"))
    }
}

/// The near-copy index persists between runs, and `reindex` rebuilds it from the log.
@Suite struct IndexPersistenceTests {
    let claimwatch = Executable("claimwatch")

    /// Two folders: originals, then copies of them, re-headlined. (The new headlines carry no
    /// number: a number a headline adds to its story is new material, and would make the
    /// copy an update.)
    private func folders() throws -> (state: TemporaryFolder, originals: TemporaryFolder, copies: TemporaryFolder) {
        let state = TemporaryFolder("index"), originals = TemporaryFolder("originals"), copies = TemporaryFolder("copies")
        for index in 0..<3 {
            let text = SampleArticle.text(300 + index)
            try Data(text.utf8).write(to: URL(fileURLWithPath: originals.path + "/story-\(index).txt"))
            let body = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            try Data(("A new headline for story \(["A", "B", "C"][index])\n" + body.joined(separator: "\n")).utf8)
                .write(to: URL(fileURLWithPath: copies.path + "/copy-\(index).txt"))
        }
        return (state, originals, copies)
    }

    @Test("copies are recognised after a restart from the saved fingerprints alone")
    func fingerprintsPersist() throws {
        let (state, originals, copies) = try folders()
        _ = try claimwatch.run(["ingest", "--state", state.path, originals.path])
        #expect(FileManager.default.fileExists(atPath: state.path + "/index/fingerprints.bin"))
        // Without the stored texts, only the fingerprint file can tell the next run what it has seen.
        try FileManager.default.moveItem(atPath: state.path + "/articles", toPath: state.path + "/articles-aside")
        let second = try claimwatch.run(["ingest", "--state", state.path, copies.path])
        #expect(second.stdout.contains("0 new articles, 3 copies"), "\(second.stdout)")
    }

    @Test("fingerprints made with other parameters are rebuilt from the stored texts, and reindex rewrites them")
    func staleAndReindex() throws {
        let (state, originals, copies) = try folders()
        _ = try claimwatch.run(["ingest", "--state", state.path, originals.path])
        let file = state.path + "/index/fingerprints.bin"
        try Data("claimwatch fingerprints 0\nfrom an older version".utf8).write(to: URL(fileURLWithPath: file))
        let second = try claimwatch.run(["ingest", "--state", state.path, copies.path])
        #expect(second.stdout.contains("0 new articles, 3 copies"), "\(second.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)).starts(with: Data("claimwatch fingerprints 1\n".utf8)))

        try FileManager.default.removeItem(atPath: file)
        let reindex = try claimwatch.run(["reindex", "--state", state.path])
        #expect(reindex.status == 0)
        #expect(reindex.stdout.contains("reindexed 3 articles"))
        #expect(FileManager.default.fileExists(atPath: file))
    }
}

/// Claims from the example story, as `claimwatch ingest` records them.
@Suite struct ClaimEventTests {
    let claimwatch = Executable("claimwatch")

    @Test("claims are recorded for articles, and for copies only where they restate a claim in other words, each pointing into the stored text")
    func claimsFromExamples() throws {
        let state = TemporaryFolder("claims")
        let result = try claimwatch.run(["ingest", "--state", state.path, ArticleCommandTests.examples])
        #expect(result.status == 0)
        var articles: [String: ArticleIngested] = [:]
        var copies: Set<String> = []
        var copyContent: [String: String] = [:]
        var claims: [ClaimExtracted] = []
        let cursor = try EventLogReader(directory: state.path + "/log").cursor()
        while case let .record(record)? = try cursor.next() {
            switch record.type {
            case ArticleIngested.eventType:
                let article = try record.decode(ArticleIngested.self)
                articles[article.article] = article
            case ArticleDuplicate.eventType:
                let copy = try record.decode(ArticleDuplicate.self)
                copies.insert(copy.article)
                copyContent[copy.article] = copy.content
            case ClaimExtracted.eventType: claims.append(try record.decode(ClaimExtracted.self))
            default: break
            }
        }
        #expect(!claims.isEmpty)
        #expect(claims.allSatisfy { articles[$0.article] != nil || copies.contains($0.article) })
        // A copy adds nothing: its claims only say again, in its words, what is recorded.
        #expect(claims.filter { copies.contains($0.article) }.allSatisfy { $0.updates == nil })
        #expect(Set(claims.map(\.claim)).count == claims.count, "claim ids are unique")

        // Every span is the claim's text, in Unicode scalars of the stored article text.
        for claim in claims {
            let content = try #require(articles[claim.article]?.content ?? copyContent[claim.article])
            let stored = try String(contentsOfFile: state.path + "/articles/" + content.prefix(2) + "/" + content + ".txt",
                                    encoding: .utf8)
            let span = try #require(claim.span)
            let scalars = Array(stored.unicodeScalars)
            #expect(span.start >= 0 && span.end <= scalars.count && span.start < span.end)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[span.start..<min(span.end, scalars.count)])
            #expect(String(text) == claim.text)
        }

        let byPath = { (path: String) in claims.filter { articles[$0.article]?.path == path } }
        let statement = byPath("kessel-hydro-statement.md")
        #expect(statement.contains { $0.stance == "denies" && $0.claimant?.canonical == "Kessel Hydro" })
        let watchdog = byPath("river-watch-report.txt")
        #expect(watchdog.contains { claim in
            claim.claimant?.canonical == "River Watch"
                && claim.figures.contains { $0.low == 31 && $0.high == nil && $0.bound == "atLeast" && $0.counted == "people" }
        })
        let wire = claims.filter { articles[$0.article]?.path == "coastal-post-trimmed.txt" }
        // The full story's paragraphs the trimmed copy cut are read, whichever came first.
        #expect(claims.contains { $0.repeats == nil && $0.figures.contains { $0.low == 3_500_000_000 } && $0.text.contains("Insurers") })
        #expect(wire.contains { claim in
            claim.claimant?.canonical == "Anna Brandt"
                && claim.figures.contains { $0.low == 40_000_000 && $0.high == 40_000_000 && $0.unit == "EUR" }
        })
    }
}
