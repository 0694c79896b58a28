import Foundation
import Testing

/// Reading commands never make state: a mistyped `--state` is an error naming the folder.
@Suite struct StateFolderTests {
    let claimwatch = Executable("claimwatch")

    static let readers: [[String]] = [
        ["tail"], ["verify"], ["articles"], ["show", "e1"], ["dupes"], ["claims"], ["figures"], ["claimants"], ["stats"],
        ["stories"], ["reindex"],
    ]

    @Test("every reading command on a folder with no log fails with status 1, names the log folder and makes nothing",
          arguments: readers)
    func missingLog(command: [String]) throws {
        let parent = TemporaryFolder("cli-missing")
        let state = parent.path + "/does-not-exist"
        let result = try claimwatch.run(command + ["--state", state])
        #expect(result.status == 1, "\(command): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no event log at \(state)/log"))
        #expect(!FileManager.default.fileExists(atPath: state))

        let fromEnvironment = try claimwatch.run(command, environment: ["CLAIMWATCH_STATE": state])
        #expect(fromEnvironment.status == 1)
        #expect(fromEnvironment.stderr.contains("$CLAIMWATCH_STATE"))
        #expect(!FileManager.default.fileExists(atPath: state))
    }

    @Test("a state folder without a log is not taken for an empty record, even with other folders in it")
    func stateWithoutLog() throws {
        let state = TemporaryFolder("cli-nolog")
        try FileManager.default.createDirectory(atPath: state.path + "/index", withIntermediateDirectories: true)
        let stats = try claimwatch.run(["stats", "--state", state.path])
        #expect(stats.status == 1)
        #expect(!stats.stdout.contains("articles"))
        #expect(!FileManager.default.fileExists(atPath: state.path + "/index/claims.sqlite"))
    }

    @Test("verify on an empty log says it is empty, not ok, and fails")
    func verifyEmpty() throws {
        let state = TemporaryFolder("cli-verify-empty")
        try FileManager.default.createDirectory(atPath: state.path + "/log", withIntermediateDirectories: true)
        let result = try claimwatch.run(["verify", "--state", state.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("empty: the log holds no records"))
        #expect(!result.stdout.contains("ok:"))
        let json = try claimwatch.run(["verify", "--state", state.path, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["ok"] as? Bool == false)
        #expect(json.status == 1)
    }

    @Test("a folder with a log but no query store answers, the store built from the log")
    func logWithoutStore() throws {
        let fixture = try LogFixture.withStory("cli-nostore")
        #expect(!FileManager.default.fileExists(atPath: fixture.state.path + "/index"))
        let result = try claimwatch.run(["claims", "--state", fixture.state.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Crossings resumed on Saturday"))
        #expect(FileManager.default.fileExists(atPath: fixture.state.path + "/index/claims.sqlite"))
    }
}
