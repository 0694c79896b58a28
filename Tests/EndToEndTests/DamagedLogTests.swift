import EventLog
import Foundation
import Testing

/// After a record of the log is damaged, every answer that leaves it out says so, on
/// standard error with the place, and exits 2.
@Suite struct DamagedLogTests {
    let claimwatch = Executable("claimwatch")

    /// Flips one byte inside the record with `seq`; returns its byte offset.
    @discardableResult
    static func damage(seq: Int, in fixture: LogFixture) throws -> Int {
        let segment = fixture.log + "/00000000000000000001.log"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment)))
        let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        let start = starts[seq - 1]
        bytes[start + 40] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        return start
    }

    static let partialCommands: [[String]] = [
        ["stats"], ["claims"], ["claims", "--json"], ["claims", "--csv"], ["figures", "--about", "people"], ["claimants"],
        ["articles"], ["dupes"], ["show", "e1bb"], ["tail", "-n", "100"], ["stories"],
    ]

    @Test("a damaged claim: every command says the answer is partial, names the place, and exits 2", arguments: partialCommands)
    func damagedClaim(command: [String]) throws {
        let fixture = try LogFixture.withStory("damaged")
        // The claim "more than 500 people" is the seventh record.
        let offset = try Self.damage(seq: 7, in: fixture)
        let result = try claimwatch.run(command + ["--state", fixture.state.path])
        #expect(result.status == 2, "\(command): \(result.stderr)")
        #expect(result.stderr.contains("00000000000000000001.log at byte \(offset)"), "\(command): \(result.stderr)")
        #expect(!result.stdout.contains("more than 500 people"))
    }

    @Test("the figure disappears from the counts, and the counts say so")
    func countsLeaveItOut() throws {
        let fixture = try LogFixture.withStory("damaged-stats")
        try Self.damage(seq: 7, in: fixture)
        let stats = try claimwatch.run(["stats", "--state", fixture.state.path, "--json"])
        #expect(stats.status == 2)
        #expect(stats.stdout.contains("\"claims\":5"))
        #expect(stats.stderr.contains("partial answer: 1 damaged record"))
    }

    @Test("damage found after the store was built: the JSON that reads the record says it is partial")
    func damagedAfterTheStore() throws {
        let fixture = try LogFixture.withStory("damaged-later")
        #expect(try claimwatch.run(["claims", "--state", fixture.state.path]).status == 0)
        try Self.damage(seq: 7, in: fixture)
        let claims = try claimwatch.run(["claims", "--state", fixture.state.path, "--json"])
        #expect(claims.status == 2)
        #expect(claims.stdout.split(separator: "\n").count == 5)
        // The figures view still shows the figure, from the store's own copy, and says the record is damaged.
        let figures = try claimwatch.run(["figures", "--state", fixture.state.path, "--json"])
        #expect(figures.status == 2)
        #expect(figures.stdout.contains("more than 500 people"))
    }

    @Test("a damaged last record that the writer cuts and writes again is no longer reported")
    func tornTailRecovered() throws {
        let fixture = try LogFixture.withStory("damaged-tail")
        let last = LogFixture.story.count
        try Self.damage(seq: last, in: fixture)
        #expect(try claimwatch.run(["claims", "--state", fixture.state.path]).status == 2)
        // The writer's recovery cuts a bad last line, and the next record takes its place.
        try fixture.write([("2026-11-15T08:00:00Z", LogFixture.claim("e2dd0000dddd0004-2", article: "e2dd0000dddd0004", name: nil,
                                                                       text: "The ferries ran on time."))])
        let after = try claimwatch.run(["claims", "--state", fixture.state.path])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stderr.isEmpty)
        #expect(after.stdout.contains("The ferries ran on time."))
    }
}
