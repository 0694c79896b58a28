import Foundation
import Testing

/// The filters people reach for, on every listing: time (recorded or published), outlet,
/// stance, quotes, and claimant names without accents or case.
@Suite struct FilterTests {
    let claimwatch = Executable("claimwatch")

    private func claims(_ arguments: [String], _ fixture: LogFixture) throws -> [[String: Any]] {
        let result = try claimwatch.run(["claims", "--json", "--state", fixture.state.path] + arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    private func ids(_ lines: [[String: Any]], key: String = "claim") -> [String] {
        lines.compactMap { $0[key] as? String }
    }

    @Test("--claimant matches without accents and case: Raul finds Raúl Medina", arguments: ["Raul", "raúl MEDINA", "medina", "RAUL"])
    func accents(name: String) throws {
        let fixture = try LogFixture.withStory("accents")
        #expect(ids(try claims(["--claimant", name], fixture)) == ["e1bb0000bbbb0002-2", "e1aa0000aaaa0001-1"])
    }

    @Test("--stance denies, --quotes and --outlet keep what they say")
    func stanceQuotesOutlet() throws {
        let fixture = try LogFixture.withStory("stance")
        #expect(ids(try claims(["--stance", "denies"], fixture)) == ["e1bb0000bbbb0002-1"])
        #expect(ids(try claims(["--quotes"], fixture)) == ["e1bb0000bbbb0002-2"])
        #expect(ids(try claims(["--outlet", "harbour POST"], fixture)).count == 3)
        #expect(ids(try claims(["--outlet", "Gazette", "--claimant", "Medina"], fixture)) == ["e1aa0000aaaa0001-1"])
        let denials = try claimwatch.run(["claimants", "--stance", "denies", "--json", "--state", fixture.state.path])
        #expect(denials.stdout.split(separator: "\n").count == 1)
        #expect(denials.stdout.contains("Ferry Workers Union"))
    }

    @Test("--since and --until on the recorded time: a date names its whole day")
    func recordedTime() throws {
        let fixture = try LogFixture.withStory("recorded")
        #expect(try claims(["--since", "2026-11-12"], fixture).count == 4)
        #expect(try claims(["--until", "2026-11-12"], fixture).count == 5)
        #expect(try claims(["--since", "2026-11-12", "--until", "2026-11-12"], fixture).count == 3)
        #expect(try claims(["--since", "2026-11-12T10:00:02Z", "--until", "2026-11-12T10:00:02Z"], fixture).count == 1)
        #expect(try claims(["--since", "2026-11-12T11:00+01:00", "--until", "2026-11-12T11:00+01:00"], fixture).count == 3)
        #expect(try claims(["--since", "2999-01-01"], fixture).isEmpty)
        #expect(try claims(["--since", "2d"], fixture).isEmpty)
    }

    @Test("--published applies the range to the article's published date; articles with none are left out")
    func publishedTime() throws {
        let fixture = try LogFixture.withStory("published")
        // The Post's 2026-11-12T08:30+01:00 is 07:30 UTC on the 12th; the Gazette's is the 10th.
        #expect(ids(try claims(["--published", "--since", "2026-11-11"], fixture)).allSatisfy { $0.hasPrefix("e1bb") })
        #expect(try claims(["--published", "--since", "2026-11-11"], fixture).count == 3)
        #expect(try claims(["--published", "--until", "2026-11-10"], fixture).count == 2)
        #expect(try claims(["--published", "--since", "2026-11-12T07:31Z"], fixture).isEmpty)
        let articles = try claimwatch.run(["articles", "--published", "--since", "2026-11-01", "--json", "--state", fixture.state.path])
        #expect(articles.stdout.split(separator: "\n").count == 2)
    }

    @Test("articles, dupes, figures, claimants and tail take the same time range")
    func everyListing() throws {
        let fixture = try LogFixture.withStory("listings")
        let state = ["--state", fixture.state.path]
        let articles = try claimwatch.run(["articles", "--since", "2026-11-12", "--json"] + state)
        #expect(ids(articles.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] },
                    key: "article") == ["e2dd0000dddd0004", "e1bb0000bbbb0002"])
        #expect(try claimwatch.run(["articles", "--outlet", "lakeside", "--csv"] + state).stdout.split(separator: "\r\n").count == 2)
        #expect(try claimwatch.run(["dupes", "--since", "2026-11-13"] + state).stdout.contains("e1cc0000cccc0003"))
        #expect(try claimwatch.run(["dupes", "--until", "2026-11-12"] + state).stdout.contains("no copies match"))
        // The evacuated: 300 on the 10th, more than 500 on the 12th, too far apart to be compared.
        #expect(try claimwatch.run(["figures", "--about", "people"] + state).stdout.contains("2 figures, agree"))
        let later = try claimwatch.run(["figures", "--about", "people", "--since", "2026-11-11", "--csv"] + state)
        #expect(later.stdout.split(separator: "\r\n").count == 2)
        #expect(later.stdout.contains("more than 500 people"))
        #expect(try claimwatch.run(["figures", "--since", "2026-11-11"] + state).stdout.contains("no topic has two figures that match"))
        #expect(try claimwatch.run(["figures", "--about", "people", "--outlet", "Lakeside Gazette"] + state).stdout.contains("About 300 people"))
        let claimants = try claimwatch.run(["claimants", "--until", "2026-11-10", "--json"] + state)
        #expect(claimants.stdout.split(separator: "\n").count == 1)
        #expect(claimants.stdout.contains("Raúl Medina"))
        let tail = try claimwatch.run(["tail", "--since", "2026-11-12", "--until", "2026-11-12"] + state)
        #expect(tail.stdout.split(separator: "\n").count == 4)
        let lastOfDay = try claimwatch.run(["tail", "--since", "2026-11-12", "--until", "2026-11-12", "-n", "1"] + state)
        #expect(lastOfDay.stdout.contains("\"seq\":7,"))
        #expect(try claimwatch.run(["tail", "--since", "2999-01-01"] + state).stdout.isEmpty)
    }
}
