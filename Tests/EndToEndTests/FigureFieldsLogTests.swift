import EventLog
import Foundation
import Testing

/// What the log records of a figure read right: a change with its earlier value, a rate's
/// unit, a share's whole, exact decimals as written, and a speaker named after "by".
@Suite struct FigureFieldsLogTests {
    let claimwatch = Executable("claimwatch")

    static let article = """
        Reservoir Toll Rises In Halvern Valley

        The death toll rose to 19 on Thursday, up from 14 a day earlier, the county coroner said.

        Repairs to the spillway will cost €4.1m, the water board said.

        Winds of up to 65 km/h slowed the search, and one in five homes in the valley lost power.

        There were 3,200 evacuees reported by fire officials on Friday evening.
        """

    @Test("claim.extracted carries previous, change, unit, of and the speaker, and values read as written")
    func figureFields() throws {
        let state = TemporaryFolder("figure-fields")
        let inbox = TemporaryFolder("figure-fields-in")
        try Self.article.write(toFile: inbox.path + "/halvern.txt", atomically: true, encoding: .utf8)
        let result = try claimwatch.run(["ingest", "--state", state.path, inbox.path])
        #expect(result.status == 0, "\(result.stderr)")

        var claims: [ClaimExtracted] = []
        var lines: [String] = []
        let records = try EventLogReader(directory: state.path + "/log").cursor()
        while case let .record(record)? = try records.next() {
            guard record.type == ClaimExtracted.eventType else { continue }
            claims.append(try record.decode(ClaimExtracted.self))
            lines.append(record.json)
        }
        let figures = claims.flatMap(\.figures)

        let toll = try #require(figures.first { $0.low == 19 })
        #expect(toll.previous?.low == 14)
        #expect(toll.change == "rise")
        #expect(!figures.contains { $0.low == 14 && $0.previous == nil }, "the earlier value is no figure of its own")

        #expect(lines.contains { $0.contains("\"low\":4100000,") }, "€4.1m is logged as written")
        #expect(figures.contains { $0.unit == "km/h" && $0.high == 65 && $0.counted == nil })
        #expect(figures.contains { $0.unit == "ratio" && $0.low == 0.2 && $0.of == "homes" })
        let evacuees = try #require(claims.first { $0.text.contains("evacuees") })
        #expect(evacuees.claimant?.name == "fire officials")
    }
}
