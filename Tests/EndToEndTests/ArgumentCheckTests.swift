import Foundation
import Testing

/// Bad input on the command line is refused, saying what is expected, never answered
/// with silence.
@Suite struct ArgumentCheckTests {
    let claimwatch = Executable("claimwatch")

    static let impossibleTimes = ["2026-13-45", "2026-12-05T25:99", "2026-02-30", "2025-02-29", "2026-11-12T08:60", "last tuesday", "12"]

    @Test("impossible dates and times are refused with the forms that are read", arguments: impossibleTimes)
    func badTimes(text: String) throws {
        let fixture = try LogFixture.withStory("bad-time")
        for command in [["claims", "--since"], ["figures", "--until"], ["tail", "--since"], ["articles", "--since"],
                        ["dupes", "--until"], ["claimants", "--since"]] {
            let result = try claimwatch.run(command + [text, "--state", fixture.state.path])
            #expect(result.status == 64, "\(command) \(text)")
            #expect(result.stderr.contains("is not a time"), "\(command) \(text): \(result.stderr)")
            #expect(result.stderr.contains("2026-11-12T08:00"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("what is wrong with a date is said precisely")
    func preciseTimeMessages() throws {
        let fixture = try LogFixture.withStory("time-message")
        let expected = ["2026-13-45": "month 13 does not exist", "2026-02-30": "day 30 does not exist in February 2026",
                        "2026-12-05T25:99": "hour 25 does not exist"]
        for (text, message) in expected {
            let result = try claimwatch.run(["claims", "--since", text, "--state", fixture.state.path])
            #expect(result.stderr.contains(message), "\(text): \(result.stderr)")
        }
    }

    @Test("real dates, times with offsets, ages and day names are read", arguments: [
        "2028-02-29", "2026-11-12", "2026-11-12T08:00", "2026-11-12 08:00:30Z", "2026-11-12T08:00+01:00", "2026-11", "7d",
        "90m", "2 weeks ago", "today", "yesterday",
    ])
    func goodTimes(text: String) throws {
        let fixture = try LogFixture.withStory("good-time")
        let result = try claimwatch.run(["claims", "--since", text, "--state", fixture.state.path])
        #expect(result.status == 0, "\(text): \(result.stderr)")
    }

    @Test("a --since after the --until is refused")
    func reversedRange() throws {
        let fixture = try LogFixture.withStory("reversed")
        let result = try claimwatch.run(["claims", "--since", "2026-11-13", "--until", "2026-11-12", "--state", fixture.state.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("comes after --until"))
    }

    @Test("an id several ids start with is an error listing them, for show and claims --article alike")
    func ambiguousID() throws {
        let fixture = try LogFixture.withStory("ambiguous")
        for command in [["show", "e1"], ["claims", "--article", "e1"]] {
            let result = try claimwatch.run(command + ["--state", fixture.state.path])
            #expect(result.status == 1, "\(command)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("'e1' is the start of 3 ids"))
            for id in ["e1aa0000aaaa0001", "e1bb0000bbbb0002", "e1cc0000cccc0003"] { #expect(result.stderr.contains(id)) }
            #expect(result.stderr.contains("copy of e1aa0000aaaa0001"))
        }
        // A prefix one id alone has is enough, and a whole id always is.
        #expect(try claimwatch.run(["show", "e2", "--state", fixture.state.path]).status == 0)
        #expect(try claimwatch.run(["claims", "--article", "e1bb", "--state", fixture.state.path]).stdout.contains("ferry union"))
    }

    @Test("an unknown id is an error everywhere; an empty one a usage error")
    func unknownID() throws {
        let fixture = try LogFixture.withStory("unknown")
        for command in [["show", "zzz"], ["claims", "--article", "zzz"], ["show", "deadbeef"]] {
            let result = try claimwatch.run(command + ["--state", fixture.state.path])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("no article or copy has an id starting with"))
        }
        for command in [["show", ""], ["claims", "--article", ""]] {
            #expect(try claimwatch.run(command + ["--state", fixture.state.path]).status == 64, "\(command)")
        }
    }

    @Test("an unknown event type is refused with the known types listed")
    func unknownType() throws {
        let fixture = try LogFixture.withStory("bad-type")
        let result = try claimwatch.run(["tail", "--type", "bogus", "--state", fixture.state.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no such event type"))
        #expect(result.stderr.contains("claim.extracted"))
        let family = try claimwatch.run(["tail", "--type", "claim", "-n", "2", "--state", fixture.state.path])
        #expect(family.status == 0)
        #expect(family.stdout.split(separator: "\n").count == 2)
    }

    @Test("a search with no word in it is refused, not taken to match everything", arguments: [
        ["claims", "--contains", "\""], ["claims", "--claimant", "\"\""], ["figures", "--about", "…"], ["claims", "--outlet", "!!"],
    ])
    func emptySearch(command: [String]) throws {
        let fixture = try LogFixture.withStory("empty-search")
        let result = try claimwatch.run(command + ["--state", fixture.state.path])
        #expect(result.status == 64, "\(command)")
        #expect(result.stderr.contains("holds no word to search for"))
    }

    @Test("a claimant or outlet no record names is an error, not an empty list")
    func unknownNames() throws {
        let fixture = try LogFixture.withStory("unknown-name")
        let claimant = try claimwatch.run(["claims", "--claimant", "Nobody Atall", "--state", fixture.state.path])
        #expect(claimant.status == 1)
        #expect(claimant.stderr.contains("no claimant in the record matches 'Nobody Atall'"))
        let outlet = try claimwatch.run(["figures", "--outlet", "Daily Nothing", "--state", fixture.state.path])
        #expect(outlet.status == 1)
        #expect(outlet.stderr.contains("no outlet in the record matches"))
        // Known names that only match nothing together are an empty answer.
        let none = try claimwatch.run(["claims", "--claimant", "Medina", "--stance", "denies", "--state", fixture.state.path])
        #expect(none.status == 0)
        #expect(none.stdout.contains("no claims match"))
    }

    @Test("claimwatch with no command prints its help on standard error and fails")
    func noCommand() throws {
        let result = try claimwatch.run([])
        #expect(result.status == 64)
        #expect(result.stderr.contains("SUBCOMMANDS"))
        #expect(result.stdout.isEmpty)
        #expect(try claimwatch.run(["--help"]).status == 0)
    }

    @Test("--json and --csv together are a usage error; --stance takes only asserts or denies")
    func exclusiveFlags() throws {
        let fixture = try LogFixture.withStory("flags")
        #expect(try claimwatch.run(["claims", "--json", "--csv", "--state", fixture.state.path]).status == 64)
        let stance = try claimwatch.run(["claims", "--stance", "maybe", "--state", fixture.state.path])
        #expect(stance.status == 64)
        #expect(stance.stderr.contains("asserts"))
    }
}
