import EventLog
import Foundation
// The shared temporary folder, for every file here.
@_exported import TestSupport

typealias TemporaryFolder = TemporaryDirectory

extension TemporaryDirectory {
    var log: String { file("log") }
    var database: String { file("claims.sqlite") }
}

/// Invented articles and claims, written to a real log.
enum StoreFixtures {
    static func article(_ id: String, outlet: String?) -> ArticleIngested {
        ArticleIngested(article: id, path: id + ".txt", content: id + "-content", format: "text", title: "Story " + id,
                        outlet: outlet, published: "2026-11-1\(id.count % 10)", bytes: 100, words: 20)
    }

    static func copy(_ id: String, of original: String) -> ArticleDuplicate {
        ArticleDuplicate(article: id, path: id + ".txt", of: original, kind: .near, similarity: 0.93, bytes: 100)
    }

    static func claim(_ id: String, article: String, claimant: String?, canonical: String? = nil, text: String,
                      figures: [ClaimExtracted.Figure] = []) -> ClaimExtracted {
        ClaimExtracted(claim: id, article: article, text: text, content: text, span: nil,
                       claimant: claimant.map { .init(name: $0, canonical: canonical ?? $0, kind: "person") },
                       cue: claimant == nil ? nil : "said", stance: "asserts", hedges: [], quote: false, figures: figures)
    }

    static func dead(_ text: String, low: Double, bound: FigureBound = .exact) -> ClaimExtracted.Figure {
        .init(text: text, low: low, high: bound == .exact ? low : nil, bound: bound, unit: nil, counted: "people")
    }

    /// Two outlets and a copy on one invented flood, with a conflict on the death toll.
    static let story: [any EventPayload] = [
        article("aaaa1111", outlet: "Wire"),
        claim("aaaa1111-1", article: "aaaa1111", claimant: "Governor Anna Brandt", canonical: "Anna Brandt",
              text: "Governor Anna Brandt said 9 people were confirmed dead.", figures: [dead("9 people", low: 9)]),
        claim("aaaa1111-2", article: "aaaa1111", claimant: nil, text: "The river rose quickly after the storm."),
        copy("cccc3333", of: "aaaa1111"),
        article("bbbb2222", outlet: "Courier"),
        claim("bbbb2222-1", article: "bbbb2222", claimant: "River Watch",
              text: "River Watch said at least 15 people had died.", figures: [dead("at least 15 people", low: 15, bound: "atLeast")]),
        claim("bbbb2222-2", article: "bbbb2222", claimant: "Brandt", canonical: "Anna Brandt",
              text: "Brandt said 9 people were confirmed dead.", figures: [dead("9 people", low: 9)]),
    ]

    static func write(_ events: [any EventPayload], to folder: TemporaryFolder) throws {
        let writer = try EventLogWriter(configuration: .init(directory: folder.log))
        _ = try writer.enqueue(events)
        try writer.flush()
        try writer.close()
    }
}
