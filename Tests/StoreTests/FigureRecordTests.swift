import Ledger
import Testing
@testable import Store

/// A figure row's packed record reads back exactly into the view's line and counting
/// numbers, and a damaged one is refused rather than misread.
@Suite struct FigureRecordTests {
    static let full = FigureRecord(range: FigureRange(low: 11_500, high: 12_500.25), source: 42, article: -7, low: 11_500,
                                   high: 12_500.25, bound: "approximately", unit: "EUR", counted: "Valdorian citizens",
                                   claimant: "Anna Brandt", cue: "said", stance: "denies", time: "2026-11-23T02:40:26.482Z",
                                   outlet: "Wire", published: "2026-11-14", path: "drop/aaaa1111.txt")

    static func read(_ bytes: [UInt8]) -> (line: TopicReport.Line, keyed: SourceCounter.Keyed)? {
        bytes.withUnsafeBufferPointer { FigureRecord.read($0, figure: "c#0", text: "t", article: "a", copies: 3) }
    }

    /// The record as read back, to compare with what was written.
    static func roundTrip(_ record: FigureRecord) -> FigureRecord? {
        guard let (line, keyed) = read(record.encoded()) else { return nil }
        #expect(line.figure == "c#0" && line.text == "t" && line.article == "a" && line.copies == 3 && keyed.copies == 3)
        return FigureRecord(range: keyed.range, source: keyed.source, article: keyed.article, low: line.low, high: line.high,
                            bound: line.bound, unit: line.unit, counted: line.counted, claimant: line.claimant, cue: line.cue,
                            stance: line.stance, time: line.time, outlet: line.outlet, published: line.published, path: line.path)
    }

    @Test("every field round-trips: absent ones, empty ones, long and non-ASCII text, any double")
    func roundTrip() {
        let sparse = FigureRecord(range: FigureRange(low: 0, high: .infinity), source: 0, article: 0, low: nil, high: -.infinity,
                                  bound: "", unit: nil, counted: "", claimant: nil, cue: nil, stance: "asserts", time: "",
                                  outlet: nil, published: nil, path: nil)
        let long = FigureRecord(range: FigureRange(low: -.greatestFiniteMagnitude, high: 0), source: .max, article: .min,
                                low: -0.0, high: .greatestFiniteMagnitude, bound: "atLeast", unit: nil,
                                counted: String(repeating: "Ærø-bürger ", count: 40), claimant: "Zoë Ångström", cue: "„so“",
                                stance: "asserts", time: "t", outlet: String(repeating: "x", count: 20_000), published: nil,
                                path: "日本/記事.txt")
        for record in [Self.full, sparse, long] {
            #expect(Self.roundTrip(record) == record)
        }
        #expect(Self.roundTrip(long)?.low?.sign == .minus)
    }

    @Test("a record cut short, run on, or with a required field absent is refused")
    func damaged() {
        let bytes = Self.full.encoded()
        for length in 0..<bytes.count {
            #expect(Self.read(Array(bytes.prefix(length))) == nil)
        }
        #expect(Self.read(bytes + [0]) == nil)
        // A number tag other than 0 or 1, and a length that claims more than is there.
        var badTag = bytes
        badTag[32] = 2
        #expect(Self.read(badTag) == nil)
        #expect(Self.read(Array(bytes.prefix(32)) + [0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) == nil)
        // No bound (length 0 means absent), where one is required.
        var noBound = Self.full
        noBound.unit = nil
        noBound.low = nil
        noBound.high = nil
        var encoded = noBound.encoded()
        #expect(encoded[34] == UInt8("approximately".utf8.count + 1))
        encoded.remove(at: 34)
        encoded.removeSubrange(34..<(34 + "approximately".utf8.count))
        encoded.insert(0, at: 34)
        #expect(Self.read(encoded) == nil)
    }

    @Test("a damaged row in the store is reported, with the way to rebuild it")
    func damagedRow() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(StoreFixtures.story, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        #expect(try store.figures(about: "people").first?.figures.count == 3)
        try store.database.execute("UPDATE figures SET record = x'01' WHERE claim = 'aaaa1111-1'")
        do {
            _ = try store.figures(about: "people")
            Issue.record("a damaged record was read")
        } catch {
            #expect(error.description.contains("aaaa1111-1#0") && error.description.contains("reindex"))
        }
        try store.rebuild()
        #expect(try store.figures(about: "people").first?.figures.count == 3)
    }
}
