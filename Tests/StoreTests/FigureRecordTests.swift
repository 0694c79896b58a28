import EventLog
import Ledger
import Testing
@testable import Store

/// A figure row's packed record reads back exactly into the view's line and counting
/// numbers, and a damaged one is refused rather than misread.
@Suite struct FigureRecordTests {
    static let full = FigureRecord(range: FigureRange(low: 11_500, high: 12_500.25), source: 42, articleNumber: -7,
                                   figure: "aaaa1111-2#1", text: "some 12,000 Valdorian citizens", low: 11_500, high: 12_500.25,
                                   bound: "approximately", unit: "EUR", counted: "Valdorian citizens", claimant: "Anna Brandt",
                                   cue: "said", stance: "denies", article: "aaaa1111", time: "2026-11-23T02:40:26.482Z",
                                   outlet: "Wire", published: "2026-11-14", path: "drop/aaaa1111.txt",
                                   earlier: FigureRange(low: 9_500, high: .infinity))

    static func read(_ bytes: [UInt8]) -> (line: TopicReport.Line, keyed: SourceCounter.Keyed)? {
        var lines: [TopicReport.Line] = [], keyed: [SourceCounter.Keyed] = []
        let read = bytes.withUnsafeBufferPointer { FigureRecord.read($0, copies: 3, into: &lines, &keyed) }
        #expect(read == (lines.count == 1) && lines.count == keyed.count)
        guard read, let line = lines.first, let numbers = keyed.first else { return nil }
        return (line, numbers)
    }

    /// The record as read back, to compare with what was written.
    static func roundTrip(_ record: FigureRecord) -> FigureRecord? {
        guard let (line, keyed) = read(record.encoded()) else { return nil }
        #expect(line.copies == 3 && keyed.copies == 3)
        return FigureRecord(range: keyed.range, source: keyed.source, articleNumber: keyed.article, figure: line.figure,
                            text: line.text, low: line.low, high: line.high, bound: line.bound, unit: line.unit,
                            counted: line.counted, claimant: line.claimant, cue: line.cue, stance: line.stance,
                            article: line.article, time: line.time, outlet: line.outlet, published: line.published,
                            path: line.path, earlier: keyed.earlier)
    }

    @Test("every field round-trips: absent ones, empty ones, long and non-ASCII text, any double")
    func roundTrip() {
        let sparse = FigureRecord(range: FigureRange(low: 0, high: .infinity), source: 0, articleNumber: 0, figure: "", text: "",
                                  low: nil, high: -.infinity, bound: "", unit: nil, counted: "", claimant: nil, cue: nil,
                                  stance: "asserts", article: "", time: "", outlet: nil, published: nil, path: nil)
        let long = FigureRecord(range: FigureRange(low: -.greatestFiniteMagnitude, high: 0), source: .max, articleNumber: .min,
                                figure: "c#12", text: "über 12 Bürger", low: -0.0, high: .greatestFiniteMagnitude,
                                bound: "atLeast", unit: nil, counted: String(repeating: "Ærø-bürger ", count: 40),
                                claimant: "Zoë Ångström", cue: "„so“", stance: "asserts", article: "a", time: "t",
                                outlet: String(repeating: "x", count: 20_000), published: nil, path: "日本/記事.txt")
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
        let numbers = 32 + 1 + Self.full.figure.utf8.count + 1 + Self.full.text.utf8.count
        var badTag = bytes
        badTag[numbers] = 2
        #expect(Self.read(badTag) == nil)
        #expect(Self.read(Array(bytes.prefix(numbers)) + [0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) == nil)
        // No bound (length 0 means absent), where one is required.
        var noBound = Self.full
        noBound.low = nil
        noBound.high = nil
        var encoded = noBound.encoded()
        let bound = numbers + 2
        #expect(encoded[bound] == UInt8("approximately".utf8.count + 1))
        encoded.removeSubrange(bound..<(bound + 1 + "approximately".utf8.count))
        encoded.insert(0, at: bound)
        #expect(Self.read(encoded) == nil)
        encoded[bound] = 1
        #expect(Self.read(encoded)?.line.bound == "")
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
            #expect(error.description.contains("damaged") && error.description.contains("reindex"))
        }
        try store.rebuild()
        #expect(try store.figures(about: "people").first?.figures.count == 3)
    }
}
