import Foundation
import Testing
@testable import EventLog

/// The hand-written field encodings must say exactly what `Codable` says.
@Suite struct DirectEncodingTests {
    private func direct(_ payload: some EventPayload) throws -> [UInt8] {
        var writer = EventFieldWriter(fields: 1)
        writer.output.raw("{\"x\":0")
        try payload.writeFields(to: &writer)
        return writer.output.bytes
    }

    private func viaCodable(_ payload: some EventPayload) throws -> [UInt8] {
        var output = JSONOutput()
        output.raw("{\"x\":0")
        try StreamingJSONEncoder.appendFields(of: payload, to: &output, existingFields: 1)
        return output.bytes
    }

    private func expectSame(_ payload: some EventPayload) throws {
        let fast = try direct(payload)
        let reference = try viaCodable(payload)
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: reference, as: UTF8.self))
    }

    static let file = FileIdentity(device: 2049, inode: 77, size: 4096, mtime: -5)

    @Test("article.ingested, with every optional field present and with none")
    func ingested() throws {
        try expectSame(ArticleIngested(article: "a", path: "p/“q”\n.txt", content: "c", format: "html", title: "T \"x\"",
                                       outlet: "O", url: "https://x.example/a?b=1", published: "2026-11-01", byline: "By Me",
                                       modified: "2026-11-02T08:00:00Z", authors: ["Ana Ruiz", "Bo \"B\" Lind"],
                                       language: "es-MX", bytes: 10, words: 2, file: Self.file, updates: "u",
                                       archived: "archive/2026-11-01/p.txt", kept: false))
        try expectSame(ArticleIngested(article: "a", path: "p", content: "c", format: "html", authors: [], bytes: 1, words: 1))
        try expectSame(ArticleIngested(article: "a", path: "p", content: "c", format: "text", bytes: 0, words: 0, kept: true))
        try expectSame(ArticleIngested(article: "a", path: "p", content: "c", format: "text", bytes: 0, words: 0))
        try expectSame(ArticleIngested(article: "a", path: "p", content: "c", format: "text", bytes: 0, words: 0, kept: true,
                                       story: "s\"0"))
    }

    @Test("article.duplicate, file.rejected")
    func duplicateAndRejected() throws {
        try expectSame(ArticleDuplicate(article: "a", path: "p", of: "o", kind: .contained, similarity: 0.4667,
                                        containment: 1, content: "c", bytes: 5, file: Self.file, reports: ["o-1", "x-2"],
                                        archived: "archive/d/p", kept: true))
        try expectSame(ArticleDuplicate(article: "a", path: "p", of: "o", kind: .near, similarity: 0.9, bytes: 5, reports: []))
        try expectSame(ArticleDuplicate(article: "a", path: "p", of: "o", kind: .exact, similarity: 1, bytes: 5))
        try expectSame(ArticleDuplicate(article: "a", path: "p", of: "o", kind: .near, similarity: 0.9, bytes: 5, reports: ["o-1"],
                                        story: "o"))
        try expectSame(FileRejected(path: "f\u{1}", reason: "not-text", message: "binary", quarantined: "q/f", file: Self.file))
        try expectSame(FileRejected(path: "f", reason: "symlink", message: "link"))
    }

    @Test("claim.extracted with nested claimant, span and figures, a figure's per, of, previous and change among them")
    func claim() throws {
        try expectSame(ClaimExtracted(
            claim: "k", article: "a", text: "“At least 155,” he said.", content: "At least 155", span: .init(start: 1, end: 9),
            claimant: .init(name: "he", canonical: "Anna Brandt", kind: "person"), cue: "said", stance: "asserts",
            hedges: ["reportedly", "allegedly"], quote: true,
            figures: [.init(text: "at least 155", low: 155, high: nil, bound: "atLeast", unit: nil, counted: "fighters"),
                      .init(text: "$3.5bn", low: 3.5e9, high: 3.5e9, bound: "exact", unit: "USD", counted: nil),
                      .init(text: "$15 an hour", low: 15, high: 15, bound: "exact", unit: "USD", counted: nil, per: "hour"),
                      .init(text: "one in five hospitals", low: 0.2, high: 0.2, bound: "exact", unit: "ratio", counted: nil, of: "hospitals"),
                      .init(text: "19", low: 19, high: 19, bound: "exact", unit: nil, counted: "toll",
                            previous: .init(text: "about 14", low: 14, high: 14, bound: "approximately"), change: "rise"),
                      .init(text: "to 40", low: 40, high: 40, bound: "exact", unit: nil, counted: nil,
                            previous: .init(text: "more than 20", low: 20, high: nil, bound: "atLeast"))],
            repeats: "r-1", updates: "u-2"))
        try expectSame(ClaimExtracted(claim: "k", article: "a", text: "t", content: nil, span: nil, claimant: nil, cue: nil,
                                      stance: "asserts", hedges: [], quote: false, figures: []))
    }

    @Test("figure.compared with agreements and conflicts, with open bounds, and with its story")
    func compared() throws {
        try expectSame(FigureCompared(
            claim: "k-2", index: 0, article: "a", topic: "00ff", label: "Chinese \"citizens\"", text: "at least 155",
            low: 155, high: nil, bound: "atLeast", unit: nil, agrees: [.init(claim: "k-1", index: 0)],
            conflicts: [.init(claim: "j-4", index: 1), .init(claim: "j-5", index: 0)]))
        try expectSame(FigureCompared(claim: "k", index: 3, article: "a", topic: "t", label: "l", text: "$3.5bn", low: 3.5e9,
                                      high: 3.5e9, bound: "exact", unit: "USD", agrees: [], conflicts: []))
        try expectSame(FigureCompared(claim: "k", index: 0, article: "a", topic: "t", label: "people killed", text: "14",
                                      low: 14, high: 14, bound: "exact", unit: nil, agrees: [], conflicts: [], story: "s\"1"))
    }

    @Test("figure.compared names at most 20 figures of each kind, the most recent, and counts them all")
    func comparedCap() {
        let many = (0..<30).map { FigureCompared.Ref(claim: "c-\($0)", index: 0) }
        let event = FigureCompared(claim: "k", index: 0, article: "a", topic: "t", label: "l", text: "9", low: 9, high: 9,
                                   bound: "exact", unit: nil, agrees: many, conflicts: Array(many.prefix(2)))
        #expect(event.agrees.count == 20 && event.agrees.last?.claim == "c-29" && event.agrees.first?.claim == "c-10")
        #expect(event.agreeing == 30 && event.conflicting == 2)
    }
}

/// The new article relation reads back from the log as it was written.
@Suite struct ArticleContainedTests {
    @Test("article.contained is a known type that decodes from its record")
    func roundTrip() throws {
        let folder = TemporaryDirectory()
        let writer = try EventLogWriter(configuration: .init(directory: folder.path))
        let event = ArticleContained(article: "0123456789abcdef", within: "fedcba9876543210", containment: 0.97, similarity: 0.45)
        _ = try writer.enqueue(event)
        try writer.flush()
        try writer.close()
        let cursor = try LogCursor(directory: folder.path)
        guard case let .record(record)? = try cursor.next() else {
            Issue.record("no record")
            return
        }
        #expect(Event.knownTypes.contains(record.type))
        #expect(try record.event() == .articleContained(event))
        #expect(String(decoding: record.line, as: UTF8.self).contains(#""within":"fedcba9876543210""#))
    }
}
