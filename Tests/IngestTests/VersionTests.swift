import EventLog
import Foundation
import Store
import Testing
@testable import Ingest

/// What the pipeline records when an article is a version of one it has: a copy when it adds
/// nothing, an article of its own when it brings something, and the fuller one standing for
/// the story whatever came first.
@Suite struct VersionTests {
    static let wire = "npa-wire-kessel-dam.txt"
    static let trimmed = "coastal-post-trimmed.txt"

    /// The wire story a day later: the toll and the displaced changed, nothing else.
    static func updatedWire() throws -> String {
        let text = try Examples.text(wire)
        let updated = text.replacingOccurrences(of: "said 14 people were confirmed dead", with: "said 22 people were confirmed dead")
            .replacingOccurrences(of: "about 12,000 residents", with: "about 16,000 residents")
        #expect(updated != text)
        return updated
    }

    @Test("the full story after its trimmed copy is an article of its own, and the trimmed one lies inside it")
    func fullerAfterTrimmed() throws {
        let run = try PipelineRun("fuller", keep: true)
        try run.take(examples: [Self.trimmed, Self.wire])
        try run.close()
        let articles = try run.ingested()
        #expect(articles.map(\.path) == [Self.trimmed, Self.wire])
        let contained = try run.events().compactMap { if case let .articleContained(event) = $0 { event } else { nil } }
        #expect(contained.count == 1)
        #expect(contained.first?.article == articles[0].article)
        #expect(contained.first?.within == articles[1].article)
        // The wire story's paragraphs the trimmed copy cut are read: its treasury estimate is a claim.
        let claims = try run.claims()
        let wireClaims = claims.filter { $0.article == articles[1].article }
        #expect(wireClaims.contains { $0.repeats == nil && $0.figures.contains { $0.low == 3_500_000_000 } })
        // What both say is one report: the wire story repeats the trimmed copy's claims.
        let toll = try #require(claims.first { $0.article == articles[0].article && $0.text.contains("14 people") })
        #expect(wireClaims.contains { $0.repeats == toll.claim && $0.text == toll.text })
        // The catalog shows the fuller version as the story, the trimmed one under it.
        let catalog = try ArticleCatalog(log: run.state.layout.log)
        let story = try #require(catalog.story(id: articles[0].article))
        #expect(story.representative.ingested.article == articles[1].article)
        #expect(story.versions.map(\.ingested.article) == [articles[0].article])
    }

    @Test("the trimmed copy after the full story is a copy that lists the claims it carries")
    func trimmedAfterFull() throws {
        let run = try PipelineRun("trimmed", keep: true)
        try run.take(examples: [Self.wire, Self.trimmed])
        try run.close()
        let copy = try #require(try run.copies().first)
        let original = try #require(try run.ingested().first)
        #expect(copy.of == original.article)
        #expect(copy.kind == .contained)
        let reports = try #require(copy.reports)
        let wireClaims = try run.claims().filter { $0.article == original.article }
        #expect(!reports.isEmpty)
        #expect(Set(reports).isSubset(of: Set(wireClaims.map(\.claim))))
        // The paragraphs it cut are not among what it carries.
        let treasury = try #require(wireClaims.first { $0.figures.contains { $0.low == 3_500_000_000 } })
        #expect(!reports.contains(treasury.claim))
    }

    @Test("an update with a changed toll is an article that names the claims it updates; the ledger keeps the old figure as history")
    func updateWithChangedFigures() throws {
        let run = try PipelineRun("update", keep: true)
        try run.take(examples: [Self.wire])
        try run.take("npa-wire-update.txt", try Self.updatedWire())
        try run.close()
        let articles = try run.ingested()
        #expect(articles.count == 2)
        #expect(articles[1].updates == articles[0].article)
        let claims = try run.claims()
        let old = try #require(claims.first { $0.article == articles[0].article && $0.text.contains("14 people") })
        let new = try #require(claims.first { $0.article == articles[1].article && $0.text.contains("22 people") })
        #expect(new.updates == old.claim)
        #expect(new.repeats == nil)
        #expect(claims.contains { $0.article == articles[1].article && $0.text.contains("16,000") && $0.updates != nil })
        // Everything else it says is a report of the first version's claims.
        let rest = claims.filter { $0.article == articles[1].article && $0.updates == nil }
        #expect(!rest.isEmpty && rest.allSatisfy { $0.repeats != nil })
        // The new toll does not conflict with the one it updates.
        let compared = try run.events().compactMap { if case let .figureCompared(event) = $0 { event } else { nil } }
        #expect(!compared.contains { $0.claim == new.claim && $0.conflicts.contains { $0.claim == old.claim } })

        let store = try ClaimStore(path: run.state.layout.claimStore, log: run.state.layout.log)
        let dead = try #require(try store.figures(about: "dead").first)
        let oldLine = try #require(dead.figures.first { $0.figure == old.claim + "#0" })
        let newLine = try #require(dead.figures.first { $0.figure == new.claim + "#0" })
        #expect(oldLine.updatedBy == newLine.figure)
        #expect(newLine.updates == old.claim)
        #expect(oldLine.conflicting == 0 && newLine.conflicting == 0)
    }

    @Test("an article made of two recorded ones copies neither")
    func composite() throws {
        let run = try PipelineRun("composite", keep: true)
        let statement = try Examples.text("kessel-hydro-statement.md")
        let watch = try Examples.text("river-watch-report.txt")
        try run.take("statement.md", statement)
        try run.take("watch.txt", watch)
        try run.take("both.txt", watch + "\n\n" + statement)
        try run.close()
        #expect(try run.copies().isEmpty)
        let both = try #require(try run.ingested().first { $0.path == "both.txt" })
        #expect(both.updates == nil)
        // Its claims are all reports of the two it is made of.
        let claims = try run.claims().filter { $0.article == both.article }
        #expect(!claims.isEmpty && claims.allSatisfy { $0.repeats != nil })
    }

    @Test("a refused article is not remembered: taken again, it is an article, not a copy of itself")
    func refusedArticleForgotten() throws {
        let run = try PipelineRun("refused", keep: true)
        _ = FileManager.default.createFile(atPath: run.diskFull, contents: Data())
        try run.take(examples: [Self.wire])
        #expect(throws: IngestError.self) { try run.drain() }
        try FileManager.default.removeItem(atPath: run.diskFull)
        try run.take(Self.wire, try Examples.text(Self.wire))
        try run.close()
        #expect(try run.ingested().map(\.path) == [Self.wire])
        #expect(try run.copies().isEmpty)
    }
}
