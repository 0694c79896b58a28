import Foundation
import Testing
@testable import EventLog

/// The hand-written claim reader must read what `Codable` reads, and give up (leaving the
/// line to `JSONDecoder`) on anything else.
@Suite struct DirectReadingTests {
    private func line(_ payload: ClaimExtracted) throws -> [UInt8] {
        try claimLine(payload)
    }

    private func viaCodable(_ line: [UInt8]) throws -> ClaimExtracted {
        try JSONDecoder().decode(ClaimExtracted.self, from: Data(line))
    }

    static let full = ClaimExtracted(
        claim: "k", article: "a", text: "“At least 155,” he said.\n\t\"Ünïcode\" \\ / \u{1} 😀", content: "At least 155",
        span: .init(start: 1, end: 9), claimant: .init(name: "he", canonical: "Anna Brandt", kind: "person"), cue: "said",
        stance: "asserts", hedges: ["reportedly", "allegedly"], quote: true,
        figures: [.init(text: "at least 155", low: 155, high: nil, bound: "atLeast", unit: nil, counted: "fighters"),
                  .init(text: "$3.5bn", low: 3.5e9, high: 3.5e9, bound: "exact", unit: "USD", counted: nil),
                  .init(text: "0.1%", low: 0.1, high: -1.25e-7, bound: "range", unit: "percent", counted: "of all"),
                  .init(text: "€300 a week", low: 300, high: 300, bound: "exact", unit: "EUR", counted: nil, per: "week"),
                  .init(text: "half of the votes", low: 0.5, high: 0.5, bound: "exact", unit: "ratio", counted: nil, of: "votes"),
                  .init(text: "$7.9 million", low: 7_900_000, high: 7_900_000, bound: "exact", unit: "USD", counted: nil,
                        previous: .init(text: "$6.7 million", low: 6_700_000, high: 6_700_000, bound: "exact"), change: "rise")],
        repeats: "0123456789abcdef-3", updates: "fedcba9876543210-1")
    static let bare = ClaimExtracted(claim: "k", article: "a", text: "t", content: nil, span: nil, claimant: nil, cue: nil,
                                     stance: "denies", hedges: [], quote: false, figures: [])

    @Test("a claim written by the log reads back the same as through Codable, with every field and with none")
    func roundTrip() throws {
        for payload in [Self.full, Self.bare] {
            let bytes = try line(payload)
            #expect(ClaimExtracted.read(bytes) == payload)
            #expect(try viaCodable(bytes) == payload)
        }
    }

    @Test("escapes, nulls, spaces and unknown fields read as Codable reads them")
    func handWritten() throws {
        let text = #"""
            { "claim" : "k\u00e9\ud83d\ude00", "article":"a", "text":"x\/y\"z", "content":null, "span":null, "cue":null,
              "claimant":{"name":"n","canonical":"c","kind":"person","extra":[1,{"a":[true,false,null]}]},
              "stance":"asserts","hedges":[],"quote":false,"future":{"x":-1.5e3},
              "figures":[{"text":"3","low":3,"high":3.0E0,"bound":"exact","unit":null}] }
            """#
        let bytes = Array(text.utf8)
        let fast = try #require(ClaimExtracted.read(bytes))
        #expect(fast == (try viaCodable(bytes)))
        #expect(fast.claim == "ké😀")
    }

    @Test("lines it is unsure of are left to JSONDecoder")
    func givesUp() throws {
        let good = String(decoding: try line(Self.bare), as: UTF8.self)
        let doubtful = [
            good.replacingOccurrences(of: "\"quote\":false", with: "\"quote\":false,\"quote\":true"),
            good.replacingOccurrences(of: "\"figures\":[]", with: "\"figures\":[{\"text\":\"1\",\"low\":+1,\"bound\":\"exact\"}]"),
            good.replacingOccurrences(of: "\"figures\":[]", with: "\"figures\":[{\"text\":\"1\",\"low\":1e999,\"bound\":\"exact\"}]"),
            good.replacingOccurrences(of: "\"text\":\"t\"", with: "\"text\":\"\\ud800\""),
            good.replacingOccurrences(of: "\"stance\":\"denies\"", with: "\"stance\":7"),
            good.replacingOccurrences(of: ",\"hedges\":[]", with: ""),
            good + "x",
            String(good.dropLast()),
        ]
        for line in doubtful { #expect(ClaimExtracted.read(Array(line.utf8)) == nil, "\(line)") }
        // Invalid UTF-8 inside a string.
        var invalid = try line(Self.bare)
        let key = Array("\"text\":\"t".utf8)
        let at = try #require(invalid.indices.first { invalid[$0...].starts(with: key) })
        invalid[at + key.count - 1] = 0xFF
        #expect(ClaimExtracted.read(invalid) == nil)
    }

    @Test("a record the reader gives up on still decodes, or fails, as before")
    func fallsBack() throws {
        let good = String(decoding: try line(Self.full), as: UTF8.self)
        let spaced = good.replacingOccurrences(of: "\"quote\":true", with: "\"quote\":true,\"quote\":true")
        let envelope = Envelope(seq: 7, type: ClaimExtracted.eventType, time: "2026-11-01T00:00:00Z")
        #expect(try LogRecord(envelope: envelope, line: Array(spaced.utf8)).decode(ClaimExtracted.self) == Self.full)
        let broken = good.replacingOccurrences(of: "\"stance\":\"asserts\"", with: "\"stance\":1")
        #expect(throws: EventLogError.self) { try LogRecord(envelope: envelope, line: Array(broken.utf8)).decode(ClaimExtracted.self) }
    }
}
