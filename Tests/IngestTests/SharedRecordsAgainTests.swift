import EventLog
import Foundation
import Testing
@testable import Ingest

/// Another host's records handed over a second time (a follower that found the shared
/// stream gone back under it reads it again from its beginning): each is applied once.
@Suite struct SharedRecordsAgainTests {
    @Test("records of another host handed over again change nothing; the ones after them are applied")
    func appliedOnce() throws {
        let alpha = try PipelineRun("again-alpha", keep: true)
        let beta = try PipelineRun("again-beta")
        try alpha.take(examples: ["npa-wire-kessel-dam.txt", "halvern-courier-dam.html", "river-watch-report.txt"])
        try alpha.drain()
        let records = try alpha.shared(as: "alpha")
        let cut = records.count - 3
        beta.pipeline.applyShared(Array(records[..<cut]), atHead: true)
        let once = (beta.pipeline.sharing.applied, beta.pipeline.sharing.records.count, beta.pipeline.sharing.known)
        #expect(once.0.articles >= 2 && once.0.claims > 0)

        // From the beginning again, this time through the records not handed over before.
        beta.pipeline.applyShared(records, atHead: true)
        let again = records[cut...].filter { ["article.ingested", "article.duplicate", "claim.extracted", "story.merged"].contains($0.record.type) }
        #expect(beta.pipeline.sharing.records.count == once.1 + again.count)
        beta.pipeline.applyShared(records, atHead: true)
        #expect(beta.pipeline.sharing.records.count == once.1 + again.count)
        #expect(beta.pipeline.sharing.known.isSuperset(of: once.2))
        let applied = beta.pipeline.sharing.applied
        #expect(applied.articles + applied.copies + applied.claims
                == records.filter { ["article.ingested", "article.duplicate", "claim.extracted"].contains($0.record.type) }.count)
    }
}
