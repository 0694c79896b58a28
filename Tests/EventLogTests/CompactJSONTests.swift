import EventLog
import Foundation
import Testing

/// The JSON lines commands print: the same values Foundation's encoder gives, in the
/// type's own key order.
@Suite struct CompactJSONTests {
    struct Row: Codable, Equatable {
        struct Part: Codable, Equatable {
            var name: String
            var weight: Double?
        }

        var id: Int
        var title: String
        var missing: String?
        var ratio: Double
        var whole: Double
        var flags: [Bool]
        var parts: [Part]
        var nested: [[String]]
    }

    static let rows = [
        Row(id: 7, title: "plain", missing: nil, ratio: 0.25, whole: 12_000, flags: [true, false],
            parts: [Row.Part(name: "a", weight: nil), Row.Part(name: "b", weight: 1.5)], nested: [["x", "y"], []]),
        Row(id: -3, title: "quote \" backslash \\ slash / tab \t newline \n bell \u{7} café “curly” 🌊", missing: "here",
            ratio: 1e-7, whole: 0, flags: [], parts: [], nested: []),
    ]

    @Test("decodes to the value encoded, with nil fields left out", arguments: rows)
    func roundTrip(_ row: Row) throws {
        let line = try CompactJSON.encode(row)
        #expect(try JSONDecoder().decode(Row.self, from: Data(line.utf8)) == row)
        #expect(!line.contains("\n"))
        #expect(line.contains("\"missing\"") == (row.missing != nil))
    }

    @Test("keys come in the order the type encodes them")
    func order() throws {
        let line = try CompactJSON.encode(Self.rows[0])
        #expect(line.hasPrefix(#"{"id":7,"title":"plain","ratio":0.25,"whole":12000,"flags":[true,false],"#))
    }
}
