import EventLog
import Foundation
import Ledger
import Testing
@testable import Ingest

/// The pipeline's memory of the record comes back from the log: a restart (or `reindex`)
/// judges the next file exactly as the running pipeline would have.
@Suite struct LogReplayTests {
    @Test("one pass over the log brings back the registry, the articles, the claims and the figures")
    func replayCounts() throws {
        let run = try PipelineRun("replay")
        try run.take(examples: Examples.names)
        try run.close()
        let events = try run.events()
        let replay = try LogReplay.read(log: run.state.layout.log)
        let files = events.filter {
            if case .articleIngested = $0 { return true }
            if case .articleDuplicate = $0 { return true }
            return false
        }
        #expect(replay.registry.count == files.count)
        #expect(replay.files == files.count)
        #expect(replay.articles.map(\.id) == (try run.ingested()).map(\.article))
        #expect(replay.claims.count == (try run.claims()).count)
        #expect(replay.ledger.count > 12)
        // Every file moved to the archive path its event names.
        for event in events {
            if case let .articleIngested(ingested) = event, let archived = ingested.archived {
                #expect(FileManager.default.fileExists(atPath: run.state.path + "/" + archived), "\(archived)")
            }
            if case let .articleDuplicate(copy) = event, let archived = copy.archived {
                #expect(FileManager.default.fileExists(atPath: run.state.path + "/" + archived), "\(archived)")
            }
        }
    }

    @Test("after a restart the next file is judged as the running pipeline judges it")
    func restartJudgesAlike() throws {
        let order = ["coastal-post-trimmed.txt", "kessel-hydro-statement.md", "metro-daily-reheadlined.txt"]
        let restarted = try PipelineRun("restarted", keep: true)
        try restarted.take(examples: order)
        try restarted.restart()
        try restarted.take(examples: ["npa-wire-kessel-dam.txt", "valley-times-syndicated.txt"])
        try restarted.close()

        let live = try PipelineRun("live", keep: true)
        try live.take(examples: order + ["npa-wire-kessel-dam.txt", "valley-times-syndicated.txt"])
        try live.close()

        func summary(_ run: PipelineRun) throws -> [String] {
            // A copy's id depends on the file it came in: its claims are named by its path.
            let copies = Dictionary(try run.copies().map { ($0.article, $0.path) }, uniquingKeysWith: { first, _ in first })
            func name(_ claim: String) -> String {
                copies.reduce(claim) { name, copy in name.replacingOccurrences(of: copy.key, with: copy.value) }
            }
            return try run.events().compactMap { event -> String? in
                switch event {
                case let .articleIngested(article): "article \(article.path) \(article.article) updates \(article.updates ?? "-")"
                case let .articleDuplicate(copy): "copy \(copy.path) of \(copy.of) \(copy.kind) \(copy.reports ?? [])"
                case let .claimExtracted(claim): "claim \(name(claim.claim)) repeats \(claim.repeats ?? "-") updates \(claim.updates ?? "-")"
                case let .articleContained(contained): "contained \(contained.article) within \(contained.within)"
                default: nil
                }
            }
        }
        let (left, right) = (try summary(restarted), try summary(live))
        #expect(left == right, "\(left.enumerated().filter { $0.offset >= right.count || right[$0.offset] != $0.element }.prefix(3)) vs \(right.enumerated().filter { $0.offset >= left.count || left[$0.offset] != $0.element }.prefix(3))")
    }
}
