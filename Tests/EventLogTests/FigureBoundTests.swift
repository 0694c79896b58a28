import Foundation
import Testing
@testable import EventLog

/// A figure's bound is an enum past the log's decoding, and a bound a newer writer logged
/// passes through reading and writing as it was written.
@Suite struct FigureBoundTests {
    private static let newer = ClaimExtracted(
        claim: "k", article: "a", text: "t", content: nil, span: nil, claimant: nil, cue: nil, stance: "asserts",
        hedges: [], quote: false,
        figures: [.init(text: "between 3 and 5, roughly", low: 3, high: 5, bound: .unknown("roughlyBetween"), unit: nil,
                        counted: nil, previous: .init(text: "near 2", low: 2, high: nil, bound: .unknown("near")))])

    @Test("each bound this build writes reads back as itself; any other text is unknown and keeps its words")
    func rawValues() {
        #expect(FigureBound.known.map(\.rawValue) == ["exact", "atLeast", "atMost", "approximately", "range"])
        for bound in FigureBound.known {
            #expect(FigureBound(rawValue: bound.rawValue) == bound)
        }
        for text in ["roughlyBetween", "", "Exact", "at least"] {
            #expect(FigureBound(rawValue: text) == .unknown(text))
            #expect(FigureBound(rawValue: text).rawValue == text)
        }
    }

    @Test("a claim with bounds from a newer writer reads the same through both readers and is written back byte for byte")
    func newerWriter() throws {
        let bytes = try claimLine(Self.newer)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""bound":"roughlyBetween""#) && text.contains(#""bound":"near""#))
        let fast = try #require(ClaimExtracted.read(bytes))
        let reference = try JSONDecoder().decode(ClaimExtracted.self, from: Data(bytes))
        #expect(fast == Self.newer && reference == Self.newer)
        #expect(try claimLine(fast) == bytes)
        var output = JSONOutput()
        try StreamingJSONEncoder.appendFields(of: Self.newer, to: &output, existingFields: 0)
        #expect(String(decoding: output.bytes, as: UTF8.self).contains(#""bound":"roughlyBetween""#))
    }

    @Test("a comparison's bound from a newer writer is written as it was read")
    func comparison() throws {
        let event = FigureCompared(claim: "k", index: 0, article: "a", topic: "t", label: "l", text: "x", low: 1, high: 2,
                                   bound: .unknown("roughlyBetween"), unit: nil, agrees: [], conflicts: [])
        var writer = EventFieldWriter(fields: 0)
        try event.writeFields(to: &writer)
        var output = JSONOutput()
        try StreamingJSONEncoder.appendFields(of: event, to: &output, existingFields: 0)
        #expect(writer.output.bytes == output.bytes)
        #expect(String(decoding: output.bytes, as: UTF8.self).contains(#""bound":"roughlyBetween""#))
    }
}
