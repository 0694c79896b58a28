import Testing
@testable import Store

/// The packed display fields of a figure row read back exactly, and a damaged blob is
/// refused rather than misread.
@Suite struct FigureDisplayTests {
    static let full = FigureDisplay(low: 11_500, high: 12_500.25, bound: "approximately", unit: "EUR", counted: "Valdorian citizens",
                                    claimant: "Anna Brandt", cue: "said", stance: "denies", time: "2026-11-23T02:40:26.482Z",
                                    outlet: "Wire", published: "2026-11-14", path: "drop/aaaa1111.txt")

    static func decode(_ bytes: [UInt8]) -> FigureDisplay? {
        bytes.withUnsafeBufferPointer { FigureDisplay(decoding: $0) }
    }

    @Test("every field round-trips: absent ones, empty ones, long and non-ASCII text, any double")
    func roundTrip() {
        let sparse = FigureDisplay(low: nil, high: -.infinity, bound: "", unit: nil, counted: "", claimant: nil, cue: nil,
                                   stance: "asserts", time: "", outlet: nil, published: nil, path: nil)
        let long = FigureDisplay(low: -0.0, high: .greatestFiniteMagnitude, bound: "atLeast", unit: nil,
                                 counted: String(repeating: "Ærø-bürger ", count: 40), claimant: "Zoë Ångström", cue: "„so“",
                                 stance: "asserts", time: "t", outlet: String(repeating: "x", count: 20_000), published: nil,
                                 path: "日本/記事.txt")
        for display in [Self.full, sparse, long] {
            #expect(Self.decode(display.encoded()) == display)
        }
        let negativeZero = Self.decode(long.encoded())?.low
        #expect(negativeZero?.sign == .minus)
    }

    @Test("a blob cut short, run on, or with a missing required field is refused")
    func damaged() {
        let bytes = Self.full.encoded()
        for length in 0..<bytes.count {
            #expect(Self.decode(Array(bytes.prefix(length))) == nil)
        }
        #expect(Self.decode(bytes + [0]) == nil)
        // A number tag other than 0 or 1, and a length that claims more than is there.
        #expect(Self.decode([2] + bytes.dropFirst()) == nil)
        #expect(Self.decode([0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) == nil)
        // No bound (length 0 means absent), where one is required.
        let noBound = FigureDisplay.unreadable.encoded()
        #expect(Self.decode(noBound) == FigureDisplay.unreadable)
        #expect(Self.decode([0, 0, 0] + noBound.dropFirst(3)) == nil)
    }

    @Test("a damaged row in the store is still listed, with its display fields empty")
    func damagedRow() throws {
        let folder = TemporaryFolder()
        try StoreFixtures.write(StoreFixtures.story, to: folder)
        let store = try ClaimStore(path: folder.database, log: folder.log)
        try store.database.execute("UPDATE figures SET display = x'01' WHERE claim = 'aaaa1111-1'")
        let topic = try #require(try store.figures(about: "people").first)
        #expect(topic.figures.count == 3)
        #expect(topic.figures[0].figure == "aaaa1111-1#0")
        #expect(topic.figures[0].bound == "" && topic.figures[0].claimant == nil)
        #expect(topic.figures[1].claimant == "River Watch")
    }
}
