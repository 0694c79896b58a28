import Foundation
import Testing

/// `show` gives the whole article (its claims too) and a copy's own text; `ingest`'s
/// progress bar ends on the right counts.
@Suite struct ShowAndIngestTests {
    let claimwatch = Executable("claimwatch")

    private func ingested() throws -> TemporaryFolder {
        let state = TemporaryFolder("show")
        let result = try claimwatch.run(["ingest", "--state", state.path, ArticleCommandTests.examples])
        #expect(result.status == 0, "\(result.stderr)")
        return state
    }

    /// The id of the copy that came from `path`.
    private func copyID(_ path: String, state: TemporaryFolder) throws -> String {
        let dupes = try claimwatch.run(["dupes", "--json", "--state", state.path])
        for line in dupes.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for copy in object["copies"] as? [[String: Any]] ?? [] where copy["path"] as? String == path {
                return try #require(copy["article"] as? String)
            }
        }
        throw HarnessError("no copy from \(path)")
    }

    @Test("show lists the article's claims; given a copy, it says what kind of copy; --copy shows the copy's own text")
    func showClaimsAndCopy() throws {
        let state = try ingested()
        // The wire story is a near copy of its re-headlined version, the story's fullest.
        let copy = try copyID("npa-wire-kessel-dam.txt", state: state)
        let show = try claimwatch.run(["show", copy, "--state", state.path])
        #expect(show.status == 0)
        #expect(show.stdout.contains("is a near copy of this article"))
        #expect(show.stdout.contains("\"The water was at the door\": 14 dead as Marrow dam gives way"))
        #expect(show.stdout.contains("claims:"))
        #expect(show.stdout.contains("Marrow Emergency Service"))

        let own = try claimwatch.run(["show", copy, "--copy", "--state", state.path])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stdout.contains("Kessel Dam breach forces thousands from their homes"))
        #expect(own.stdout.contains("kind        near"))
        let json = try claimwatch.run(["show", copy, "--copy", "--json", "--state", state.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "article.duplicate")
        #expect((object["text"] as? String)?.contains("Floodwater from the breached Kessel Dam") == true)

        let original = try claimwatch.run(["show", "e1c295", "--copy", "--state", state.path])
        #expect(original.status == 1)
        #expect(original.stderr.contains("names an article, not a copy"))
    }

    @Test("on a terminal, ingest's progress bar ends with the final counts, nothing left pending")
    func progressBar() throws {
        let state = TemporaryFolder("progress")
        let result = try PseudoTerminal.run(claimwatch, ["ingest", "--state", state.path, ArticleCommandTests.examples])
        #expect(result.status == 0, "\(result.output)")
        let bar = try #require(result.output.components(separatedBy: "\r").last { $0.hasPrefix("[") })
        #expect(bar.contains("8/8"), "\(bar)")
        // The trimmed story arrives first and the fuller one is not its copy (issue 15).
        #expect(bar.contains("5 articles, 3 copies, 0 rejected"), "\(bar)")
        #expect(!bar.contains("pending"), "\(bar)")
        #expect(result.output.contains("8 files from"))
    }
}
